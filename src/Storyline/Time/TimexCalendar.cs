using System.Globalization;

namespace Storyline.Time;

/// <summary>Which way a relative expression points, from the tense around it.</summary>
public enum TimeDirection
{
    /// <summary>Nothing in the sentence says; news reports mostly tell what already happened.</summary>
    Unknown,
    Past,
    Present,
    Future,
}

/// <summary>Calendar arithmetic and TIMEX3 value formatting. Pure functions; invalid dates are refused, never invented.</summary>
internal static class TimexCalendar
{
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(int year, int month) => $"{Year(year)}-{month:00}";

    public static string Year(int year) => year.ToString("0000", CultureInfo.InvariantCulture);

    public static string Week(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return $"{Year(ISOWeek.GetYear(dt))}-W{ISOWeek.GetWeekOfYear(dt):00}";
    }

    public static int QuarterOf(DateOnly d) => (d.Month - 1) / 3 + 1;

    public static string Quarter(int year, int quarter) => $"{Year(year)}-Q{quarter}";

    /// <summary>The quarter <paramref name="shift"/> quarters away from the one holding <paramref name="d"/>.</summary>
    public static string ShiftQuarter(DateOnly d, int shift)
    {
        var index = d.Year * 4 + (QuarterOf(d) - 1) + shift;
        return Quarter(Math.DivRem(index, 4, out var q), q + 1);
    }

    public static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>A day-of-month that exists in some year (Feb 29 included): "February 30" never does.</summary>
    public static bool DayExists(int month, int day) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month);

    /// <summary><see cref="Add"/> when the result is a representable date (years 1–9999); false for "4.5 billion
    /// years ago" or a shift past the calendar's ends, which have no TIMEX day to give.</summary>
    public static bool TryAdd(DateOnly d, TimeUnit unit, long n, out DateOnly result)
    {
        result = d;
        long months = unit switch
        {
            TimeUnit.Month => n,
            TimeUnit.Quarter => 3 * n,
            TimeUnit.Half => 6 * n,
            TimeUnit.Year => 12 * n,
            TimeUnit.Decade => 120 * n,
            TimeUnit.Century => 1200 * n,
            _ => 0,
        };
        long days = unit switch
        {
            TimeUnit.Day => n,
            TimeUnit.Week or TimeUnit.Weekend => 7 * n,
            _ => 0,
        };
        var monthIndex = (d.Year * 12L) + d.Month - 1 + months;
        var dayNumber = d.DayNumber + days;
        if (Math.Abs(n) > 1_000_000_000L || monthIndex < 12 || monthIndex >= 10_000 * 12L
            || dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
        {
            return false;
        }

        result = Add(d, unit, (int)n);
        return true;
    }

    public static DateOnly Add(DateOnly d, TimeUnit unit, int n) => unit switch
    {
        TimeUnit.Day => d.AddDays(n),
        TimeUnit.Week or TimeUnit.Weekend => d.AddDays(7 * n),
        TimeUnit.Month => d.AddMonths(n),
        TimeUnit.Quarter => d.AddMonths(3 * n),
        TimeUnit.Half => d.AddMonths(6 * n),
        TimeUnit.Year => d.AddYears(n),
        TimeUnit.Decade => d.AddYears(10 * n),
        TimeUnit.Century => d.AddYears(100 * n),
        _ => d,
    };

    /// <summary>A date written at the grain of a unit: "two months ago" is a month (2025-01), not a day.</summary>
    public static string AtGrain(DateOnly d, TimeUnit unit) => unit switch
    {
        TimeUnit.Week or TimeUnit.Weekend => Week(d),
        TimeUnit.Month => Month(d.Year, d.Month),
        TimeUnit.Quarter => Quarter(d.Year, QuarterOf(d)),
        TimeUnit.Half => $"{Year(d.Year)}-H{(d.Month <= 6 ? 1 : 2)}",
        TimeUnit.Year => Year(d.Year),
        TimeUnit.Decade => Year(d.Year)[..3],
        TimeUnit.Century => Year(d.Year)[..2],
        _ => Day(d),
    };

    /// <summary>The unknown value at a unit's grain, used when there is no reference date.</summary>
    public static string UnknownAtGrain(TimeUnit unit) => unit switch
    {
        TimeUnit.Week or TimeUnit.Weekend => "XXXX-WXX",
        TimeUnit.Month => "XXXX-XX",
        TimeUnit.Quarter => "XXXX-QX",
        TimeUnit.Half => "XXXX-HX",
        TimeUnit.Year => "XXXX",
        TimeUnit.Decade => "XXX",
        TimeUnit.Century => "XX",
        _ => "XXXX-XX-XX",
    };

    /// <summary>The duration value: P3Y, PT48H, P10Y for a decade, PXY when the count is vague.</summary>
    public static string Duration(TimeUnit unit, int? n)
    {
        var count = n?.ToString(CultureInfo.InvariantCulture) ?? "X";
        return unit switch
        {
            TimeUnit.Second => $"PT{count}S",
            TimeUnit.Minute => $"PT{count}M",
            TimeUnit.Hour => $"PT{count}H",
            TimeUnit.Day => $"P{count}D",
            TimeUnit.Week => $"P{count}W",
            TimeUnit.Weekend => $"P{count}WE",
            TimeUnit.Month => $"P{count}M",
            TimeUnit.Quarter => $"P{count}Q",
            TimeUnit.Half => n is { } h ? $"P{h * 6}M" : "PXM",
            TimeUnit.Year => $"P{count}Y",
            TimeUnit.Decade => n is { } d ? $"P{d * 10}Y" : "PXDE",
            TimeUnit.Century => n is { } c ? $"P{c * 100}Y" : "PXCE",
            _ => $"P{count}D",
        };
    }

    /// <summary>
    /// A count of a unit and a half in the next smaller unit when that is whole: 1.5 years = 18 months, 5.5 hours =
    /// 330 minutes. False when there is no such unit (a week and a half is 10.5 days).
    /// </summary>
    public static bool InSmallerUnit(TimeUnit unit, int whole, out TimeUnit smaller, out int count)
    {
        (smaller, var factor) = unit switch
        {
            TimeUnit.Century => (TimeUnit.Year, 100),
            TimeUnit.Decade => (TimeUnit.Year, 10),
            TimeUnit.Year => (TimeUnit.Month, 12),
            TimeUnit.Half => (TimeUnit.Month, 6),
            TimeUnit.Day => (TimeUnit.Hour, 24),
            TimeUnit.Hour => (TimeUnit.Minute, 60),
            TimeUnit.Minute => (TimeUnit.Second, 60),
            _ => (unit, 0),
        };
        count = whole * factor + factor / 2;
        return factor > 0 && factor % 2 == 0;
    }

    /// <summary>
    /// "2 1/2 years" = P2Y6M, "5 1/2 hours" = PT5H30M, "half an hour" = PT30M, "a day and a half" = P1DT12H,
    /// "a decade and a half" = P15Y: the whole part in its unit and the half in the next smaller one, as TimeBank
    /// writes them; where the half is no whole count of anything smaller, a decimal (P1.5W).
    /// </summary>
    public static string DurationAndAHalf(TimeUnit unit, int whole)
    {
        var w = whole.ToString(CultureInfo.InvariantCulture);
        return unit switch
        {
            TimeUnit.Century => $"P{whole * 100 + 50}Y",
            TimeUnit.Decade => $"P{whole * 10 + 5}Y",
            TimeUnit.Year => whole == 0 ? "P6M" : $"P{w}Y6M",
            TimeUnit.Half => $"P{whole * 6 + 3}M",
            TimeUnit.Day => whole == 0 ? "PT12H" : $"P{w}DT12H",
            TimeUnit.Hour => whole == 0 ? "PT30M" : $"PT{w}H30M",
            TimeUnit.Minute => whole == 0 ? "PT30S" : $"PT{w}M30S",
            TimeUnit.Second => $"PT{w}.5S",
            TimeUnit.Week => $"P{w}.5W",
            TimeUnit.Month => $"P{w}.5M",
            TimeUnit.Quarter => $"P{whole * 3 + 1}.5M",
            _ => Duration(unit, whole),
        };
    }

    /// <summary>
    /// The weekday nearest the reference in the direction the tense points: past (or unknown) = on or before the
    /// reference, future = on or after. "clashed on Friday" written on Wednesday 2025-03-05 is 2025-02-28.
    /// </summary>
    public static DateOnly Weekday(DateOnly reference, int isoWeekday, TimeDirection direction, bool strict = false)
    {
        var refDay = IsoDay(reference);
        if (direction == TimeDirection.Future)
        {
            var ahead = (isoWeekday - refDay + 7) % 7;
            if (ahead == 0 && strict)
            {
                ahead = 7;
            }

            return reference.AddDays(ahead);
        }

        var back = (refDay - isoWeekday + 7) % 7;
        if (back == 0 && strict)
        {
            back = 7;
        }

        return reference.AddDays(-back);
    }

    public static int IsoDay(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    /// <summary>
    /// The year of a month (and day) written without one: the reference's year, unless the tense says the date lies
    /// the other way ("was signed on December 12" written in January is last December).
    /// </summary>
    public static int YearFor(DateOnly reference, int month, int day, TimeDirection direction)
    {
        var year = reference.Year;
        var candidate = new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
        var ahead = candidate.DayNumber - reference.DayNumber;

        // Told in the past, a date well after the reference is last year's; a few weeks ahead is more often a
        // deadline or a plan in a past-tense sentence ("decided he should go home by Jan. 14").
        if (direction == TimeDirection.Past && ahead > 45)
        {
            return year - 1;
        }

        if (direction == TimeDirection.Future && ahead < -45)
        {
            return year + 1;
        }

        // No tense: news looks back further than it looks ahead; "Aug. 6" in a February article is last August.
        if (direction is TimeDirection.Unknown or TimeDirection.Present)
        {
            if (ahead > 90)
            {
                return year - 1;
            }

            if (ahead < -270)
            {
                return year + 1;
            }
        }

        return year;
    }

    public static int SeasonIndex(string code) => code switch { "SP" => 0, "SU" => 1, "FA" => 2, "WI" => 3, _ => -1 };

    public static int SeasonOf(DateOnly d) => d.Month switch { 12 or 1 or 2 => 3, <= 5 => 0, <= 8 => 1, _ => 2 };

    /// <summary>Easter Sunday (Gregorian computus, anonymous algorithm).</summary>
    public static DateOnly Easter(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = ((h + l - 7 * m + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The <paramref name="nth"/> given weekday of a month; nth = -1 for the last one.</summary>
    public static DateOnly NthWeekday(int year, int month, int isoWeekday, int nth)
    {
        if (nth < 0)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-((IsoDay(last) - isoWeekday + 7) % 7));
        }

        var first = new DateOnly(year, month, 1);
        return first.AddDays((isoWeekday - IsoDay(first) + 7) % 7 + 7 * (nth - 1));
    }
}
