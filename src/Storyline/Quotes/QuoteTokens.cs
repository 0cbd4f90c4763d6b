namespace Storyline.Quotes;

internal enum TokKind
{
    Word,
    Punct,
    OpenMark,
    CloseMark,
    EitherMark,
}

/// <summary>A rough token of one paragraph, enough for the quote rules: words (with "U.S.", "O’Donnell",
/// "70-year-old", "Sen." kept whole), quotation marks, and single punctuation characters.</summary>
internal readonly record struct Tok(int Start, int End, TokKind Kind)
{
    public int Length => End - Start;
}

internal static class QuoteTokens
{
    /// <summary>Tokenises [start, end) of <paramref name="text"/> into <paramref name="into"/>, in one pass.</summary>
    public static void Tokenize(string text, int start, int end, List<Tok> into)
    {
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var j = i + 1;
                while (j < end)
                {
                    var d = text[j];
                    if (char.IsLetterOrDigit(d))
                    {
                        j++;
                    }
                    else if ((d is '\'' or '’' or '-' or '.' or '&' or '‑') && j + 1 < end && char.IsLetterOrDigit(text[j + 1])
                             && !(d == '\'' && j + 1 < end && text[j + 1] == '\''))
                    {
                        j += 2;
                    }
                    else
                    {
                        break;
                    }
                }

                // "Sen.", "Mrs.", "M.", "U.S.": the period belongs to the word, so it does not end a sentence.
                if (j < end && text[j] == '.' && IsAbbreviation(text.AsSpan(i, j - i)))
                {
                    j++;
                }

                into.Add(new Tok(i, j, TokKind.Word));
                i = j;
                continue;
            }

            switch (c)
            {
                case '“' or '„' or '«':
                    into.Add(new Tok(i, i + 1, TokKind.OpenMark));
                    i++;
                    break;
                case '”' or '»':
                    into.Add(new Tok(i, i + 1, TokKind.CloseMark));
                    i++;
                    break;
                case '"':
                    into.Add(new Tok(i, i + 1, TokKind.EitherMark));
                    i++;
                    break;
                case '\'' when i + 1 < end && text[i + 1] == '\'':
                    // Two apostrophes are a double quotation mark in some wire copy (the New York Times' ''…'').
                    into.Add(new Tok(i, i + 2, TokKind.EitherMark));
                    i += 2;
                    break;
                default:
                    into.Add(new Tok(i, i + 1, TokKind.Punct));
                    i++;
                    break;
            }
        }
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> word) =>
        (word.Length == 1 && char.IsUpper(word[0]))
        || (word.Contains('.') && word.Length <= 5)
        || QuoteLexicon.Contains(QuoteLexicon.Abbreviations, word);

    public static bool IsCapitalised(string text, Tok tok) => tok.Kind == TokKind.Word && (char.IsUpper(text[tok.Start]) || char.IsDigit(text[tok.Start]));

    public static bool Is(string text, Tok tok, char c) => tok.Kind == TokKind.Punct && text[tok.Start] == c;

    /// <summary>A period, question or exclamation mark followed by a space, a closing mark or the paragraph end.</summary>
    public static bool IsSentenceEnd(string text, Tok tok, int paragraphEnd) =>
        tok.Kind == TokKind.Punct && text[tok.Start] is '.' or '!' or '?'
        && (tok.End >= paragraphEnd || char.IsWhiteSpace(text[tok.End]) || text[tok.End] is '”' or '"' or '’' or '\'');

    public static bool IsMark(Tok tok) => tok.Kind is TokKind.OpenMark or TokKind.CloseMark or TokKind.EitherMark;
}
