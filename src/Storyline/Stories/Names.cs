using System.Collections.Frozen;
using Storyline.Text;

namespace Storyline.Stories;

/// <summary>A personal or organisational name in an article ("Dmitry Peskov", "Alexander Lukashenko") with the
/// descriptor words right before it ("Kremlin spokesperson", "Belarusian dictator"), when there are any.</summary>
public readonly record struct NameMention(TextSpan Span, string Name, string Key, TextSpan? Descriptor);

/// <summary>
/// Names and their descriptors from the text alone, until the entity layer gives identities: a name is a run of
/// capitalised words; its key is its last word, normalised ("Peskov" and "Dmitry Peskov" share "peskov"), which is
/// what lets one outlet's "Peskov said" meet another's "Kremlin spokesman Dmitry Peskov".
/// </summary>
public static class Names
{
    /// <summary>Role and title nouns that describe a person or body before its name.</summary>
    public static readonly FrozenSet<string> RoleNouns = FrozenSet.ToFrozenSet(
        """
        president dictator leader spokesperson spokesman spokeswoman minister secretary chancellor premier ambassador
        envoy general commander chief director governor mayor senator congressman congresswoman representative
        lawmaker official officials adviser advisor aide blogger journalist reporter correspondent analyst expert
        agency outlet newspaper broadcaster king queen prince pope cardinal bishop judge prosecutor attorney lawyer
        ceo chairman chairwoman chair founder head strongman autocrat ruler candidate nominee challenger actor
        actress singer star player coach manager striker goalkeeper musician writer author activist dissident
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Lower-case words that qualify a role noun ("former president", "state news agency").</summary>
    private static readonly FrozenSet<string> RoleModifiers = FrozenSet.ToFrozenSet(
        """
        former acting deputy vice prime foreign defence defense interior finance top chief senior state news press
        first longtime long-time veteran close opposition exiled
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Capitalised words that start a sentence or a clause and are never part of a name.</summary>
    /// <remarks>An all-capital word is an acronym ("US" is not "us").</remarks>
    private static bool IsFunctionWord(ReadOnlySpan<char> word) =>
        !IsAcronym(word) && StoryText.StopWords.Contains(word.ToString().ToLowerInvariant());

    internal static bool IsAcronym(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            letters += char.IsLetter(c) ? 1 : 0;
        }

        return letters >= 2;
    }

    /// <summary>The key of a name: its last word, normalised. Null when the text holds no name word.</summary>
    public static string? KeyOf(ReadOnlySpan<char> name)
    {
        string? key = null;
        foreach (var word in StoryText.Words(name.ToString(), new TextSpan(0, name.Length)))
        {
            var surface = name.Slice(word.Span.Start, word.Span.Length);
            if (StoryText.IsCapitalised(surface) && !IsFunctionWord(surface) && !RoleNouns.Contains(surface.ToString()))
            {
                key = StoryText.Normalise(surface).ToLowerInvariant();
            }
        }

        return key;
    }

    /// <summary>The names of an article: runs of capitalised words (joined by nothing but spaces), with the
    /// descriptor before each, in order.</summary>
    public static List<NameMention> Find(Article article)
    {
        var result = new List<NameMention>();
        foreach (var region in article.ContentRegions())
        {
            var words = StoryText.Words(article.Text, region).ToList();
            var i = 0;
            while (i < words.Count)
            {
                if (!IsNameWord(article, words[i]))
                {
                    i++;
                    continue;
                }

                var j = i;
                while (j + 1 < words.Count && IsNameWord(article, words[j + 1]) && OnlySpaceBetween(article.Text, words[j].Span.End, words[j + 1].Span.Start))
                {
                    j++;
                }

                // A role noun opening the run is a title, not part of the name: "President Alexander Lukashenko".
                // "U.S. President Donald Trump": the words up to the last title are the descriptor.
                var first = i;
                for (var k = i; k < j; k++)
                {
                    if (RoleNouns.Contains(article.Slice(words[k].Span).ToString()))
                    {
                        first = k + 1;
                    }
                }

                while (first < j && IsDemonymLike(article.Slice(words[first].Span)))
                {
                    first++;
                }

                var span = new TextSpan(words[first].Span.Start, words[j].Span.End);
                var name = article.Text.Substring(span.Start, span.Length);
                if (KeyOf(name) is { } key)
                {
                    var descriptorStart = DescriptorStart(article, words, first);
                    TextSpan? descriptor = descriptorStart < first
                        ? new TextSpan(words[descriptorStart].Span.Start, words[first - 1].Span.End)
                        : null;
                    result.Add(new NameMention(span, name, key, descriptor));
                }

                i = j + 1;
            }
        }

        return result;
    }

    private static bool IsNameWord(Article article, StoryWord word)
    {
        var surface = article.Slice(word.Span);
        return StoryText.IsCapitalised(surface) && !IsFunctionWord(surface) && !StoryText.IsNumber(surface);
    }

    /// <summary>"Belarusian", "Russian", "Ukrainian": adjectives of place that precede titles.</summary>
    private static bool IsDemonymLike(ReadOnlySpan<char> word) =>
        word.Length > 4 && (word.EndsWith("ian") || word.EndsWith("ese") || word.EndsWith("ish") || word.EndsWith("can"));

    private static bool OnlySpaceBetween(string text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (text[k] != ' ')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Walks back from a name over descriptor words: capitalised words (titles, places, organisations:
    /// "Kremlin", "Belarusian", "U.S.") and role nouns with their modifiers ("spokesperson", "former"), stopping at
    /// punctuation, function words and anything else ("host", "by").</summary>
    private static int DescriptorStart(Article article, List<StoryWord> words, int nameStart)
    {
        var start = nameStart;
        var sawRole = false;
        for (var k = nameStart - 1; k >= 0 && nameStart - k <= 5; k--)
        {
            if (!OnlySpaceBetween(article.Text, words[k].Span.End, words[k + 1].Span.Start))
            {
                break;
            }

            var surface = article.Slice(words[k].Span);
            var text = surface.ToString();
            var accepted = RoleNouns.Contains(text)
                || (StoryText.IsCapitalised(surface) && !IsFunctionWord(surface))
                || (sawRole && RoleModifiers.Contains(text))
                || (sawRole && text.EndsWith("-old", StringComparison.Ordinal));
            if (!accepted)
            {
                break;
            }

            sawRole |= RoleNouns.Contains(text);
            start = k;
            if (words[k].SentenceInitial)
            {
                break;
            }
        }

        return start;
    }
}
