namespace Storyline.Time;

/// <summary>The calendar units the grammar counts in.</summary>
internal enum TimeUnit
{
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

/// <summary>Words of the temporal grammar: months, weekdays, units, numbers, seasons, parts of the day.</summary>
internal static class TimexLexicon
{
    public static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan."] = 1, ["jan"] = 1,
        ["february"] = 2, ["feb."] = 2, ["feb"] = 2,
        ["march"] = 3, ["mar."] = 3,
        ["april"] = 4, ["apr."] = 4, ["apr"] = 4,
        ["may"] = 5,
        ["june"] = 6, ["jun."] = 6,
        ["july"] = 7, ["jul."] = 7,
        ["august"] = 8, ["aug."] = 8, ["aug"] = 8,
        ["september"] = 9, ["sept."] = 9, ["sep."] = 9, ["sept"] = 9,
        ["october"] = 10, ["oct."] = 10, ["oct"] = 10,
        ["november"] = 11, ["nov."] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec."] = 12, ["dec"] = 12,
    };

    /// <summary>ISO weekday numbers: Monday = 1 … Sunday = 7.</summary>
    public static readonly Dictionary<string, int> Weekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = 1, ["tuesday"] = 2, ["tues."] = 2, ["wednesday"] = 3, ["thursday"] = 4, ["thurs."] = 4,
        ["friday"] = 5, ["saturday"] = 6, ["sunday"] = 7,
        ["mondays"] = 1, ["tuesdays"] = 2, ["wednesdays"] = 3, ["thursdays"] = 4, ["fridays"] = 5, ["saturdays"] = 6, ["sundays"] = 7,
    };

    public static readonly Dictionary<string, TimeUnit> Units = new(StringComparer.Ordinal)
    {
        ["second"] = TimeUnit.Second, ["seconds"] = TimeUnit.Second,
        ["minute"] = TimeUnit.Minute, ["minutes"] = TimeUnit.Minute,
        ["hour"] = TimeUnit.Hour, ["hours"] = TimeUnit.Hour,
        ["day"] = TimeUnit.Day, ["days"] = TimeUnit.Day,
        ["week"] = TimeUnit.Week, ["weeks"] = TimeUnit.Week,
        ["weekend"] = TimeUnit.Weekend, ["weekends"] = TimeUnit.Weekend,
        ["month"] = TimeUnit.Month, ["months"] = TimeUnit.Month,
        ["quarter"] = TimeUnit.Quarter, ["quarters"] = TimeUnit.Quarter,
        ["year"] = TimeUnit.Year, ["years"] = TimeUnit.Year,
        ["decade"] = TimeUnit.Decade, ["decades"] = TimeUnit.Decade,
        ["century"] = TimeUnit.Century, ["centuries"] = TimeUnit.Century,
    };

    public static readonly Dictionary<string, int> Numbers = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80,
        ["ninety"] = 90, ["hundred"] = 100, ["dozen"] = 12,
    };

    public static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["thirteenth"] = 13,
        ["fourteenth"] = 14, ["fifteenth"] = 15, ["sixteenth"] = 16, ["seventeenth"] = 17, ["eighteenth"] = 18,
        ["nineteenth"] = 19, ["twentieth"] = 20, ["twenty-first"] = 21,
    };

    /// <summary>Ordinal suffixes after digits: "5th", "21st".</summary>
    public static readonly HashSet<string> OrdinalSuffixes = new(StringComparer.Ordinal) { "st", "nd", "rd", "th" };

    /// <summary>Vague quantities: TIMEX3 writes them as X ("several years" → PXY).</summary>
    public static readonly HashSet<string> Vague = new(StringComparer.Ordinal) { "several", "few", "many", "some", "numerous" };

    public static readonly Dictionary<string, string> Seasons = new(StringComparer.Ordinal)
    {
        ["spring"] = "SP", ["summer"] = "SU", ["fall"] = "FA", ["autumn"] = "FA", ["winter"] = "WI",
    };

    /// <summary>Parts of the day and their TIMEX3 codes.</summary>
    public static readonly Dictionary<string, string> DayParts = new(StringComparer.Ordinal)
    {
        ["morning"] = "MO", ["afternoon"] = "AF", ["evening"] = "EV", ["night"] = "NI",
    };

    /// <summary>Time zones that may follow a clock time ("10:30 GMT"); they belong to the expression.</summary>
    public static readonly HashSet<string> Zones = new(StringComparer.Ordinal)
    {
        "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "eet", "eest", "msk", "ist", "jst",
    };

    /// <summary>Set adverbs: "daily" → P1D.</summary>
    public static readonly Dictionary<string, string> SetAdverbs = new(StringComparer.Ordinal)
    {
        ["daily"] = "P1D", ["nightly"] = "P1D", ["weekly"] = "P1W", ["monthly"] = "P1M",
        ["annually"] = "P1Y", ["yearly"] = "P1Y", ["hourly"] = "PT1H", ["biweekly"] = "P2W",
    };
}
