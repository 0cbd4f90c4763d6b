using static Storyline.Time.TimexLexicon;

namespace Storyline.Time;

/// <summary>Deictic words, relative units, weekdays, durations, sets, clock times and modified periods.</summary>
internal sealed partial class TimexGrammar
{
    /// <summary>today, yesterday, tomorrow, tonight, now, currently, recently, the past, the future, soon …</summary>
    private TimexMatch? Deictic(int i)
    {
        var w = W(i);
        if (w is null)
        {
            return null;
        }

        switch (w)
        {
            case "today":
                return M(i, i + 1, Date, Ref is { } r0 ? D(r0) : "XXXX-XX-XX", "deictic/today");
            case "yesterday":
                return M(i, i + 1, Date, Ref is { } r1 ? D(r1.AddDays(-1)) : "XXXX-XX-XX", "deictic/yesterday");
            case "tomorrow":
                return M(i, i + 1, Date, Ref is { } r2 ? D(r2.AddDays(1)) : "XXXX-XX-XX", "deictic/tomorrow");
            case "tonight":
                return M(i, i + 1, TimeType, (Ref is { } r3 ? D(r3) : "XXXX-XX-XX") + "TNI", "deictic/tonight");
            case "now":
            case "currently":
            case "nowadays":
            // "current" alone: TBAQ tags 9 of its 21 bare uses PRESENT_REF; net +0.001 value F1 on both corpora.
            case "current" when !Unit(i + 1, out _, out _) && !Is(i + 1, "fiscal"):
                return M(i, i + 1, Date, "PRESENT_REF", "deictic/present");
            case "these" when Is(i + 1, "days"):
                return M(i, i + 2, Date, "PRESENT_REF", "deictic/these-days");
            case "recently":
            case "lately":
                return M(i, i + 1, Date, "PAST_REF", "deictic/recently");
            case "the" when Is(i + 1, "past") && !Cardinal(i + 2, false, out _, out _) && !Unit(i + 2, out _, out _) && !VagueCount(i + 2, out _):
                return M(i, i + 2, Date, "PAST_REF", "deictic/the-past");
            case "the" when Is(i + 1, "future"):
                return M(i, i + 2, Date, "FUTURE_REF", "deictic/the-future");
            case "the" when IsAny(i + 1, "near", "short", "long") && Is(i + 2, "term"):
                // "in the near term", "in the short term" (TimeBank: both tagged FUTURE_REF).
                return M(i, i + 3, Date, "FUTURE_REF", "deictic/the-near-term");
            case "the" when IsAny(i + 1, "near", "distant", "foreseeable", "immediate") && Is(i + 2, "future"):
                return M(i, i + 3, Date, "FUTURE_REF", "deictic/the-near-future");
            case "recent" or "past" or "coming" or "future" when Unit(i + 1, out _, out var plural) && plural:
                // "recent years", "in coming weeks": vague references, not durations.
                return M(i, i + 2, Date, w is "coming" or "future" ? "FUTURE_REF" : "PAST_REF", "deictic/recent-units");
            case "the" when IsAny(i + 1, "coming", "next") && Is(i + 2, "few") is var _ && Unit(i + 2, out _, out var plural2) && plural2:
                return M(i, i + 3, Date, "FUTURE_REF", "deictic/the-coming-units");
            case "the" when IsAny(i + 1, "days", "weeks", "months", "years") && Is(i + 2, "ahead"):
                return M(i, i + 3, Date, "FUTURE_REF", "deictic/ahead");
            default:
                return null;
        }
    }

    /// <summary>
    /// "last week", "this year", "next month", "the current year", "earlier this year" (mod START), "later this
    /// month" (mod END), "last November", "this weekend", "the weekend", "a year ago" in a quarterly report.
    /// </summary>
    private TimexMatch? RelativeUnit(int i)
    {
        var first = i;
        var j = i;
        string? mod = null;
        if (Is(j, "earlier") || Is(j, "later"))
        {
            mod = Is(j, "earlier") ? "START" : "END";
            j++;
            if (Is(j, "in") && Is(j + 1, "the") && Unit(j + 2, out var u0, out var p0) && !p0)
            {
                // "earlier in the year"
                return Relative(first, j + 3, u0, 0, mod, "relative/earlier-in-the");
            }
        }

        var shift = W(j) switch
        {
            "last" or "past" or "previous" => -1,
            "this" or "current" => 0,
            "next" or "coming" => 1,
            "the" when IsAny(j + 1, "current", "present") => 0,
            "the" when IsAny(j + 1, "previous", "preceding", "prior") => -1,
            "the" when IsAny(j + 1, "coming") => 1,
            _ => int.MinValue,
        };
        if (shift == int.MinValue)
        {
            // "the full year", "the fiscal year", "the current fiscal year": the reference's year (TBAQ: 6 cases).
            if (mod is null && Is(j, "the") && IsAny(j + 1, "full", "fiscal") && Is(j + 2, "year") && !YearNumber(j + 3, out _))
            {
                // ... but "the fiscal year ended Jan. 31" is a span, as "the year ended" is (TimeBank: 1).
                return IsAny(j + 3, "ended", "ending")
                    ? M(first, j + 3, Dur, "P1Y", "relative/the-year-ended")
                    : Relative(first, j + 3, TimeUnit.Year, 0, null, "relative/the-full-year");
            }

            // "year-end", "year end", "by year's end"
            if (Is(j, "year") && (AfterHyphen(j + 1) is var he && he > 0 ? Is(he, "end") : Is(j + 1, "end") || (Is(j + 1, "'s") && Is(j + 2, "end"))))
            {
                var endTok = Is(j + 1, "'s") ? j + 3 : AfterHyphen(j + 1) > 0 ? j + 3 : j + 2;
                return Relative(first, endTok, TimeUnit.Year, 0, "END", "relative/year-end");
            }

            if (mod is null && Is(j, "the") && IsAny(j + 1, "weekend", "year") && !P(j + 2, "-") && !Is(j + 2, "'s"))
            {
                if (Is(j + 1, "year"))
                {
                    // "the year ended Sept. 30" is a fiscal year's span (TimeBank: 5 of 6 are P1Y); "for the year", "a
                    // high for the year", "nine months of the year" are the reference's year (TimeBank: all 4).
                    // "the year before" counts back from a year named earlier, left untagged (AQUAINT: 1).
                    if (YearAt(j + 2, out _, out _) || IsAny(j + 2, "before", "earlier"))
                    {
                        return null;
                    }

                    return IsAny(j + 2, "ended", "ending")
                        ? M(first, j + 2, Dur, "P1Y", "relative/the-year-ended")
                        : Relative(first, j + 2, TimeUnit.Year, 0, null, "relative/the-year");
                }

                return Weekend(first, j + 2, TenseOf(first, j + 2) == TimeDirection.Future ? 0 : -1, "relative/the-weekend");
            }

            return null;
        }

        j += Is(j, "the") ? 2 : 1;
        if (Is(j, "fiscal"))
        {
            j++;
        }

        if (Is(j - 1, "past") && Is(j - 2, "this"))
        {
            // "this past spring" is handled by the season rule; "this past week" is last week.
        }

        if (Unit(j, out var unit, out var plural) && !plural && unit is not (TimeUnit.Second or TimeUnit.Minute or TimeUnit.Hour))
        {
            if (IsCapital(j) && j > 0)
            {
                // ABC's "This Week": a capitalised unit inside a sentence is a title (TimeBank: 2 spurious).
                return null;
            }

            if (Is(first, "past") || (Is(first, "the") && Is(first + 1, "past")))
            {
                return null;
            }

            if (unit == TimeUnit.Day)
            {
                return null;
            }

            if (unit == TimeUnit.Weekend)
            {
                return Weekend(first, j + 1, shift, "relative/weekend");
            }

            // ISO weeks, Monday to Sunday. (TBAQ's Sunday documents disagree with each other: 8 "last week"s are
            // the ISO week before, 10 the ISO week holding the Sunday; no rule serves both.)
            return Relative(first, j + 1, unit, shift, mod, "relative/unit");
        }

        if (MonthWord(j, out var month) && !DayNumber(j + 1, out _, out _) && mod is null)
        {
            if (Ref is not { } r)
            {
                return M(first, j + 1, Date, $"XXXX-{month:00}", "relative/month");
            }

            var year = shift switch
            {
                -1 => month < r.Month ? r.Year : r.Year - 1,
                1 => month > r.Month ? r.Year : r.Year + 1,
                _ => r.Year,
            };
            return M(first, j + 1, Date, TimexCalendar.Month(year, month), "relative/month");
        }

        if (mod is not null && (Is(j - 1, "this") || Is(j - 1, "that")) && IsAny(j, "morning", "afternoon", "evening"))
        {
            return M(first, j + 1, TimeType, (Ref is { } r4 ? D(r4) : "XXXX-XX-XX") + "T" + DayParts[W(j)!], "relative/earlier-this-morning", mod);
        }

        return null;
    }

    private TimexMatch Relative(int first, int end, TimeUnit unit, int shift, string? mod, string by)
    {
        if (Ref is not { } r)
        {
            return M(first, end, Date, TimexCalendar.UnknownAtGrain(unit), by, mod);
        }

        return TimexCalendar.TryAdd(r, unit, shift, out var shifted)
            ? M(first, end, Date, TimexCalendar.AtGrain(shifted, unit), by, mod)
            : M(first, end, Date, TimexCalendar.UnknownAtGrain(unit), by, mod);
    }

    private TimexMatch Weekend(int first, int end, int shift, string by)
    {
        if (Ref is not { } r)
        {
            return M(first, end, Date, "XXXX-WXX-WE", by);
        }

        // A weekend "last" from a Saturday or Sunday is the one before; from a weekday, the one just past.
        var isoDay = TimexCalendar.IsoDay(r);
        var weeks = shift switch
        {
            -1 => isoDay >= 6 ? -1 : -1,
            1 => isoDay >= 6 ? 1 : 0,
            _ => 0,
        };
        if (shift == 0 && isoDay < 6 && TenseOf(first, end) == TimeDirection.Past)
        {
            weeks = -1;
        }

        return M(first, end, Date, TimexCalendar.Week(r.AddDays(7 * weeks)) + "-WE", by);
    }

    /// <summary>
    /// "Friday", "on Friday" (the preposition stays outside), "last Friday", "next Tuesday", "Friday morning",
    /// "Tuesdays" (a set). Tense decides the week: "clashed on Friday" is the Friday before the reference.
    /// </summary>
    private TimexMatch? WeekdayExpression(int i)
    {
        var first = i;
        var j = i;
        var explicitShift = W(j) switch { "last" or "past" => -1, "next" or "coming" => 1, "this" => 0, _ => int.MinValue };
        if (explicitShift != int.MinValue)
        {
            j++;
        }

        if (W(j) is not { } w || !Weekdays.TryGetValue(w, out var isoDay))
        {
            return null;
        }

        var end = j + 1;
        var part = "";
        if (W(end) is { } p && (DayParts.TryGetValue(p, out var code) || (p.EndsWith('s') && DayParts.TryGetValue(p[..^1], out code))))
        {
            part = "T" + code;
            end++;
        }

        if (w.EndsWith('s'))
        {
            return explicitShift == int.MinValue ? M(first, end, Set, $"XXXX-WXX-{isoDay}{part}", "set/weekdays") : null;
        }

        // "Friday night": TIMEX3 allows TIME, but the TBAQ annotators wrote DATE for 14 of 19 weekday-plus-part phrases.
        var type = Date;
        if (Ref is not { } r)
        {
            return M(first, end, type, $"XXXX-WXX-{isoDay}{part}", "weekday");
        }

        DateOnly date;
        if (explicitShift == 0)
        {
            // "this Friday": the Friday of the reference's week.
            date = r.AddDays(isoDay - TimexCalendar.IsoDay(r));
        }
        else if (explicitShift != int.MinValue)
        {
            date = TimexCalendar.Weekday(r, isoDay, explicitShift < 0 ? TimeDirection.Past : TimeDirection.Future, strict: true);
        }
        else if (Is(end, "'s") && part.Length == 0)
        {
            // "Wednesday's ruling", "Friday's attack": a possessive weekday names what has happened (TBAQ: all 17 lie
            // on or before the reference, one was read ahead from a modal in its sentence).
            date = TimexCalendar.Weekday(r, isoDay, TimeDirection.Past);
        }
        else
        {
            date = TimexCalendar.Weekday(r, isoDay, TenseOf(first, end));
        }

        // The part of the day stays in the span, but in the value only for the evening and afternoon: TBAQ writes a
        // plain date for "Tuesday morning" and "Sunday night" 10 times against 9 with TMO/TNI (and 5 more times leaves
        // "night" out of the span), while all 3 weekday evenings carry TEV. (+0.011 value F1 on AQUAINT.)
        var keepPart = part is "TEV" or "TAF";
        return M(first, end, type, D(date) + (keepPart ? part : ""), "weekday");
    }

    private static readonly HashSet<string> DurationLeads = new(StringComparer.Ordinal)
    {
        "past", "last", "next", "first", "previous", "coming", "following", "final", "initial", "latest", "recent", "ensuing", "preceding",
    };

    /// <summary>
    /// Durations: "three years", "48 hours", "a decade", "two-year", "the past three years", "the first nine months",
    /// "several weeks" (PXW); and their anchored forms "two days ago", "a year earlier" (DATE, at the unit's grain).
    /// </summary>
    private TimexMatch? Duration(int i)
    {
        var first = i;
        var j = i;
        var the = false;
        if (IsAny(j, "the", "those", "these"))
        {
            the = true;
            j++;
        }

        string? lead = null;
        if (W(j) is { } l && DurationLeads.Contains(l))
        {
            lead = l;
            j++;
        }

        int? n = null;
        int afterCount;
        var half = false;
        var range = false;
        if ((Is(j, "a") && Is(j + 1, "couple") && Is(j + 2, "of")) || (the && Is(j, "couple") && Is(j + 1, "of")))
        {
            n = 2;
            afterCount = Is(j, "a") ? j + 3 : j + 2;
        }
        else if (Is(j, "half") && IsAny(j + 1, "a", "an") && Unit(j + 2, out _, out var halfPlural) && !halfPlural)
        {
            // "half an hour" is PT30M over the whole phrase, never "an hour" (TBAQ has none; the issue's own example).
            (n, half, afterCount) = (0, true, j + 2);
        }
        else if (Is(j, "a") && Is(j + 1, "half") && !the && lead is null)
        {
            // "a half hour", "a half-hour"
            (n, half, afterCount) = (0, true, j + 2);
        }
        else if (NumberRange(j, out var low, out afterCount))
        {
            // "two to three weeks", "12-18 months": one expression; TIMEX3 has no range value, so the lower bound
            // (TBAQ: "within two to three weeks" is P2W; both such ranges were split into pieces before).
            (n, range) = (low, true);
        }
        else if (Cardinal(j, allowArticle: !the && lead is null, out var count, out afterCount))
        {
            n = count;
            if (HalfAfterCount(afterCount) is > 0 and var afterHalf)
            {
                // "5 1/2 hours", "2 1/2 years", "one and a half years" (TBAQ: 2 cases, both read as "hours"/"years").
                (half, afterCount) = (true, afterHalf);
            }
        }
        else if (VagueCount(j, out afterCount))
        {
            n = null;
        }
        else if ((lead is not null || the) && Unit(j, out _, out var singular) && !singular)
        {
            afterCount = j;
            n = 1;
            if (!the || lead is null)
            {
                // "the week", "last week": the relative-unit rule owns those.
                return null;
            }
        }
        else
        {
            return BarePluralUnit(i);
        }

        var k = afterCount;
        if (IsAny(k, "more", "additional", "extra", "straight", "consecutive", "full", "long", "whole"))
        {
            // "20 more years", "three straight years"
            k++;
        }

        var compound = false;
        if (AfterHyphen(k) is var h && h > 0)
        {
            // "two-year", "10-year", "24-hour"
            compound = true;
            k = h;
        }

        if (!Unit(k, out var unit, out var plural))
        {
            // "a year and a half"-style fractions and "one and a half years" are left to their whole parts.
            return null;
        }

        if (unit == TimeUnit.Weekend && n is not null)
        {
            return null;
        }

        if (compound && plural && !Is(k, "decades"))
        {
            return null;
        }

        var end = k + 1;
        if (!half && !plural && n == 1 && !compound && Is(end, "and") && Is(end + 1, "a") && Is(end + 2, "half"))
        {
            // "a year and a half", "a minute and a half" (TBAQ: "a minute and a half" is PT1M30S).
            (half, end) = (true, end + 3);
        }

        // "a second group", "a second betrayal": the ordinal, not one second (TBAQ: 2 spurious, no "a second" as a
        // duration before a noun).
        if (unit == TimeUnit.Second && !plural && !compound && Is(end - 2, "a") && W(end) is { } after
            && !IsAny(end, "ago", "later", "earlier", "after", "before", "or", "and", "longer", "of", "to", "in", "apart"))
        {
            return null;
        }

        // Ages ("a 70-year-old") are attributes of people, not times.
        if ((AfterHyphen(end) is var h2 && h2 > 0 && Is(h2, "old")) || Is(end, "old"))
        {
            return null;
        }

        if (compound && AfterHyphen(end) is var h3 && h3 > 0 && Is(h3, "long"))
        {
            end = h3 + 1;
        }

        // Anchored: "two days ago", "a year earlier"
        if (!the && lead is null && (Is(end, "ago") || (Is(end, "earlier") && !compound)))
        {
            // "a year and a half ago" counts in the smaller unit: 18 months ago.
            return half && n is { } whole && TimexCalendar.InSmallerUnit(unit, whole, out var smaller, out var subCount)
                ? Ago(first, end + 1, smaller, subCount)
                : Ago(first, end + 1, unit, n);
        }

        if (!the && lead is null && n is null && plural && !compound && first == j && Is(end, "ago"))
        {
            return M(first, end + 1, Date, "PAST_REF", "duration/vague-ago");
        }

        if (n == 1 && !plural && !compound && !the && lead is null && Is(first, "a") is var article && article && IsSetContext(first))
        {
            return null;
        }

        // An adjectival duration leaves its article outside: "the [three-year] conflict".
        var start = compound && the && lead is null ? first + 1 : first;
        var value = half && n is { } w ? TimexCalendar.DurationAndAHalf(unit, w) : TimexCalendar.Duration(unit, n);
        return M(start, end, Dur, value, range ? "duration/range" : half ? "duration/half" : compound ? "duration/compound" : "duration");
    }

    /// <summary>"1/2" or "½" right after a count, or "and a half" / "and one-half": the index after it, or -1.</summary>
    private int HalfAfterCount(int i)
    {
        if (i < t.Count && ((t[i].Kind == TimexTokenKind.Number && t[i].Text == "1/2") || P(i, "\u00BD")))
        {
            return i + 1;
        }

        if (Is(i, "and") && IsAny(i + 1, "a", "one") && Is(OptHyphen(i + 2), "half"))
        {
            return OptHyphen(i + 2) + 1;
        }

        return -1;
    }

    /// <summary>"two to three", "two or three", "12-18": a range of counts; low is its lower bound.</summary>
    private bool NumberRange(int i, out int low, out int next)
    {
        low = 0;
        next = i;
        if (i < t.Count && t[i].Kind == TimexTokenKind.Number && !t[i].IsPlainNumber && !P(i - 1, "$"))
        {
            var dash = t[i].Text.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(t[i].Text.AsSpan(0, dash), System.Globalization.CultureInfo.InvariantCulture, out var a)
                && int.TryParse(t[i].Text.AsSpan(dash + 1), System.Globalization.CultureInfo.InvariantCulture, out var b) && a < b && b <= 1000)
            {
                (low, next) = (a, i + 1);
                return true;
            }

            return false;
        }

        if (Cardinal(i, false, out var from, out var afterFrom) && IsAny(afterFrom, "to", "or") && Cardinal(afterFrom + 1, false, out var to, out var afterTo) && from < to)
        {
            (low, next) = (from, afterTo);
            return true;
        }

        return false;
    }

    /// <summary>"years", "months": a vague duration (PXY) when not owned by a determiner ("the years", "those months").</summary>
    private TimexMatch? BarePluralUnit(int i)
    {
        if (!Unit(i, out var unit, out var plural) || !plural || unit is TimeUnit.Quarter or TimeUnit.Weekend or TimeUnit.Second)
        {
            return null;
        }

        if (i > 0 && IsAny(i - 1, "the", "those", "these", "recent", "past", "coming", "two", "three", "many", "several", "of", "few", "its", "their", "his", "her", "our", "your", "my"))
        {
            return null;
        }

        if (Is(i + 1, "ago"))
        {
            return M(i, i + 2, Date, "PAST_REF", "duration/vague-ago");
        }

        // Not a span of time: an age ("52 years old"), a distance in time between two events ("minutes apart"), "the
        // early hours", the second of a pair ("weeks or months") (TBAQ: 8 spurious, none annotated).
        if (IsAny(i + 1, "old", "apart") || (i > 0 && t[i - 1].Kind == TimexTokenKind.Number) || IsAny(i - 1, "early", "wee", "or", "and", "on"))
        {
            return null;
        }

        // "for years", "took months": a preposition or verb before it; "years of war" is a duration too.
        return M(i, i + 1, Dur, TimexCalendar.Duration(unit, null), "duration/bare-plural");
    }

    private TimexMatch Ago(int first, int end, TimeUnit unit, int? n)
    {
        if (n is null)
        {
            return M(first, end, Date, "PAST_REF", "duration/vague-ago");
        }

        if (Ref is not { } r)
        {
            return M(first, end, Date, TimexCalendar.UnknownAtGrain(unit), "duration/ago");
        }

        // In a quarterly report, "a year ago" is the same quarter a year before (TBAQ: 31 of 47 "a year ago/earlier").
        if (quarterContext && unit == TimeUnit.Year && n == 1)
        {
            return M(first, end, Date, TimexCalendar.ShiftQuarter(r, -5), "duration/year-ago-quarter");
        }

        // "4.5 billion years ago", or a reference near the calendar's ends: no day to name, only the grain.
        var value = unit is TimeUnit.Second or TimeUnit.Minute or TimeUnit.Hour
            ? D(r)
            : TimexCalendar.TryAdd(r, unit, -(long)n.Value, out var past) ? TimexCalendar.AtGrain(past, unit) : TimexCalendar.UnknownAtGrain(unit);
        return M(first, end, Date, value, "duration/ago");
    }

    // Quantities after which "a year", "a week" is a rate: "$5 a year", "twice a week", "10 percent a year".
    private bool IsSetContext(int articleIndex)
    {
        var p = articleIndex - 1;
        if (p < 0)
        {
            return false;
        }

        if (t[p].Kind == TimexTokenKind.Number || P(p, "%"))
        {
            return true;
        }

        return IsAny(p, "once", "twice", "thrice", "times", "percent", "million", "billion", "dollars", "cents", "hours", "days", "barrels", "tons", "each");
    }

    /// <summary>
    /// Sets: "every Tuesday", "every day", "each year", "every other week", "daily", "annually", "twice a week",
    /// "$5 a year" ("a year"), "per day".
    /// </summary>
    private TimexMatch? SetExpression(int i)
    {
        var w = W(i);
        if (w is null)
        {
            return null;
        }

        if (SetAdverbs.TryGetValue(w, out var adverb))
        {
            // A growth rate or an output, "rise 8.5% annually", "10,000 units annually", "C$17.9 million annually", is
            // a quantity's unit, which TimeBank leaves untagged (4 of its 5 "annually"s; the fifth follows a verb).
            if (w == "annually" && i > 0 && (P(i - 1, "%") || t[i - 1].Kind == TimexTokenKind.Number || IsAny(i - 1, "units", "million", "billion", "percent")))
            {
                return null;
            }

            return M(i, i + 1, Set, adverb, "set/adverb");
        }

        var first = i;
        var multiple = Cardinal(i, false, out _, out var afterN) && Is(afterN, "times");
        if (IsAny(i, "once", "twice", "thrice") || multiple)
        {
            var j = multiple ? afterN + 1 : i + 1;
            if (IsAny(j, "a", "an", "per", "each", "every") && Unit(j + 1, out var u1, out var p1) && !p1)
            {
                return M(first, j + 2, Set, TimexCalendar.Duration(u1, 1), "set/frequency");
            }

            return null;
        }

        if (IsAny(i, "a", "an", "per") && Unit(i + 1, out var rateUnit, out var ratePlural) && !ratePlural
            && rateUnit is not (TimeUnit.Decade or TimeUnit.Century or TimeUnit.Weekend) && IsSetContext(i))
        {
            return M(i, i + 2, Set, TimexCalendar.Duration(rateUnit, 1), "set/rate");
        }

        if (!IsAny(i, "every", "each"))
        {
            return null;
        }

        var k = i + 1;
        int? n = 1;
        if (Is(k, "other"))
        {
            n = 2;
            k++;
        }
        else if (Cardinal(k, false, out var every, out var afterEvery) && every > 1)
        {
            n = every;
            k = afterEvery;
        }

        if (Unit(k, out var unit, out var plural) && (plural == (n > 1) || n == 2))
        {
            return M(first, k + 1, Set, TimexCalendar.Duration(unit, n), "set/every-unit");
        }

        if (n != 1)
        {
            return null;
        }

        if (W(k) is { } d && Weekdays.TryGetValue(d, out var isoDay) && !d.EndsWith('s'))
        {
            var end = k + 1;
            var part = "";
            if (W(end) is { } pw && DayParts.TryGetValue(pw, out var pc))
            {
                part = "T" + pc;
                end++;
            }

            return M(first, end, Set, $"XXXX-WXX-{isoDay}{part}", "set/every-weekday");
        }

        if (MonthWord(k, out var month))
        {
            return M(first, k + 1, Set, $"XXXX-{month:00}", "set/every-month");
        }

        if (W(k) is { } s && Seasons.TryGetValue(s, out var season))
        {
            return M(first, k + 1, Set, $"XXXX-{season}", "set/every-season");
        }

        if (W(k) is { } part2 && DayParts.TryGetValue(part2, out var code2))
        {
            return M(first, k + 1, Set, $"XXXX-XX-XXT{code2}", "set/every-day-part");
        }

        return null;
    }

    /// <summary>
    /// Clock times: "3 p.m.", "10:30 GMT", "10:35 a.m. EDT Thursday", "noon", "midnight", "this morning",
    /// "last night", "yesterday afternoon".
    /// </summary>
    private TimexMatch? ClockTime(int i)
    {
        var first = i;
        int hour;
        int minute = 0;
        int end;
        var hasClock = false;
        if (IsAny(i, "noon", "midday") && !Is(i - 1, "high"))
        {
            // ("high noon", the film and the figure of speech, is no clock time: AQUAINT 2 spurious.)
            (hour, end) = (12, i + 1);
            hasClock = true;
        }
        else if (Is(i, "midnight"))
        {
            (hour, end) = (24, i + 1);
            hasClock = true;
        }
        else if (i < t.Count && t[i].Kind == TimexTokenKind.Number && !P(i - 1, "$") && ParseClock(t[i].Text, out hour, out minute, out var colon))
        {
            end = i + 1;
            var meridian = W(end);
            if (meridian is "a.m." or "am" or "a.m" && hour is >= 1 and <= 12)
            {
                hour %= 12;
                end++;
            }
            else if (meridian is "p.m." or "pm" or "p.m" && hour is >= 1 and <= 12)
            {
                hour = hour % 12 + 12;
                end++;
            }
            else if (meridian == "o'clock" && !colon && hour is >= 1 and <= 12)
            {
                end++;
            }
            else if (colon && !IsAny(end, "million", "billion", "percent") && (W(end) is { } z && Zones.Contains(z) || (i > 0 && IsAny(i - 1, "at", "by", "until", "till", "from", "before", "after", "around"))))
            {
                // "10:30 GMT", "at 10:30": a 24-hour clock reading.
            }
            else
            {
                return null;
            }

            hasClock = true;
        }
        else
        {
            return DayPart(i);
        }

        if (!hasClock)
        {
            return null;
        }

        if (W(end) is { } zone && Zones.Contains(zone))
        {
            end++;
        }

        // The day it belongs to: "3 p.m. Tuesday", "midnight Friday", "5 p.m. EST, Nov. 6", "10 a.m. today".
        var dayStart = P(end, ",") ? end + 1 : end;
        if (Is(dayStart, "on"))
        {
            dayStart++;
        }

        var clock = hour == 24 ? "T24:00" : $"T{hour:00}:{minute:00}";
        outerFirst = first;
        var day = CalendarDate(dayStart) ?? WeekdayExpression(dayStart) ?? DeicticDay(dayStart);
        outerFirst = int.MaxValue;
        if (day is { Suppressed: false, Type: Date } dm && dm.Value.Length == 10)
        {
            return M(first, dm.End, TimeType, dm.Value + clock, "time/clock-day");
        }

        // A clock time with no day of its own belongs to the day the story is telling ("was shot at 10 p.m." after "on
        // Oct. 23"), which is the publication day when the text has named no other (AQUAINT: +2 TIME values, TimeBank ±0).
        var date = (AnchorDay() ?? Ref) is { } r ? D(r) : "XXXX-XX-XX";
        return M(first, end, TimeType, date + clock, "time/clock");
    }

    private TimexMatch? DeicticDay(int i) => IsAny(i, "today", "yesterday", "tomorrow") ? Deictic(i) : null;

    private static bool ParseClock(string s, out int hour, out int minute, out bool colon)
    {
        hour = minute = 0;
        colon = false;
        var c = s.IndexOf(':', StringComparison.Ordinal);
        if (c < 0)
        {
            var dot = s.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && s.Length - dot == 3)
            {
                // "10.30 a.m." (British style)
                c = dot;
            }
            else
            {
                return s.Length <= 2 && int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out hour) && hour <= 24;
            }
        }

        colon = true;
        return c is 1 or 2 && s.Length == c + 3
            && int.TryParse(s.AsSpan(0, c), System.Globalization.CultureInfo.InvariantCulture, out hour)
            && int.TryParse(s.AsSpan(c + 1), System.Globalization.CultureInfo.InvariantCulture, out minute)
            && hour <= 24 && minute <= 59;
    }

    /// <summary>"this morning", "last night", "yesterday afternoon", "tomorrow evening", "Friday night" is a weekday rule.</summary>
    private TimexMatch? DayPart(int i)
    {
        DateOnly? day;
        var j = i + 1;
        switch (W(i))
        {
            case "this":
                day = Ref;
                break;
            case "last" when Is(i + 1, "night"):
            case "yesterday":
                day = Ref?.AddDays(-1);
                break;
            case "tomorrow":
                day = Ref?.AddDays(1);
                break;
            case "the" when IsAny(i + 1, "next", "following") && W(i + 2) is { } nx && DayParts.ContainsKey(nx):
                // "the next morning" follows the day the story is telling, not the publication date.
                day = (AnchorDay() ?? Ref)?.AddDays(1);
                j = i + 2;
                break;
            default:
                return null;
        }

        if (W(j) is not { } part || !DayParts.TryGetValue(part, out var code))
        {
            return null;
        }

        return M(i, j + 1, TimeType, (day is { } d ? D(d) : "XXXX-XX-XX") + "T" + code, "time/day-part");
    }

    /// <summary>The anchor as a day, when it names one.</summary>
    private DateOnly? AnchorDay() =>
        Anchor is { Length: 10 } a && DateOnly.TryParseExact(a, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;

    /// <summary>
    /// Narrative references, counted from the last date the text named (<see cref="Anchor"/>): "that day", "that same
    /// day", "earlier that day", "the next day", "the following day", "the day before", "that year", "later that
    /// year", "the following year", "the following month". Without a named date they stay untagged: the publication
    /// date would be a guess (TBAQ: 6 such phrases, all counted from a date named before them).
    /// </summary>
    private TimexMatch? Narrative(int i)
    {
        if (Anchor is not { Length: >= 4 } anchor || !int.TryParse(anchor.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        var first = i;
        var j = i;
        if (IsAny(j, "earlier", "later"))
        {
            j++;
        }

        int shift;
        if (Is(j, "that") && Is(j + 1, "same"))
        {
            (shift, j) = (0, j + 2);
        }
        else if (Is(j, "that") || (Is(j, "the") && Is(j + 1, "same")))
        {
            (shift, j) = (0, Is(j, "that") ? j + 1 : j + 2);
        }
        else if (j == i && Is(j, "the") && IsAny(j + 1, "next", "following") && Is(j + 2, "day"))
        {
            (shift, j) = (1, j + 2);
        }
        else if (j == i && Is(j, "the") && Is(j + 1, "following") && IsAny(j + 2, "month", "year"))
        {
            (shift, j) = (1, j + 2);
        }
        else if (j == i && Is(j, "the") && Is(j + 1, "day") && Is(j + 2, "before") && (j + 3 >= t.Count || t[j + 3].Kind == TimexTokenKind.Punctuation))
        {
            return AnchorDay() is { } before ? M(first, j + 3, Date, D(before.AddDays(-1)), "narrative/day-before") : null;
        }
        else
        {
            return null;
        }

        switch (W(j))
        {
            case "day" when AnchorDay() is { } day:
                return M(first, j + 1, Date, D(day.AddDays(shift)), "narrative/day");
            case "month" when anchor.Length >= 7 && shift == 1:
                var month = new DateOnly(year, int.Parse(anchor.AsSpan(5, 2), System.Globalization.CultureInfo.InvariantCulture), 1).AddMonths(1);
                return M(first, j + 1, Date, TimexCalendar.Month(month.Year, month.Month), "narrative/month");
            case "year" when !Is(j + 1, "'s"):
                return M(first, j + 1, Date, TimexCalendar.Year(year + shift), "narrative/year");
            default:
                return null;
        }
    }

    private static readonly Dictionary<string, string> ApproximationMods = new(StringComparer.Ordinal)
    {
        ["about"] = "APPROX", ["around"] = "APPROX", ["roughly"] = "APPROX", ["approximately"] = "APPROX",
        ["some"] = "APPROX", ["nearly"] = "LESS_THAN", ["almost"] = "LESS_THAN", ["over"] = "MORE_THAN",
        ["under"] = "LESS_THAN", ["just"] = "EQUAL_OR_LESS",
    };

    /// <summary>"more than a month", "nearly four years ago", "at least 18 months", "about a decade".</summary>
    private TimexMatch? Approximate(int i)
    {
        string? mod;
        int j;
        if ((Is(i, "more") || Is(i, "less") || Is(i, "fewer")) && Is(i + 1, "than"))
        {
            (mod, j) = (Is(i, "more") ? "MORE_THAN" : "LESS_THAN", i + 2);
        }
        else if (Is(i, "at") && IsAny(i + 1, "least", "most"))
        {
            (mod, j) = (Is(i + 1, "least") ? "EQUAL_OR_MORE" : "EQUAL_OR_LESS", i + 2);
        }
        else if ((Is(i, "up") && Is(i + 1, "to")) || (Is(i, "no") && Is(i + 1, "more") && Is(i + 2, "than")))
        {
            (mod, j) = ("EQUAL_OR_LESS", Is(i, "up") ? i + 2 : i + 3);
        }
        else if (W(i) is { } w && ApproximationMods.TryGetValue(w, out mod))
        {
            j = i + 1;
            // "some" and "over" only before a number: "some years" is vague, "over the past year" a preposition.
            if ((w is "some" or "over" or "under" or "just") && !Cardinal(j, w != "some", out _, out _))
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        if (Duration(j) is { Suppressed: false } inner && (inner.Type == Dur || inner.By.StartsWith("duration/ago", StringComparison.Ordinal) || inner.By == "duration/year-ago-quarter"))
        {
            return inner with { First = i, Mod = mod, By = inner.By + "+approx" };
        }

        if (mod == "APPROX" && ClockTime(j) is { Suppressed: false } time && time.By.StartsWith("time/clock", StringComparison.Ordinal))
        {
            return time with { First = i, Mod = mod, By = time.By + "+approx" };
        }

        return null;
    }

    /// <summary>
    /// Parts of a period, with TIMEX3 mod: "early next week" (START), "late November" (END), "mid-2024" (MID),
    /// "the end of February" (END), "the beginning of the year", "the middle of October", "the first half of 1989".
    /// </summary>
    private TimexMatch? Modified(int i)
    {
        var first = i;
        string mod;
        int j;
        var the = Is(i, "the") ? 1 : 0;
        var w = W(i + the);
        if (w is "early" or "late")
        {
            (mod, j) = (w == "early" ? "START" : "END", i + the + 1);
        }
        else if (w is "mid" or "mid-")
        {
            (mod, j) = ("MID", OptHyphen(i + the + 1));
        }
        else if (the == 1 && IsAny(i + 1, "end", "beginning", "start", "middle", "turn") && Is(i + 2, "of"))
        {
            mod = W(i + 1) switch { "end" => "END", "middle" => "MID", _ => "START" };
            j = i + 3;
        }
        else if (w is not null && w.StartsWith("mid-", StringComparison.Ordinal))
        {
            return null;
        }
        else
        {
            return null;
        }

        if (the == 1 && w is "early" or "late" && !(YearNumber(j, out _) || Is(j, "'")))
        {
            // "the early 1990s" keeps its article; "the late" before anything else is not a period ("the late president").
            return null;
        }

        // "the end of the year", "the end of the month": the period the reference sits in.
        if (Is(j, "the") && Unit(j + 1, out var unit, out var plural) && !plural && unit is TimeUnit.Year or TimeUnit.Month or TimeUnit.Week or TimeUnit.Quarter or TimeUnit.Decade or TimeUnit.Century)
        {
            return Relative(first, j + 2, unit, 0, mod, "modified/the-unit");
        }

        var inner = CalendarDate(j) ?? YearExpression(j) ?? RelativeUnit(j) ?? WeekdayExpression(j) ?? SeasonExpression(j) ?? QuarterExpression(j) ?? DeicticAnchor(j);
        if (inner is not { Suppressed: false } m || m.Type is Dur or Set || m.Value.EndsWith("_REF", StringComparison.Ordinal))
        {
            return null;
        }

        if (mod != "MID" && m.By == "date/month-day")
        {
            return null;
        }

        return m with { First = first, Mod = mod, By = "modified/" + m.By };
    }

    private TimexMatch? DeicticAnchor(int i) => IsAny(i, "today", "yesterday", "tomorrow") ? Deictic(i) : null;
}
