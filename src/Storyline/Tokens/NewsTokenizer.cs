using System.Collections.Frozen;
using System.Collections.Immutable;
using Storyline.Text;

namespace Storyline.Tokens;

/// <summary>
/// Splits news text into tokens that are spans of the original text (never rewritten), following the UD English
/// EWT conventions the POS tagger is trained on:
/// <list type="bullet">
/// <item>abbreviations keep their period ("U.S.", "Feb.", "Dr.", "J."); a sentence's final period is its own token;</item>
/// <item>numbers stay whole ("3.5", "1,000", "10:30", "2025-03-05", "713-853-3989"); "%" and "$" are separate;</item>
/// <item>clitics split as in PTB/UD: "Peskov's" → "Peskov" "'s", "don't" → "do" "n't", "can't" → "ca" "n't",
///   "cannot" → "can" "not", "gonna" → "gon" "na";</item>
/// <item>hyphenated compounds split ("Russia-Ukraine" → "Russia" "-" "Ukraine"; EWT train has 1,422 "-" tokens),
///   except after a bound prefix or a single letter ("non-stop", "co-workers", "e-mail"; kept whole in EWT);
///   a number range with one hyphen splits ("2005-2006"), longer digit groups stay (dates, phone numbers);</item>
/// <item>quotes (straight and curly) and brackets are tokens of their own; runs of "." "!?" "-" and repeated
///   symbols are one token ("...", "?!", "--", "***"); URLs and e-mail addresses are one token.</item>
/// </list>
/// The hot path walks a <see cref="ReadOnlySpan{T}"/> once and allocates only the tokens it adds.
/// </summary>
public static class NewsTokenizer
{
    // The bound prefixes EWT keeps attached to the word after the hyphen (train counts: e 38, non 28, pre 15,
    // anti 14, re 13, mid 13, post 7, co 7, pro 5, multi 5, ex 4, ...); free words before a hyphen are split
    // ("self-" is split 11 times in EWT train, so it is not here).
    private static readonly FrozenSet<string> BoundPrefixes = FrozenSet.ToFrozenSet(
        ["non", "pre", "anti", "re", "mid", "post", "co", "pro", "multi", "ex", "sub", "semi", "neo", "vice", "un",
         "socio", "micro", "intra", "inter", "counter", "de", "bi", "tri", "quasi", "pseudo", "ultra", "mega", "mini",
         "macro", "over", "under"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BoundPrefixBySpan =
        BoundPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();

    // Generic top-level domains accepted for a bare two-label host ("reuters.com"); country codes only with three
    // or more labels ("bbc.co.uk"), so that a missing space ("talks.In") is not taken for a host.
    private static readonly FrozenSet<string> GenericDomains = FrozenSet.ToFrozenSet(
        ["com", "org", "net", "gov", "edu", "int", "mil", "info", "biz", "io", "news"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericDomainBySpan =
        GenericDomains.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Tokenizes the whole text.</summary>
    public static ImmutableArray<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5 + 1);
        Tokenize(text, new TextSpan(0, text.Length), tokens);
        return [.. tokens];
    }

    /// <summary>Appends the tokens of <paramref name="region"/> of <paramref name="text"/> to <paramref name="tokens"/>.
    /// Every token lies inside the region; offsets are offsets into <paramref name="text"/>.</summary>
    public static void Tokenize(string text, TextSpan region, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        if (region.Start < 0 || region.End > text.Length || region.Start > region.End)
        {
            throw new ArgumentOutOfRangeException(nameof(region), $"{region} is outside the text (length {text.Length}).");
        }

        var s = text.AsSpan(0, region.End);
        var i = region.Start;
        while (i < s.Length)
        {
            if (IsSpace(s[i]))
            {
                i++;
                continue;
            }

            var chunkEnd = i + 1;
            while (chunkEnd < s.Length && !IsSpace(s[chunkEnd]))
            {
                chunkEnd++;
            }

            TokenizeChunk(s, i, chunkEnd, tokens);
            i = chunkEnd;
        }
    }

    /// <summary>Whitespace, including the zero-width space and byte-order mark that web text carries.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF' or '\u2060';

    private static void TokenizeChunk(ReadOnlySpan<char> s, int start, int end, List<Token> tokens)
    {
        var chunk = s[start..end];
        var hasAt = chunk.Contains('@');
        var hasDot = chunk.Contains('.');
        var p = start;
        while (p < end)
        {
            var c = s[p];
            var atTokenStart = p == start || !IsWordChar(s[p - 1]);
            if (atTokenStart && IsWordChar(c))
            {
                var urlEnd = MatchUrl(s, p, end, hasDot);
                if (urlEnd > p)
                {
                    tokens.Add(new Token(new TextSpan(p, urlEnd), TokenKind.Url));
                    p = urlEnd;
                    continue;
                }

                if (hasAt)
                {
                    var emailEnd = MatchEmail(s, p, end);
                    if (emailEnd > p)
                    {
                        tokens.Add(new Token(new TextSpan(p, emailEnd), TokenKind.Email));
                        p = emailEnd;
                        continue;
                    }
                }
            }

            if (IsWordChar(c))
            {
                var q = ScanWord(s, p, end);
                AddWord(s, p, q, tokens);
                p = q;
            }
            else if (p == start && EmoticonLength(s[p..end]) is > 0 and var length && p + length == end)
            {
                tokens.Add(new Token(new TextSpan(p, end), TokenKind.Symbol));
                p = end;
            }
            else
            {
                var q = ScanPunctuation(s, p, end);
                tokens.Add(new Token(new TextSpan(p, q), IsSymbol(c) ? TokenKind.Symbol : TokenKind.Punctuation));
                p = q;
            }
        }
    }

    /// <summary>":)" ":-)" ":(" ";)" and the like, standing alone (EWT keeps them whole: 13 in dev).</summary>
    private static int EmoticonLength(ReadOnlySpan<char> chunk)
    {
        if (chunk.Length < 2 || chunk[0] is not (':' or ';'))
        {
            return 0;
        }

        var i = chunk[1] == '-' ? 2 : 1;
        return i < chunk.Length && chunk[i] is ')' or '(' or 'D' or 'P' or 'p' ? i + 1 : 0;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || c == '_' ||
        (c > '\u007F' && char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark);

    private static bool IsSymbol(char c) =>
        c is '$' or '%' or '#' or '&' or '*' or '@' or '+' or '=' or '<' or '>' or '/' or '\\' or '^' or '~' or '|'
        || char.IsSymbol(c) || char.IsSurrogate(c);

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    /// <summary>Scans one word from <paramref name="p"/>: letters and digits plus the inner characters that belong
    /// to a word (number separators, dotted abbreviations, apostrophes, bound-prefix hyphens) and an abbreviation's
    /// final period.</summary>
    private static int ScanWord(ReadOnlySpan<char> s, int p, int end)
    {
        var q = p;
        var groupStart = p; // start of the current letter group in a dotted abbreviation
        var partStart = p; // start of the part after the last hyphen
        var startsWithDigit = char.IsAsciiDigit(s[p]);
        var dottedLetters = true;
        while (true)
        {
            while (q < end && IsWordChar(s[q]))
            {
                q++;
            }

            if (q + 1 >= end)
            {
                break;
            }

            var c = s[q];
            var before = s[q - 1];
            var after = s[q + 1];
            if (startsWithDigit && char.IsAsciiDigit(before) && char.IsAsciiDigit(after) && c is '.' or ',' or ':' or '/')
            {
                q++; // 3.5, 1,000, 10:30, 03/05/2025
                dottedLetters = false;
                continue;
            }

            if (c == '.' && dottedLetters && q - groupStart <= 2 && IsLetters(s[groupStart..q]) &&
                LetterRun(s, q + 1, end) is 1 or 2)
            {
                q++; // U.S, e.g, Ph.D (the final period is decided below)
                groupStart = q;
                continue;
            }

            if (c == '.' && char.IsLetterOrDigit(before) && char.IsLower(after))
            {
                q++; // file and group names: TEXT.htm, alt.animals.cat (a sentence end is followed by a space)
                dottedLetters = false;
                continue;
            }

            if (c == '-' && char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after))
            {
                if (startsWithDigit && char.IsAsciiDigit(before) && char.IsAsciiDigit(after))
                {
                    if (!IsLongDigitGroup(s, p, end))
                    {
                        break;
                    }
                }
                else if (q - p > 1 && !BoundPrefixBySpan.Contains(s[p..q]))
                {
                    break;
                }

                q++;
                partStart = groupStart = q; // anti-U.S.: a dotted abbreviation may follow the hyphen
                dottedLetters = true;
                continue;
            }

            if (IsApostrophe(c) && char.IsLetterOrDigit(before) && char.IsLetter(after))
            {
                q++; // O'Brien, Shi'ite, 1990's; clitics are split off afterwards
                dottedLetters = false;
                continue;
            }

            if (c == '&' && char.IsUpper(before) && char.IsUpper(after))
            {
                q++; // AT&T, S&P
                dottedLetters = false;
                continue;
            }

            break;
        }

        // A period after the word belongs to it when the word is an abbreviation, but never the first of an
        // ellipsis ("etc..." is "etc" "...").
        if (q < end && s[q] == '.' && (q + 1 >= end || s[q + 1] != '.'))
        {
            var word = s[partStart..(q + 1)];
            if (Abbreviations.Classify(word, DigitFollows(s, q + 1)) != AbbreviationKind.None)
            {
                return q + 1;
            }
        }

        return q;
    }

    private static bool IsLetters(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return span.Length > 0;
    }

    /// <summary>How many letters run from i (stopping at the first other character).</summary>
    private static int LetterRun(ReadOnlySpan<char> s, int i, int end)
    {
        var n = 0;
        while (i + n < end && char.IsLetter(s[i + n]))
        {
            n++;
        }

        return n;
    }

    /// <summary>Whether the digit-hyphen group starting at p has at least two hyphens (a date or phone number).</summary>
    private static bool IsLongDigitGroup(ReadOnlySpan<char> s, int p, int end)
    {
        var hyphens = 0;
        for (var i = p; i < end; i++)
        {
            var c = s[i];
            if (c == '-' && i > p && char.IsAsciiDigit(s[i - 1]) && i + 1 < end && char.IsAsciiDigit(s[i + 1]))
            {
                hyphens++;
            }
            else if (!char.IsAsciiDigit(c))
            {
                break;
            }
        }

        return hyphens >= 2;
    }

    /// <summary>Whether a number follows position <paramref name="i"/> after spaces (for "No. 5"). Looks past the
    /// current chunk's end: the span runs to the region's end.</summary>
    private static bool DigitFollows(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && s[i] is ' ' or '\u00A0')
        {
            i++;
        }

        return i < s.Length && char.IsAsciiDigit(s[i]);
    }

    /// <summary>Adds a scanned word, splitting PTB/UD clitics off its end.</summary>
    private static void AddWord(ReadOnlySpan<char> s, int p, int q, List<Token> tokens)
    {
        var word = s[p..q];
        var split = CliticStart(word);
        if (split > 0)
        {
            tokens.Add(new Token(new TextSpan(p, p + split), KindOf(word[..split])));
            tokens.Add(new Token(new TextSpan(p + split, q), TokenKind.Word));
            return;
        }

        tokens.Add(new Token(new TextSpan(p, q), KindOf(word)));
    }

    /// <summary>Where a clitic begins inside a word, or 0 when there is none.</summary>
    private static int CliticStart(ReadOnlySpan<char> w)
    {
        var n = w.Length;
        if (n >= 4 && IsApostrophe(w[n - 2]) && (char)(w[n - 1] | 0x20) == 't' && (char)(w[n - 3] | 0x20) == 'n')
        {
            return n - 3; // don't → do n't, can't → ca n't, won't → wo n't
        }

        if (n >= 3 && IsApostrophe(w[n - 2]) && char.IsLetterOrDigit(w[n - 3]) && (char)(w[n - 1] | 0x20) is 's' or 'd' or 'm')
        {
            return n - 2; // Peskov's, it's, I'd, I'm
        }

        if (n >= 4 && IsApostrophe(w[n - 3]) && char.IsLetter(w[n - 4]) &&
            (w[^2..].Equals("re", StringComparison.OrdinalIgnoreCase) ||
             w[^2..].Equals("ve", StringComparison.OrdinalIgnoreCase) ||
             w[^2..].Equals("ll", StringComparison.OrdinalIgnoreCase)))
        {
            return n - 3; // they're, we've, I'll
        }

        // EWT writes these as two syntactic words under one multiword token.
        if (n == 6 && w.Equals("cannot", StringComparison.OrdinalIgnoreCase))
        {
            return 3;
        }

        if (n == 5 && (w.Equals("gonna", StringComparison.OrdinalIgnoreCase) ||
                       w.Equals("wanna", StringComparison.OrdinalIgnoreCase) ||
                       w.Equals("gotta", StringComparison.OrdinalIgnoreCase)))
        {
            return 3;
        }

        return 0;
    }

    private static TokenKind KindOf(ReadOnlySpan<char> word)
    {
        if (!char.IsAsciiDigit(word[0]))
        {
            return TokenKind.Word;
        }

        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c) && c is not ('.' or ',' or ':' or '/' or '-'))
            {
                return TokenKind.Word; // 1990s, 5th, 10am
            }
        }

        return TokenKind.Number;
    }

    /// <summary>One punctuation or symbol token: runs of periods, of ! and ?, of hyphens, and of one repeated
    /// symbol are a single token; an emoji's surrogate pair with its joiners and selectors is one token.</summary>
    private static int ScanPunctuation(ReadOnlySpan<char> s, int p, int end)
    {
        var c = s[p];
        var q = p + 1;
        if (c is '!' or '?')
        {
            while (q < end && s[q] is '!' or '?')
            {
                q++;
            }

            return q;
        }

        if (char.IsHighSurrogate(c))
        {
            if (q < end && char.IsLowSurrogate(s[q]))
            {
                q++;
            }

            while (q < end && (s[q] is '\uFE0F' or '\u200D' || char.IsSurrogate(s[q])))
            {
                q++;
            }

            return q;
        }

        // Quotes and brackets are always single: '' or "( (" are two tokens each.
        if (c is '"' or '\'' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '(' or ')' or '[' or ']' or '{' or '}'
            or '\u00AB' or '\u00BB' or '\u201E' or ',' or ';')
        {
            return q;
        }

        while (q < end && s[q] == c)
        {
            q++;
        }

        return q;
    }

    /// <summary>A URL starting at p (scheme or "www." or a bare host with a known domain), without the sentence
    /// punctuation that follows it; p when there is none.</summary>
    private static int MatchUrl(ReadOnlySpan<char> s, int p, int end, bool hasDot)
    {
        var rest = s[p..end];
        int q;
        if ((char)(s[p] | 0x20) is 'h' or 'f' or 'w' &&
            (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
             rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
             rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase) ||
             (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 4 && char.IsLetterOrDigit(rest[4]))))
        {
            q = end;
        }
        else if (!hasDot)
        {
            return p;
        }
        else
        {
            q = MatchBareHost(s, p, end);
            if (q == p)
            {
                return p;
            }

            if (q < end && s[q] == '/')
            {
                q = end; // a path follows the host
            }
        }

        return TrimTrailingPunctuation(s, p, q);
    }

    /// <summary>reuters.com, bbc.co.uk: labels of letters, digits and hyphens with a known last label.</summary>
    private static int MatchBareHost(ReadOnlySpan<char> s, int p, int end)
    {
        var labels = 0;
        var labelStart = p;
        var q = p;
        var lastLabel = default(Range);
        while (true)
        {
            while (q < end && (char.IsAsciiLetterOrDigit(s[q]) || s[q] == '-'))
            {
                q++;
            }

            if (q == labelStart)
            {
                return p;
            }

            labels++;
            lastLabel = labelStart..q;
            if (q + 1 < end && s[q] == '.' && char.IsAsciiLetterOrDigit(s[q + 1]))
            {
                labelStart = ++q;
                continue;
            }

            break;
        }

        if (labels < 2 || (q < end && IsWordChar(s[q])))
        {
            return p;
        }

        var top = s[lastLabel];
        var lowerCase = top.Length >= 2 && char.IsAsciiLetterLower(top[0]) && char.IsAsciiLetterLower(top[^1]);
        if (!lowerCase)
        {
            return p;
        }

        if (GenericDomainBySpan.Contains(top) || (labels >= 3 && top.Length == 2))
        {
            return q;
        }

        return p;
    }

    /// <summary>An e-mail address starting at p, or p.</summary>
    private static int MatchEmail(ReadOnlySpan<char> s, int p, int end)
    {
        var q = p;
        while (q < end && (char.IsAsciiLetterOrDigit(s[q]) || s[q] is '.' or '_' or '%' or '+' or '-'))
        {
            q++;
        }

        if (q == p || q + 1 >= end || s[q] != '@')
        {
            return p;
        }

        var domainStart = ++q;
        var lastDot = -1;
        while (q < end && (char.IsAsciiLetterOrDigit(s[q]) || s[q] is '.' or '-'))
        {
            if (s[q] == '.')
            {
                lastDot = q;
            }

            q++;
        }

        // The address ends before a final period (sentence punctuation) and needs a dot inside its domain.
        while (q > domainStart && s[q - 1] is '.' or '-')
        {
            q--;
        }

        if (lastDot < domainStart || lastDot >= q - 1)
        {
            lastDot = s[domainStart..q].LastIndexOf('.');
            if (lastDot < 0 || lastDot >= q - domainStart - 1)
            {
                return p;
            }
        }

        return q;
    }

    /// <summary>Drops sentence punctuation after a URL; a closing bracket stays when the URL opened one.</summary>
    private static int TrimTrailingPunctuation(ReadOnlySpan<char> s, int p, int q)
    {
        while (q > p)
        {
            var c = s[q - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '"' or '\'' or '\u201D' or '\u2019' or ']' or '}' or '>')
            {
                q--;
            }
            else if (c == ')' && s[p..(q - 1)].Count('(') <= s[p..(q - 1)].Count(')'))
            {
                q--;
            }
            else
            {
                break;
            }
        }

        return q;
    }
}
