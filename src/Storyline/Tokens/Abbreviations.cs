using System.Collections.Frozen;

namespace Storyline.Tokens;

/// <summary>How an abbreviation that ends in a period behaves at a possible sentence end.</summary>
public enum AbbreviationKind
{
    /// <summary>Not an abbreviation: a period after it is sentence punctuation.</summary>
    None,

    /// <summary>A title before a name (Mr., Dr., Gen., Sen.): never ends a sentence.</summary>
    Title,

    /// <summary>A month before a day or year (Feb. 24, Sept. 2001).</summary>
    Month,

    /// <summary>An abbreviation only before a number (No. 5, Vol. 3); the tokenizer checks that a digit follows.</summary>
    BeforeNumber,

    /// <summary>A single capital letter: an initial (J. K. Rowling).</summary>
    Initial,

    /// <summary>Anything else (U.S., Inc., Jr., a.m., etc.): may end a sentence, decided by what follows.</summary>
    Other,
}

/// <summary>
/// The abbreviations of English news text that keep their period: a closed list (titles, months, company and
/// state abbreviations, Latin short forms) plus two patterns, single capital initials ("J.") and dotted letter
/// groups ("U.S.", "e.g.", "Ph.D.", "a.m."). Lookups take spans and do not allocate.
/// </summary>
public static class Abbreviations
{
    // Case-sensitive: "Gen." is a title, "gen." is not; capitalised forms are what news uses.
    private static readonly FrozenDictionary<string, AbbreviationKind> Known = Build();

    private static readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> KnownBySpan =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Classifies a word written with its final period (<c>"Feb."</c>, <c>"U.S."</c>).</summary>
    /// <param name="word">The word including its final period.</param>
    /// <param name="digitFollows">Whether a number follows (after whitespace): needed for "No. 5".</param>
    public static AbbreviationKind Classify(ReadOnlySpan<char> word, bool digitFollows)
    {
        if (word.Length < 2 || word[^1] != '.')
        {
            return AbbreviationKind.None;
        }

        var stem = word[..^1];
        if (stem.Length == 1)
        {
            return char.IsUpper(stem[0]) ? AbbreviationKind.Initial : AbbreviationKind.None;
        }

        if (KnownBySpan.TryGetValue(stem, out var kind))
        {
            return kind == AbbreviationKind.BeforeNumber && !digitFollows ? AbbreviationKind.None : kind;
        }

        return IsDottedLetters(word) ? AbbreviationKind.Other : AbbreviationKind.None;
    }

    /// <summary>Letter groups of one or two letters, each closed by a period, at least two groups: U.S., e.g., Ph.D.</summary>
    public static bool IsDottedLetters(ReadOnlySpan<char> word)
    {
        var groups = 0;
        var run = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                if (++run > 2)
                {
                    return false;
                }
            }
            else if (c == '.' && run > 0)
            {
                groups++;
                run = 0;
            }
            else
            {
                return false;
            }
        }

        return run == 0 && groups >= 2;
    }

    private static FrozenDictionary<string, AbbreviationKind> Build()
    {
        var map = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);

        void Add(AbbreviationKind kind, string words)
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                map[w] = kind;
            }
        }

        // Titles and ranks written before a name (AP style). "St." and "Mt." are here too: "St. Petersburg",
        // "Mt. Everest"; a street name at a sentence end ("Main St.") is rarer in news than a saint's city.
        Add(AbbreviationKind.Title,
            "Mr Mrs Ms Messrs Mmes Dr Drs Prof Profs Gen Gens Lt Col Maj Capt Cmdr Cdr Adm Sgt Cpl Pvt Brig Cmdt " +
            "Gov Govs Sen Sens Rep Reps Cong Rev Revs Fr Hon Pres Supt Insp Det Amb Atty Sr Sra Msgr St Ste Mt Ft Pt");
        // May is never abbreviated; "Sept." is AP style.
        Add(AbbreviationKind.Month, "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec");
        Add(AbbreviationKind.BeforeNumber, "No Nos no nos Vol vol Art art Fig fig pp Ch ch Sec sec Para para");
        // Company forms, suffixes after names, places, Latin short forms (not units: "50 km." ends sentences), AP state abbreviations.
        Add(AbbreviationKind.Other,
            "Inc Corp Co Cos Ltd Bros Assn Dept Univ Intl Natl Jr Esq Ave Blvd Rd Hwy Sq Ln Pl Ct " +
            "etc vs al cf ca approx est viz incl govt dept misc " +
            "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev " +
            "Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo");
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
