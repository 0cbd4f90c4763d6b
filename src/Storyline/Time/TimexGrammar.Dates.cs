using System.Globalization;
using static Storyline.Time.TimexLexicon;

namespace Storyline.Time;

/// <summary>Calendar dates, numeric dates, years, decades and centuries, quarters, seasons, holidays.</summary>
internal sealed partial class TimexGrammar
{
    // Words after which a capitalised "May" is the month, not the modal at a sentence start ("in May", "since May").
    private static readonly HashSet<string> MonthIntroducers = new(StringComparer.Ordinal)
    {
        "in", "since", "until", "till", "by", "of", "last", "next", "this", "early", "late", "mid", "through", "from",
        "to", "before", "after", "during", "between", "and", "or", "on", "that", "each", "every", "-",
    };

    /// <summary>
    /// "March 5", "Feb. 24", "March 5, 2025", "Friday, March 5", "5 March 2025", "the 5th of March", "March 2025",
    /// "March of 1998", "March". An impossible day ("February 30") suppresses the whole phrase.
    /// </summary>
    private TimexMatch? CalendarDate(int i)
    {
        var first = i;
        var weekday = 0;
        if (W(i) is { } wd && Weekdays.TryGetValue(wd, out var isoDay) && !wd.EndsWith('s'))
        {
            var j = P(i + 1, ",") ? i + 2 : i + 1;
            if (MonthWord(j, out _) || (DayNumber(j, out _, out var afterDay) && (MonthWord(afterDay, out _) || Is(afterDay, "of"))))
            {
                weekday = isoDay;
                i = j;
            }
        }

        var the = Is(i, "the") ? 1 : 0;
        if (MonthWord(i, out var month))
        {
            var j = i + 1;
            if (DayRange(j, month, out var fromDay, out var toDay, out var dash))
            {
                return MonthDayRange(first, j, month, fromDay, toDay, dash);
            }

            if (DayNumber(j, out var day, out var afterDay))
            {
                if (!TimexCalendar.DayExists(month, day))
                {
                    var withYear = P(afterDay, ",") ? afterDay + 1 : afterDay;
                    return M(first, YearAt(withYear, out _, out var pastYear) ? pastYear : afterDay, "", "", "date/impossible");
                }

                var k = P(afterDay, ",") ? afterDay + 1 : afterDay;
                if (YearAt(k, out var year, out var afterYear))
                {
                    return TimexCalendar.TryDate(year, month, day, out var full)
                        ? M(first, afterYear, Date, D(full), "date/month-day-year")
                        : M(first, afterYear, "", "", "date/impossible");
                }

                var value = MonthDay(month, day, first, afterDay);
                if (IsAny(afterDay, "and", "or", "to", "through") && afterDay + 1 < t.Count && t[afterDay + 1].IsPlainNumber
                    && t[afterDay + 1].Value is var other && other > day && TimexCalendar.DayExists(month, other)
                    && (afterDay + 2 >= t.Count || t[afterDay + 2].Kind == TimexTokenKind.Punctuation))
                {
                    // "April 24 and 25": the second day is a date of its own, in the same month (TBAQ: 1 case).
                    var second = t[afterDay + 1];
                    return M(first, afterDay + 2, Date, value, "date/month-day-pair")
                        with { FirstEnd = t[afterDay - 1].End, Second = (second.Start, second.End, SameMonth(value, other)) };
                }

                return M(first, afterDay, Date, value, weekday > 0 ? "date/weekday-month-day" : "date/month-day");
            }

            if (weekday > 0)
            {
                return null;
            }

            var y = P(j, ",") ? j + 1 : Is(j, "of") ? j + 1 : j;
            if (YearAt(y, out var monthYear, out var afterMonthYear))
            {
                return M(first, afterMonthYear, Date, TimexCalendar.Month(monthYear, month), "date/month-year");
            }

            // "July last year", "March next year"
            if (IsAny(j, "last", "this", "next") && Is(j + 1, "year") && Ref is { } ry)
            {
                var shiftYear = Is(j, "last") ? -1 : Is(j, "next") ? 1 : 0;
                return M(first, j + 2, Date, TimexCalendar.Month(ry.Year + shiftYear, month), "date/month-relative-year");
            }

            // Abbreviations alone ("Jan", "Dec") are names more often than months: only a full name stands alone.
            if (W(i)!.Length <= 4 && W(i) != "may" && W(i) != "june" && W(i) != "july")
            {
                return null;
            }

            if (month == 5 && (i == 0 || !MonthIntroducers.Contains(W(i - 1) ?? t[i - 1].Text)))
            {
                return null;
            }

            // A month standing alone must not be the start of a sentence's verb ("March on Washington").
            return M(first, j, Date, Month(month, first, j), "date/month");
        }

        // "5 March 2025", "the 5th of March"
        if (DayNumber(i + the, out var d2, out var after) && (the == 0 || after > i + the + 1 || Ordinalish(i + the)))
        {
            var m = Is(after, "of") ? after + 1 : after;
            if (MonthWord(m, out var month2))
            {
                if (!TimexCalendar.DayExists(month2, d2))
                {
                    var withYear = P(m + 1, ",") ? m + 2 : m + 1;
                    return M(first, YearAt(withYear, out _, out var pastYear) ? pastYear : m + 1, "", "", "date/impossible");
                }

                var k = P(m + 1, ",") ? m + 2 : m + 1;
                if (YearNumber(k, out var year2))
                {
                    return TimexCalendar.TryDate(year2, month2, d2, out var full2)
                        ? M(first, k + 1, Date, D(full2), "date/day-month-year")
                        : M(first, k + 1, "", "", "date/impossible");
                }

                return M(first, m + 1, Date, MonthDay(month2, d2, first, m + 1), "date/day-month");
            }
        }

        return null;
    }

    /// <summary>"5-7" after a month: two days of it joined by a dash, the first before the second.</summary>
    private bool DayRange(int i, int month, out int from, out int to, out int dash)
    {
        from = to = 0;
        dash = -1;
        if (i >= t.Count || t[i].Kind != TimexTokenKind.Number || t[i].IsPlainNumber)
        {
            return false;
        }

        var s = t[i].Text;
        dash = s.IndexOf('-', StringComparison.Ordinal);
        return dash is 1 or 2 && s.Length - dash - 1 is 1 or 2
            && int.TryParse(s.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out from)
            && int.TryParse(s.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out to)
            && from < to && TimexCalendar.DayExists(month, from) && TimexCalendar.DayExists(month, to);
    }

    /// <summary>"March 5-7", "March 5-7, 2025": the first day and the last, each its own expression.</summary>
    private TimexMatch MonthDayRange(int first, int j, int month, int from, int to, int dash)
    {
        var end = j + 1;
        var k = P(end, ",") ? end + 1 : end;
        string value;
        if (YearAt(k, out var year, out var afterYear) && TimexCalendar.TryDate(year, month, from, out var d1) && TimexCalendar.TryDate(year, month, to, out _))
        {
            value = D(d1);
            end = afterYear;
        }
        else
        {
            value = MonthDay(month, from, first, end);
        }

        var token = t[j];
        return M(first, end, Date, value, "date/month-day-range")
            with { FirstEnd = token.Start + dash, Second = (token.Start + dash + 1, t[end - 1].End, SameMonth(value, to)) };
    }

    /// <summary>The value of another day in the month of a YYYY-MM-DD (or XXXX-MM-DD) value.</summary>
    private static string SameMonth(string dayValue, int day) => string.Create(CultureInfo.InvariantCulture, $"{dayValue.AsSpan(0, 8)}{day:00}");

    private bool Ordinalish(int i) => i + 1 < t.Count && W(i + 1) is { } s && OrdinalSuffixes.Contains(s) && Tight(i + 1);

    private string MonthDay(int month, int day, int first, int end)
    {
        if (Ref is not { } r)
        {
            return $"XXXX-{month:00}-{day:00}";
        }

        var year = TimexCalendar.YearFor(r, month, day, TenseOf(first, end));
        return TimexCalendar.TryDate(year, month, day, out var date) ? D(date) : $"XXXX-{month:00}-{day:00}";
    }

    private string Month(int month, int first, int end)
    {
        if (Ref is not { } r)
        {
            return $"XXXX-{month:00}";
        }

        // The same rule as for a month and day, at the middle of the month. "By August" is a target, not a memory
        // (TimeBank: both such months, told in a past or present sentence, lie ahead of the reference).
        var direction = Is(first - 1, "by") ? TimeDirection.Future : TenseOf(first, end);
        return TimexCalendar.Month(TimexCalendar.YearFor(r, month, 15, direction), month);
    }

    /// <summary>"2025-03-05", "3/5/2025" (US order; day-first when the first number cannot be a month), "3/5/98".</summary>
    private TimexMatch? NumericDate(int i)
    {
        if (i >= t.Count || t[i].Kind != TimexTokenKind.Number || t[i].IsPlainNumber)
        {
            return null;
        }

        var s = t[i].Text;
        // Glued to more figures or a currency: a price, a phone number, a score.
        if (P(i - 1, "$") || (i + 1 < t.Count && Tight(i + 1) && t[i + 1].Kind == TimexTokenKind.Number))
        {
            return null;
        }

        var parts = s.Split('-');
        if (parts.Length == 3 && parts[0].Length == 4 && parts[1].Length == 2 && parts[2].Length == 2 && AllDigits(parts))
        {
            return TimexCalendar.TryDate(Int(parts[0]), Int(parts[1]), Int(parts[2]), out var iso)
                ? M(i, i + 1, Date, D(iso), "date/iso")
                : M(i, i + 1, "", "", "date/impossible");
        }

        parts = s.Split('/');
        if (parts.Length != 3 || !AllDigits(parts) || parts[0].Length > 4 || parts[1].Length > 2 || parts[2].Length > 4)
        {
            return null;
        }

        int year, month, day;
        if (parts[0].Length == 4)
        {
            (year, month, day) = (Int(parts[0]), Int(parts[1]), Int(parts[2]));
        }
        else
        {
            if (parts[0].Length > 2 || parts[2].Length is not (2 or 4))
            {
                return null;
            }

            (month, day) = (Int(parts[0]), Int(parts[1]));
            if (month > 12 && day <= 12)
            {
                (month, day) = (day, month);
            }

            year = Int(parts[2]);
            if (parts[2].Length == 2)
            {
                // A two-digit year is read only against a reference date (the nearest century); without one, not at all.
                if (Ref is not { } r)
                {
                    return null;
                }

                var century = r.Year / 100 * 100;
                year += century;
                if (year > r.Year + 20)
                {
                    year -= 100;
                }
            }
        }

        return TimexCalendar.TryDate(year, month, day, out var date)
            ? M(i, i + 1, Date, D(date), "date/numeric")
            : M(i, i + 1, "", "", "date/impossible");
    }

    private static bool AllDigits(string[] parts) => parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    // Counted nouns after a number that make it a quantity, not a year ("2000 people", "1500 troops").
    private static readonly HashSet<string> CountNouns = new(StringComparer.Ordinal)
    {
        "percent", "per", "people", "persons", "members", "troops", "soldiers", "votes", "jobs", "units", "shares",
        "tons", "tonnes", "kilometers", "kilometres", "miles", "feet", "meters", "metres", "km", "dollars", "euros",
        "yuan", "yen", "pounds", "cars", "acres", "square", "others", "cases", "deaths", "workers", "employees",
        "students", "points", "barrels", "homes", "houses", "children", "men", "women", "copies", "stores", "pages",
        "rooms", "calories", "cents", "hectares", "residents", "signatures", "delegates", "seats", "marines", "police",
        "officers", "prisoners", "refugees", "words", "times", "to",
    };

    private static readonly HashSet<string> YearIntroducers = new(StringComparer.Ordinal)
    {
        "in", "since", "of", "by", "until", "till", "from", "before", "after", "year", "fiscal", "early", "late", "mid",
        "the", "and", "or", "to", "through", "between", "during", "for", "around", "about", "spring", "summer", "fall",
        "autumn", "winter", "circa", "-", "(", ",",
    };

    /// <summary>Years ("2014"), fiscal years, decades ("the 1990s", "the '90s"), centuries ("the 20th century").</summary>
    private TimexMatch? YearExpression(int i)
    {
        var first = i;
        if (Is(i, "the") && Is(i + 1, "year") && YearAt(i + 2, out var y0, out var afterY0))
        {
            // "the year 2000", and as transcripts say it, "the year two thousand" (TimeBank: 2 cases).
            return M(i, afterY0, Date, TimexCalendar.Year(y0), "year/the-year");
        }

        if (Is(i, "fiscal") || (Is(i, "the") && Is(i + 1, "fiscal")))
        {
            var j = Is(i, "the") ? i + 2 : i + 1;
            if (Is(j, "year"))
            {
                j++;
            }

            if (YearNumber(j, out var fy))
            {
                return M(first, j + 1, Date, TimexCalendar.Year(fy), "year/fiscal");
            }

            return null;
        }

        var k = Is(i, "the") ? i + 1 : i;

        // "the 1990s", "1990s", "the 1800s" (a century)
        if (YearNumber(k, out var decadeYear) && decadeYear % 10 == 0 && Tight(k + 1) && (Is(k + 1, "s") || Is(k + 1, "'s")))
        {
            var value = decadeYear % 100 == 0 ? TimexCalendar.Year(decadeYear)[..2] : TimexCalendar.Year(decadeYear)[..3];
            return M(first, k + 2, Date, value, "year/decade");
        }

        // "the '90s", "'90s"
        if (P(k, "'") && k + 1 < t.Count && t[k + 1].IsPlainNumber && t[k + 1].Digits == 2 && t[k + 1].Value % 10 == 0
            && Tight(k + 1) && Is(k + 2, "s") && Tight(k + 2))
        {
            if (Ref is not { } r)
            {
                return null;
            }

            var decade = r.Year / 100 * 100 + t[k + 1].Value;
            if (decade > r.Year)
            {
                decade -= 100;
            }

            return M(first, k + 3, Date, TimexCalendar.Year(decade)[..3], "year/short-decade");
        }

        // "the nineties": the decades a reader of today's news means by the word alone are the 1900s' (TimeBank: 1).
        if (Is(i, "the") && W(i + 1) is { } decadeWord && SpokenDecades.TryGetValue(decadeWord, out var decadeDigit))
        {
            return M(i, i + 2, Date, "19" + decadeDigit, "year/spoken-decade");
        }

        // "the 20th century", "the twentieth century", and the adjective without its article, "a 20th century
        // democrat", "the fabled 11th century temple" (TimeBank: 2 missed).
        var bareCentury = !Is(i, "the") && !Is(i - 1, "the") && ((i < t.Count && t[i].IsPlainNumber && Ordinalish(i) && Is(i + 2, "century"))
            || (W(i) is { } bareOrdinal && Ordinals.ContainsKey(bareOrdinal) && Is(i + 1, "century")));
        if (Is(i, "the") || Is(i, "this") || Is(i, "last") || Is(i, "next") || bareCentury)
        {
            var n = 0;
            var j = bareCentury ? i : i + 1;
            if (j < t.Count && t[j].IsPlainNumber && t[j].Digits <= 2 && Ordinalish(j))
            {
                n = t[j].Value;
                j += 2;
            }
            else if (W(j) is { } o && Ordinals.TryGetValue(o, out var on))
            {
                n = on;
                j++;
            }

            if (n is >= 1 and <= 30 && (Is(j, "century") || Is(j, "century's")))
            {
                return M(i, j + 1, Date, (n - 1).ToString("00", CultureInfo.InvariantCulture), "year/century");
            }
        }

        // A year spoken in words, "nineteen ninety-six": no count is said this way (TimeBank transcripts: 5 missed).
        if (IsAny(i, "eighteen", "nineteen") && YearAt(i, out var spoken, out var afterSpoken))
        {
            return M(i, afterSpoken, Date, TimexCalendar.Year(spoken), "year/spoken");
        }

        if (!YearNumber(i, out var year))
        {
            return null;
        }

        // A bare number is a year only when it looks like one: not a price, a count, or part of a figure.
        if (P(i - 1, "$") || P(i - 1, "#") || (i > 0 && Tight(i) && t[i - 1].Kind == TimexTokenKind.Number)
            || (W(i + 1) is { } next && CountNouns.Contains(next)) || P(i + 1, "%")
            || (i + 1 < t.Count && Tight(i + 1) && t[i + 1].Kind == TimexTokenKind.Number))
        {
            return null;
        }

        var introduced = i > 0 && YearIntroducers.Contains(W(i - 1) ?? t[i - 1].Text);
        if (!introduced && year is < 1900 or > 2099)
        {
            return null;
        }

        return M(i, i + 1, Date, TimexCalendar.Year(year), "year/number");
    }

    private static readonly Dictionary<string, string> SpokenDecades = new(StringComparer.Ordinal)
    {
        ["fifties"] = "5", ["sixties"] = "6", ["seventies"] = "7", ["eighties"] = "8", ["nineties"] = "9",
    };

    private static readonly Dictionary<string, int> QuarterOrdinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["1st"] = 1, ["2nd"] = 2, ["3rd"] = 3, ["4th"] = 4,
    };

    /// <summary>
    /// Quarters and halves: "the third quarter", "third-quarter", "the fourth quarter of 1990", "this year's third
    /// quarter", "fiscal second-quarter", "the first half of 1989"; "the quarter" and "the latest quarter" are the
    /// last quarter reported, the one before the reference's (TBAQ: 29 of 35 such mentions).
    /// </summary>
    private TimexMatch? QuarterExpression(int i)
    {
        var first = i;
        var j = i;
        var yearShift = 0;
        int? explicitYear = null;
        var yearAgo = false;
        if (IsAny(j, "the", "its", "a", "their", "that"))
        {
            j++;
        }

        if (IsAny(j, "this", "last", "next") && Is(j + 1, "year") && Is(j + 2, "'s"))
        {
            yearShift = Is(j, "last") ? -1 : Is(j, "next") ? 1 : 0;
            j += 3;
        }
        else if (YearNumber(j, out var y) && !Tight(j + 1))
        {
            explicitYear = y;
            j++;
        }
        else if (YearNumber(j, out var possessive) && P(j + 1, "'") && Tight(j + 1) && Is(j + 2, "s") && Tight(j + 2))
        {
            // "1990's first quarter"
            explicitYear = possessive;
            j += 3;
        }

        if (IsAny(j, "year-ago", "year-earlier") || ((Is(j, "year") && AfterHyphen(j + 1) is var h && h > 0 && IsAny(h, "ago", "earlier"))))
        {
            yearAgo = true;
            j = Is(j, "year") ? AfterHyphen(j + 1) + 1 : j + 1;
        }

        if (yearAgo && !IsAny(j, "quarter", "period", "first", "second", "third", "fourth", "fiscal", "comparable", "corresponding", "same", "latest"))
        {
            // "year-earlier results", "a year-ago loss": the same period a year before; in a results report the
            // quarter (TBAQ: 6 of 8 such adjectives).
            var yearBefore = Ref is not { } ra ? "XXXX" : quarterContext ? TimexCalendar.ShiftQuarter(ra, -5) : TimexCalendar.Year(ra.Year - 1);
            var start = Is(first, "year") ? first : first + 1;
            return M(start, j, Date, yearBefore, "quarter/year-ago-adjective");
        }

        if (IsAny(j, "comparable", "corresponding", "same"))
        {
            j++;
        }

        if (Is(j, "fiscal"))
        {
            j = OptHyphen(j + 1);
        }

        var latest = false;
        var current = false;
        if (IsAny(j, "latest", "current", "recent", "just-ended", "most-recent"))
        {
            latest = !Is(j, "current");
            current = Is(j, "current");
            j++;
        }

        var ordinal = 0;
        if (W(j) is { } o && QuarterOrdinals.TryGetValue(o, out var q))
        {
            ordinal = q;
            j = OptHyphen(j + 1);
        }

        var half = false;
        if (Is(j, "quarter") || (Is(j, "period") && latest))
        {
            // "the latest period" in a results report is the quarter reported (TBAQ: 6 cases).
            j++;
        }
        else if (Is(j, "period") && yearAgo)
        {
            j++;
        }
        else if (Is(j, "half") && ordinal is 1 or 2)
        {
            half = true;
            j++;
        }
        else
        {
            return null;
        }

        // "the quarter" needs its determiner; a bare "quarter" is too often "a quarter of the vote".
        if (ordinal == 0 && !latest && !yearAgo && first == j - 1)
        {
            return null;
        }

        // "the quarter-to-quarter comparison", "its quarter-century low": a compound's first part, no period of its
        // own (TimeBank: 2 spurious).
        if (ordinal == 0 && Is(j - 1, "quarter") && AfterHyphen(j) > 0)
        {
            return null;
        }

        if (ordinal == 0 && Is(first, "a"))
        {
            return null;
        }

        var end = j;
        if (ordinal == 0 && Is(j, "a") && Is(j + 1, "year") && IsAny(j + 2, "ago", "earlier"))
        {
            // "the quarter a year ago"
            yearAgo = true;
            end = j + 3;
        }
        else if (IsAny(j, "of", "in") && (Is(j + 1, "fiscal") ? YearNumber(j + 2, out var fy) : YearNumber(j + 1, out fy)))
        {
            explicitYear = fy;
            end = Is(j + 1, "fiscal") ? j + 3 : j + 2;
        }
        else if (YearNumber(j, out var trailing))
        {
            explicitYear = trailing;
            end = j + 1;
        }

        if (half)
        {
            var hy = explicitYear ?? (Ref is { } rh ? rh.Year + yearShift : (int?)null);
            return M(first, end, Date, hy is { } hv ? $"{TimexCalendar.Year(hv)}-H{ordinal}" : $"XXXX-H{ordinal}", "quarter/half");
        }

        string value;
        if (explicitYear is { } ey)
        {
            value = ordinal > 0 ? TimexCalendar.Quarter(ey, ordinal) : $"{TimexCalendar.Year(ey)}-QX";
        }
        else if (Ref is not { } r)
        {
            value = ordinal > 0 ? $"XXXX-Q{ordinal}" : "XXXX-QX";
        }
        else if (ordinal > 0)
        {
            // A numbered quarter still to come this year, told in the past, is last year's ("the fourth quarter" in January).
            var late = ordinal > TimexCalendar.QuarterOf(r) && yearShift == 0 && !yearAgo && TenseOf(first, end) != TimeDirection.Future;
            value = TimexCalendar.Quarter(r.Year + yearShift + (yearAgo || late ? -1 : 0), ordinal);
        }
        else
        {
            // "the current quarter" is the reference's own; every other unnumbered quarter is the last one reported.
            value = current ? TimexCalendar.ShiftQuarter(r, 0) : TimexCalendar.ShiftQuarter(r, yearAgo ? -5 : -1);
        }

        return M(first, end, Date, value, "quarter");
    }

    /// <summary>"this spring", "last fall", "the summer of 1998", "summer 2024", "in winter".</summary>
    private TimexMatch? SeasonExpression(int i)
    {
        var first = i;
        var j = i;
        var shift = (int?)null;
        var determiner = false;
        if (IsAny(j, "this", "last", "next", "past", "the", "that", "coming"))
        {
            determiner = true;
            shift = W(j) switch { "last" or "past" => -1, "next" or "coming" => 1, "this" => 0, _ => null };
            if (Is(j, "this") && Is(j + 1, "past"))
            {
                shift = -1;
                j++;
            }

            j++;
        }

        if (W(j) is not { } w || !Seasons.TryGetValue(w, out var code))
        {
            return null;
        }

        var end = j + 1;
        int? year = null;
        if (Is(end, "of") && YearAt(end + 1, out var y1, out var afterY1))
        {
            year = y1;
            end = afterY1;
        }
        else if (YearAt(end, out var y2, out var afterY2))
        {
            year = y2;
            end = afterY2;
        }

        // "fall" is a verb and a noun; a season word alone counts only after a preposition that takes a time.
        if (!determiner && year is null && !(i > 0 && IsAny(i - 1, "in", "during", "since", "until", "by", "early", "late", "through")))
        {
            return null;
        }

        if (year is null && Ref is { } r)
        {
            // Seasons in the order of a year that ends with its winter (December to February, named for December's year).
            var current = TimexCalendar.SeasonOf(r);
            var index = TimexCalendar.SeasonIndex(code);
            var refSeasonYear = r.Month <= 2 ? r.Year - 1 : r.Year;
            year = shift switch
            {
                -1 => index < current ? refSeasonYear : refSeasonYear - 1,
                1 => index > current ? refSeasonYear : refSeasonYear + 1,
                0 => refSeasonYear,
                _ => TenseOf(first, end) == TimeDirection.Past && index > current ? refSeasonYear - 1 : refSeasonYear,
            };
        }

        return M(first, end, Date, year is { } yv ? $"{TimexCalendar.Year(yv)}-{code}" : $"XXXX-{code}", "season");
    }

    /// <summary>Fixed and movable holidays; the year from the tense, as for a month and day.</summary>
    private TimexMatch? Holiday(int i)
    {
        var w = W(i);
        if (w is null || !IsCapital(i))
        {
            return null;
        }

        var end = i + 1;
        Func<int, DateOnly>? date = null;
        switch (w)
        {
            case "christmas":
                if (Is(end, "eve")) { end++; date = y => new DateOnly(y, 12, 24); }
                else { if (Is(end, "day")) { end++; } date = y => new DateOnly(y, 12, 25); }
                break;
            case "new" when Is(i + 1, "year's") && IsAny(i + 2, "day", "eve"):
                end = i + 3;
                date = Is(i + 2, "eve") ? y => new DateOnly(y, 12, 31) : y => new DateOnly(y, 1, 1);
                break;
            case "thanksgiving":
                if (Is(end, "day")) { end++; }
                date = y => TimexCalendar.NthWeekday(y, 11, 4, 4);
                break;
            case "easter":
                if (Is(end, "sunday")) { end++; }
                date = TimexCalendar.Easter;
                break;
            case "halloween":
                date = y => new DateOnly(y, 10, 31);
                break;
            case "independence" when Is(i + 1, "day"):
                end = i + 2;
                date = y => new DateOnly(y, 7, 4);
                break;
            case "labor" when Is(i + 1, "day"):
                end = i + 2;
                date = y => TimexCalendar.NthWeekday(y, 9, 1, 1);
                break;
            case "memorial" when Is(i + 1, "day"):
                end = i + 2;
                date = y => TimexCalendar.NthWeekday(y, 5, 1, -1);
                break;
            default:
                return null;
        }

        if (YearNumber(end, out var explicitYear))
        {
            return M(i, end + 1, Date, D(date(explicitYear)), "holiday/year");
        }

        if (Ref is not { } r)
        {
            return M(i, end, Date, "XXXX-XX-XX", "holiday");
        }

        var direction = TenseOf(i, end);
        var candidate = date(r.Year);
        if (direction == TimeDirection.Past && candidate > r)
        {
            candidate = date(r.Year - 1);
        }
        else if (direction == TimeDirection.Future && candidate < r)
        {
            candidate = date(r.Year + 1);
        }

        return M(i, end, Date, D(candidate), "holiday");
    }
}
