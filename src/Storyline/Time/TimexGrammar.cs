using System.Globalization;
using static Storyline.Time.TimexLexicon;

namespace Storyline.Time;

/// <summary>
/// One match of the grammar over tokens [First, End). An empty <see cref="Type"/> means "these tokens are not a
/// temporal expression and must not be read in pieces" (e.g. "February 30": neither a date nor "February").
/// </summary>
internal readonly record struct TimexMatch(int First, int End, string Type, string Value, string? Mod, string By)
{
    public bool Suppressed => Type.Length == 0;

    /// <summary>
    /// A range of days ("March 5-7", "April 24 and 25") is two expressions, as TimeML annotates it: the first ends at
    /// <see cref="FirstEnd"/> (a character offset; 0 = at the last token's end) and the second is <see cref="Second"/>.
    /// </summary>
    public int FirstEnd { get; init; }

    public (int Start, int End, string Value)? Second { get; init; }
}

/// <summary>
/// The temporal grammar, written from the TimeML/TIMEX3 annotation guidelines (not ported from any other tagger's
/// rules). It runs over the tokens of one sentence; at each token it tries every recogniser and keeps the longest
/// match. Relative expressions are resolved against the reference date and the tense of the sentence.
/// </summary>
internal sealed partial class TimexGrammar
{
    private const string Date = "DATE";
    private const string TimeType = "TIME";
    private const string Dur = "DURATION";
    private const string Set = "SET";

    private readonly List<TimexToken> t;
    private readonly DateOnly? reference;
    private readonly Func<int, int, TimeDirection> tense;
    private readonly bool quarterContext;

    /// <summary>
    /// The last date the text named explicitly (a YYYY, YYYY-MM or YYYY-MM-DD value), for narrative references that
    /// count from the story's own time, not the publication date: "that day", "the next morning", "later that year".
    /// </summary>
    public string? Anchor { get; set; }

    public TimexGrammar(List<TimexToken> tokens, DateOnly? reference, bool quarterContext)
    {
        t = tokens;
        this.reference = reference;
        this.quarterContext = quarterContext;
        tense = (first, end) => TenseDetector.Direction(t, first, end);
    }

    public TimexMatch? MatchAt(int i)
    {
        TimexMatch? best = null;
        Keep(ref best, Modified(i));
        Keep(ref best, Approximate(i));
        Keep(ref best, Core(i));
        return best;
    }

    private TimexMatch? Core(int i)
    {
        TimexMatch? best = null;
        Keep(ref best, CalendarDate(i));
        Keep(ref best, NumericDate(i));
        Keep(ref best, YearExpression(i));
        Keep(ref best, Deictic(i));
        Keep(ref best, RelativeUnit(i));
        Keep(ref best, WeekdayExpression(i));
        Keep(ref best, QuarterExpression(i));
        Keep(ref best, SeasonExpression(i));
        Keep(ref best, Duration(i));
        Keep(ref best, SetExpression(i));
        Keep(ref best, ClockTime(i));
        Keep(ref best, Holiday(i));
        Keep(ref best, Narrative(i));
        return best;
    }

    private static void Keep(ref TimexMatch? best, TimexMatch? candidate)
    {
        if (candidate is { } c && (best is not { } b || c.End > b.End || (c.End == b.End && c.First < b.First)))
        {
            best = c;
        }
    }

    // ---- token helpers -------------------------------------------------------------------------------------

    private string? W(int i) => i >= 0 && i < t.Count && t[i].IsWord ? t[i].Text : null;

    private bool Is(int i, string word) => W(i) == word;

    private bool IsAny(int i, params ReadOnlySpan<string> words)
    {
        var w = W(i);
        if (w is null)
        {
            return false;
        }

        foreach (var x in words)
        {
            if (w == x)
            {
                return true;
            }
        }

        return false;
    }

    private bool P(int i, string p) => i >= 0 && i < t.Count && t[i].Kind == TimexTokenKind.Punctuation && t[i].Text == p;

    private bool Tight(int i) => i < t.Count && !t[i].SpaceBefore;

    /// <summary>The index after a hyphen glued on both sides ("third-quarter"), or -1.</summary>
    private int AfterHyphen(int i) => P(i, "-") && Tight(i) && Tight(i + 1) ? i + 1 : -1;

    /// <summary>Skips an optional glued hyphen: "mid-1990s" and "mid 1990s".</summary>
    private int OptHyphen(int i) => AfterHyphen(i) is var h && h > 0 ? h : i;

    private bool IsCapital(int i) => i < t.Count && t[i].Capital;

    private DateOnly? Ref => reference;

    private static string D(DateOnly d) => TimexCalendar.Day(d);

    private static TimexMatch M(int first, int end, string type, string value, string by, string? mod = null) =>
        new(first, end, type, value, mod, by);

    /// <summary>A unit word at i ("year", "years", "year's"); plural tells whether it was plural.</summary>
    private bool Unit(int i, out TimeUnit unit, out bool plural)
    {
        unit = default;
        plural = false;
        var w = W(i);
        if (w is null)
        {
            return false;
        }

        if (!Units.TryGetValue(w, out unit))
        {
            return false;
        }

        plural = w.EndsWith('s') || w == "centuries";
        return true;
    }

    /// <summary>A cardinal at i: digits, "three", "twenty-five", "twenty five", and "a"/"an" when allowed.</summary>
    private bool Cardinal(int i, bool allowArticle, out int n, out int next)
    {
        n = 0;
        next = i;
        if (i >= t.Count)
        {
            return false;
        }

        var tok = t[i];
        if (tok.IsPlainNumber && tok.Digits <= 4)
        {
            // Not a part of a bigger figure ("$1 2/3") and not a price or a count with a currency before it.
            if (P(i - 1, "$") || P(i - 1, "#"))
            {
                return false;
            }

            n = tok.Value;
            next = i + 1;
            return true;
        }

        var w = W(i);
        if (w is null)
        {
            return false;
        }

        if ((w == "a" || w == "one") && IsAny(i + 1, "hundred", "dozen"))
        {
            // "a hundred years", "a dozen years"
            n = Is(i + 1, "hundred") ? 100 : 12;
            next = i + 2;
            return true;
        }

        if (allowArticle && (w == "a" || w == "an"))
        {
            // "a few" and "a couple" are vague, not one.
            if (IsAny(i + 1, "few", "couple"))
            {
                return false;
            }

            n = 1;
            next = i + 1;
            return true;
        }

        if (!Numbers.TryGetValue(w, out n) || w == "hundred")
        {
            return false;
        }

        next = i + 1;
        if (n >= 20 && n % 10 == 0)
        {
            var j = AfterHyphen(i + 1) is var h && h > 0 ? h : i + 1;
            if (W(j) is { } u && Numbers.TryGetValue(u, out var ones) && ones < 10)
            {
                n += ones;
                next = j + 1;
            }
        }

        return true;
    }

    /// <summary>A vague count: "several", "a few", "few", "many", "a couple of".</summary>
    private bool VagueCount(int i, out int next)
    {
        next = i;
        if (Is(i, "a") && Is(i + 1, "few"))
        {
            next = i + 2;
            return true;
        }


        if (W(i) is { } w && Vague.Contains(w) && w != "some")
        {
            next = i + 1;
            return true;
        }

        return false;
    }

    /// <summary>A day of the month written with digits, "5" or "5th"; day is 0 when absent.</summary>
    private bool DayNumber(int i, out int day, out int next)
    {
        day = 0;
        next = i;
        if (i >= t.Count || !t[i].IsPlainNumber || t[i].Digits > 2 || t[i].Value < 1)
        {
            return false;
        }

        day = t[i].Value;
        next = i + 1;
        if (W(next) is { } s && OrdinalSuffixes.Contains(s) && Tight(next))
        {
            next++;
        }

        // "5 percent", "5 p.m.", "5:30" belong elsewhere.
        return !IsAny(next, "percent", "p.m.", "a.m.", "pm", "am", "o'clock", "million", "billion");
    }

    /// <summary>A four-digit year 1000–2999 at i (one token).</summary>
    private bool YearNumber(int i, out int year)
    {
        year = 0;
        if (i >= t.Count || !t[i].IsPlainNumber || t[i].Digits != 4 || t[i].Value is < 1000 or > 2999)
        {
            return false;
        }

        year = t[i].Value;
        return true;
    }

    /// <summary>
    /// A year in digits or spoken in words, as broadcast transcripts write it: "nineteen ninety-four",
    /// "nineteen eighty", "two thousand", "two thousand and one" (TimeBank's CNN/ABC/VOA files: 7 cases).
    /// </summary>
    private bool YearAt(int i, out int year, out int next)
    {
        next = i + 1;
        if (YearNumber(i, out year))
        {
            return true;
        }

        var w = W(i);
        if (w is "eighteen" or "nineteen" or "twenty" && !Is(i + 1, "-") && Cardinal(i + 1, false, out var rest, out var after) && rest is >= 10 and < 100)
        {
            year = Numbers[w] * 100 + rest;
            next = after;
            return true;
        }

        if (w == "two" && Is(i + 1, "thousand"))
        {
            year = 2000;
            next = i + 2;
            var j = Is(next, "and") ? next + 1 : next;
            if (Cardinal(j, false, out var ones, out var afterOnes) && ones < 100)
            {
                year += ones;
                next = afterOnes;
            }

            return true;
        }

        return false;
    }

    private bool MonthWord(int i, out int month)
    {
        month = 0;
        var w = W(i);
        if (w is null || !Months.TryGetValue(w, out month))
        {
            return false;
        }

        // Month names are proper nouns in news: "march" and "may" in lower case are a verb and a modal.
        if (!IsCapital(i))
        {
            return false;
        }

        // "the March of the Combatant Mothers", "the annual March for Life": a march, not the month (AQUAINT: 2).
        if (month == 3 && ((Is(i + 1, "of") && Is(i + 2, "the")) || (Is(i + 1, "for") && IsAny(i - 1, "the", "annual"))))
        {
            return false;
        }

        return true;
    }

    /// <summary>The first token of the expression being built around an inner one ("9 a.m." around "Tuesday").</summary>
    private int outerFirst = int.MaxValue;

    private TimeDirection TenseOf(int first, int end)
    {
        // A deadline points forward whatever the verb's tense: "has given them until 9 a.m. Tuesday", "could leave
        // as soon as Tuesday", "remain in Miami until March 6".
        var before = Math.Min(first, outerFirst);
        if (IsAny(before - 1, "until", "till") || (Is(before - 1, "as") && Is(before - 2, "soon") && Is(before - 3, "as")))
        {
            return TimeDirection.Future;
        }

        // Dividends and rules take effect on a day to come: "payable Jan. 2", "effective Feb. 1", "holders of record
        // Dec. 21" (TimeBank: 5 dates put a year back fixed; all 14 such dates in TBAQ lie after the reference).
        if (IsAny(before - 1, "payable", "effective") || (Is(before - 1, "record") && Is(before - 2, "of")))
        {
            return TimeDirection.Future;
        }

        return tense(first, end);
    }
}
