using System.Collections.Frozen;
using Storyline.Text;

namespace Storyline.Stories;

/// <summary>A word of an article as story features see it: its span, and whether it starts a sentence (a capital
/// there says nothing about being a name).</summary>
internal readonly record struct StoryWord(TextSpan Span, bool SentenceInitial);

/// <summary>
/// The light text handling of story features: words over the article's content regions (never its ignored spans),
/// a stop list, and a suffix stripper. It works on raw text, so clustering needs no other layer and runs on any
/// input (the evaluation corpora are given as plain text).
/// </summary>
internal static class StoryText
{
    /// <summary>Function words and the vocabulary every news report shares (reporting verbs, calendar words): they
    /// link unrelated stories. The incremental IDF discounts the rest, but it is weak for the first articles of a
    /// run, when every word looks rare.</summary>
    public static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
        """
        a about above after again against ago all almost also although always am among an and another any anyone
        anything are around as at be became because become been before being below between both but by can cannot
        could did do does doing done down during each either else even ever every few for from further get gets got
        had has have having he her here hers herself him himself his how however i if in into is it its itself just
        last least less like made make many may me might more most much must my myself near need never new news next
        no nor not now of off on once one only or other others our ours ourselves out over own per perhaps put rather
        said same say saying says see seen she should since so some still such than that the their theirs them
        themselves then there these they this those though three through thus to today told too two under until up
        upon us very via was we well were what whatever when where whether which while who whom whose why will with
        within without would yet you your yours yourself yourselves mr mrs ms dr according added already across told
        week weeks day days month months year years time times monday tuesday wednesday thursday friday saturday sunday
        january february march april may june july august september october november december jan feb mar apr jun jul
        aug sep sept oct nov dec reported report reports including include includes several yesterday tomorrow tonight
        going told asked want wants wanted way ways first second third lot take taken took come came comes back
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>The words of the article's content regions, in order.</summary>
    public static IEnumerable<StoryWord> Words(Article article)
    {
        foreach (var region in article.ContentRegions())
        {
            foreach (var word in Words(article.Text, region))
            {
                yield return word;
            }
        }
    }

    /// <summary>Words (letters and digits, with inner apostrophes, periods of abbreviations, hyphens) in a region.</summary>
    public static IEnumerable<StoryWord> Words(string text, TextSpan region)
    {
        var sentenceStart = true;
        var i = region.Start;
        while (i < region.End)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (c is '.' or '!' or '?' or '\n' or ':' or '"' or '“')
                {
                    sentenceStart = true;
                }

                i++;
                continue;
            }

            var start = i;
            while (i < region.End && (char.IsLetterOrDigit(text[i])
                || (text[i] is '\'' or '’' or '-' or '.' && i + 1 < region.End && char.IsLetterOrDigit(text[i + 1])
                    && (text[i] != '.' || (i + 2 < region.End && text[i + 2] == '.') || char.IsDigit(text[i + 1])))))
            {
                i++;
            }

            // "U.S." keeps its last period.
            if (i < region.End && text[i] == '.' && i - start >= 2 && text[i - 2] == '.')
            {
                i++;
            }

            yield return new StoryWord(new TextSpan(start, i), sentenceStart);
            sentenceStart = false;
        }
    }

    /// <summary>A word's comparable form: lower case, possessive and plural endings stripped, periods of
    /// abbreviations dropped ("U.S." = "us" is avoided: abbreviations keep their letters upper-cased).</summary>
    public static string Normalise(ReadOnlySpan<char> word)
    {
        if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal))
        {
            word = word[..^2];
        }

        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        var n = 0;
        var upper = 0;
        foreach (var c in word)
        {
            if (c == '.')
            {
                continue;
            }

            upper += char.IsUpper(c) ? 1 : 0;
            buffer[n++] = c;
        }

        var span = buffer[..n];
        // Acronyms (US, UN, NATO) stay upper case so that "US" is not the pronoun "us".
        if (upper == n && n > 1)
        {
            return new string(span);
        }

        for (var k = 0; k < n; k++)
        {
            span[k] = char.ToLowerInvariant(span[k]);
        }

        return Stem(span);
    }

    /// <summary>Plural and common inflection endings, so "talks" = "talk", "offered" = "offer"; deliberately light
    /// (no dictionary): a wrong stem only has to be consistent across articles.</summary>
    private static string Stem(ReadOnlySpan<char> w)
    {
        if (w.Length > 4 && w.EndsWith("ies"))
        {
            return string.Concat(w[..^3], "y");
        }

        if (w.Length > 5 && w.EndsWith("ing"))
        {
            return new string(w[..^3]);
        }

        if (w.Length > 4 && w.EndsWith("ed") && !w.EndsWith("eed"))
        {
            return new string(w[..^2]);
        }

        if (w.Length > 3 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
        {
            return new string(w[..^1]);
        }

        return new string(w);
    }

    public static bool IsCapitalised(ReadOnlySpan<char> word) => word.Length > 0 && char.IsUpper(word[0]);

    public static bool IsNumber(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsDigit(c) && c is not ('.' or ','))
            {
                return false;
            }
        }

        return word.Length > 0 && char.IsDigit(word[0]);
    }
}
