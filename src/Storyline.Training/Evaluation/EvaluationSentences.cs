using Storyline.Text;

namespace Storyline.Training.Evaluation;

/// <summary>
/// A plain sentence splitter for scoring raw corpus text (TimeML gives text only): breaks at blank lines and after
/// . ! ? followed by space and a capital or an opening quote, except after a single capital ("U.S.") or a common
/// abbreviation. The temporal tagger needs sentences only to read tense and to keep matches inside one sentence.
/// </summary>
public static class EvaluationSentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "maj", "prof", "jr", "sr",
        "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "no", "vs", "rev", "ft", "mt",
    };

    public static IReadOnlyList<TextSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<TextSpan>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var boundary = -1;
            if (c == '\n' && i + 1 < text.Length)
            {
                var j = i + 1;
                while (j < text.Length && text[j] is ' ' or '\t' or '\r')
                {
                    j++;
                }

                if (j < text.Length && text[j] == '\n')
                {
                    boundary = i;
                }
            }
            else if (c is '.' or '!' or '?')
            {
                var j = i + 1;
                while (j < text.Length && text[j] is '"' or '\'' or ')' or '\u201d' or '\u2019')
                {
                    j++;
                }

                if (j < text.Length && char.IsWhiteSpace(text[j]))
                {
                    var k = j;
                    while (k < text.Length && char.IsWhiteSpace(text[k]))
                    {
                        k++;
                    }

                    if (k < text.Length && (char.IsUpper(text[k]) || text[k] is '"' or '`' or '\u201c' or '\'') && !IsAbbreviation(text, i))
                    {
                        boundary = j;
                    }
                }
            }

            if (boundary >= 0)
            {
                Add(text, spans, start, boundary);
                start = boundary;
            }
        }

        Add(text, spans, start, text.Length);
        return spans;
    }

    private static bool IsAbbreviation(string text, int period)
    {
        if (text[period] != '.')
        {
            return false;
        }

        var s = period;
        while (s > 0 && char.IsLetter(text[s - 1]))
        {
            s--;
        }

        var word = text.AsSpan(s, period - s);
        // "U.S.", "a.m.", "p.m.": a single letter before the period.
        if (word.Length == 1)
        {
            return true;
        }

        return Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    private static void Add(string text, List<TextSpan> spans, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add(new TextSpan(start, end));
        }
    }
}
