using Storyline.Text;

namespace Storyline.Time;

internal enum TimexTokenKind
{
    Word,
    Number,
    Punctuation,
}

/// <summary>
/// A token as the temporal grammar sees it. Words are lower-cased (the <see cref="Capital"/> flag keeps the case
/// that matters: "May" the month vs "may" the verb); numbers keep their raw text, and pure digit strings their value.
/// </summary>
internal readonly record struct TimexToken(int Start, int End, TimexTokenKind Kind, string Text, bool SpaceBefore, bool Capital, int Value, int Digits)
{
    public bool IsWord => Kind == TimexTokenKind.Word;

    /// <summary>A number written with digits only ("1998", "5"); <see cref="Value"/> holds it.</summary>
    public bool IsPlainNumber => Kind == TimexTokenKind.Number && Digits > 0;
}

/// <summary>
/// The tagger's own light tokenizer, so its core works on raw text and sentence spans alone (no token layer needed).
/// Digits joined by <c>, . : / -</c> stay one token ("10:30", "3/5/2025", "2025-03-05", "3-1", "2882015"): the grammar
/// then decides whether the whole string is a date, and a score or a phone number can never be read in pieces.
/// </summary>
internal static class TimexTokenizer
{
    // Abbreviations whose final period belongs to the word ("Feb. 24"): month abbreviations only; weekday
    // abbreviations ("Wed.") are rare in news prose and collide with words ("sun.", "sat.").
    private static readonly HashSet<string> PeriodAbbreviations = new(StringComparer.Ordinal)
    {
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "tues", "thurs",
    };

    public static List<TimexToken> Tokenize(string text, TextSpan span)
    {
        var tokens = new List<TimexToken>();
        var i = span.Start;
        var end = Math.Min(span.End, text.Length);
        var space = true;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                i++;
                continue;
            }

            var start = i;
            if (char.IsLetter(c))
            {
                // "a.m.", "p.m.", "U.S.": single letters joined by periods are one word.
                if (i + 3 < end && text[i + 1] == '.' && char.IsLetter(text[i + 2]) && text[i + 3] == '.'
                    && (i + 4 >= end || !char.IsLetter(text[i + 4])))
                {
                    i += 4;
                }
                else if (i + 2 < end && text[i + 1] == '.' && char.IsLetter(text[i + 2]) && (i + 3 >= end || !char.IsLetter(text[i + 3])))
                {
                    // "p.m" at the end of a sentence whose period was taken by the splitter.
                    i += 3;
                }
                else
                {
                    while (i < end && (char.IsLetter(text[i])
                        || (IsApostrophe(text[i]) && i + 1 < end && char.IsLetter(text[i + 1]) && i > start)))
                    {
                        i++;
                    }

                    var lower = text.Substring(start, i - start).ToLowerInvariant();
                    if (i < end && text[i] == '.' && PeriodAbbreviations.Contains(lower))
                    {
                        i++;
                    }
                }

                var word = NormaliseApostrophes(text.Substring(start, i - start).ToLowerInvariant());
                if (word.Length > 2 && word.EndsWith("'s", StringComparison.Ordinal))
                {
                    // The possessive is its own token: "[Wednesday]'s ruling", "this year's third quarter".
                    tokens.Add(new TimexToken(start, i - 2, TimexTokenKind.Word, word[..^2], space, char.IsUpper(c), -1, 0));
                    tokens.Add(new TimexToken(i - 2, i, TimexTokenKind.Word, "'s", false, false, -1, 0));
                }
                else
                {
                    tokens.Add(new TimexToken(start, i, TimexTokenKind.Word, word, space, char.IsUpper(c), -1, 0));
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                var plain = true;
                while (i < end && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                while (i + 1 < end && text[i] is ',' or '.' or ':' or '/' or '-' && char.IsAsciiDigit(text[i + 1]))
                {
                    plain = false;
                    i++;
                    while (i < end && char.IsAsciiDigit(text[i]))
                    {
                        i++;
                    }
                }

                var raw = text.Substring(start, i - start);
                var digits = plain ? raw.Length : 0;
                var value = plain && raw.Length <= 9 ? int.Parse(raw, System.Globalization.CultureInfo.InvariantCulture) : -1;
                tokens.Add(new TimexToken(start, i, TimexTokenKind.Number, raw, space, false, value, digits));
            }
            else
            {
                i++;
                var p = IsApostrophe(c) ? "'" : c == '\u2013' || c == '\u2014' ? "-" : c.ToString();
                tokens.Add(new TimexToken(start, i, TimexTokenKind.Punctuation, p, space, false, -1, 0));
            }

            space = false;
        }

        return tokens;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018';

    private static string NormaliseApostrophes(string word) =>
        word.Contains('\u2019', StringComparison.Ordinal) || word.Contains('\u2018', StringComparison.Ordinal)
            ? word.Replace('\u2019', '\'').Replace('\u2018', '\'')
            : word;
}
