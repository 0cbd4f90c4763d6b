using System.Globalization;
using Storyline.Text;

namespace Storyline.Time;

/// <summary>
/// Infers a missing publication date from what an article says. News names recent days by weekday and older ones by
/// date: the latest explicit date it gives (told in the past) is a lower bound, and each weekday it names (not in the
/// future) is the first such weekday on or after that date; the publication date is the latest of these. "published
/// Wednesday" / "posted on March 5" name the publication day itself and win. A month and day without a year take
/// the year of the latest full date in the article, or else of <c>near</c> (a date known to be close, such as a
/// story sibling's publication date). With no basis, no date: never an invented one.
/// </summary>
public static class PublicationDateInference
{
    private static readonly HashSet<string> PublicationVerbs = new(StringComparer.Ordinal)
    {
        "published", "posted", "released", "updated", "issued", "aired", "broadcast", "dated",
    };

    public static (DateOnly? Date, string Evidence) Infer(Article article, DateOnly? near = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        var sentences = article.Sentences.IsDefaultOrEmpty
            ? article.ContentRegions().ToList()
            : article.Sentences.Select(s => s.Span).ToList();
        var text = article.Text;
        var found = TimexTagger.Tag(text, sentences, reference: null);

        // The year: the latest full date the article gives, else the nearby known date's.
        int? year = null;
        foreach (var t in found)
        {
            if (t.Type == "DATE" && t.Value.Length == 10 && t.Value[0] != 'X' && int.TryParse(t.Value.AsSpan(0, 4), CultureInfo.InvariantCulture, out var y))
            {
                year = Math.Max(year ?? y, y);
            }
        }

        DateOnly? latest = null;
        string? latestText = null;
        var weekdays = new List<(int IsoDay, string Text, bool Published)>();
        foreach (var t in found)
        {
            var surface = text.Substring(t.Span.Start, t.Span.Length);
            var published = PublishedBefore(text, t.Span.Start);
            if (t.Value.StartsWith("XXXX-WXX-", StringComparison.Ordinal) && t.Value.Length >= 10 && char.IsAsciiDigit(t.Value[9]))
            {
                if (published || !FutureAround(t, sentences, text))
                {
                    weekdays.Add((t.Value[9] - '0', surface, published));
                }

                continue;
            }

            if (!TryDay(t.Value, year, near, out var date) || FutureAround(t, sentences, text))
            {
                continue;
            }

            if (published)
            {
                return (date, $"\"{Quote(text, t)}\" names the publication day");
            }

            if (latest is null || date > latest)
            {
                latest = date;
                latestText = surface;
            }
        }

        if (latest is not { } anchor)
        {
            return (null, weekdays.Count > 0 ? "weekdays named but no explicit date to anchor them" : "no date in the text");
        }

        var result = anchor;
        var evidence = new List<string> { $"latest explicit date \"{latestText}\" = {TimexCalendar.Day(anchor)}" };
        foreach (var (isoDay, surface, published) in weekdays)
        {
            var day = anchor.AddDays((isoDay - TimexCalendar.IsoDay(anchor) + 7) % 7);
            evidence.Add($"\"{(published ? "published " : "")}{surface}\" = {TimexCalendar.Day(day)}");
            if (day > result)
            {
                result = day;
            }
        }

        return (result, string.Join("; ", evidence));
    }

    private static bool TryDay(string value, int? year, DateOnly? near, out DateOnly date)
    {
        date = default;
        if (value.Length != 10 || value[4] != '-' || value[7] != '-'
            || !int.TryParse(value.AsSpan(5, 2), CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(value.AsSpan(8, 2), CultureInfo.InvariantCulture, out var day))
        {
            return false;
        }

        if (value.StartsWith("XXXX", StringComparison.Ordinal))
        {
            if (year is { } y)
            {
                return TimexCalendar.TryDate(y, month, day, out date);
            }

            if (near is not { } n)
            {
                return false;
            }

            // The reading nearest the known date.
            var best = (DateOnly?)null;
            for (var candidate = n.Year - 1; candidate <= n.Year + 1; candidate++)
            {
                if (TimexCalendar.TryDate(candidate, month, day, out var d)
                    && (best is not { } b || Math.Abs(d.DayNumber - n.DayNumber) < Math.Abs(b.DayNumber - n.DayNumber)))
                {
                    best = d;
                }
            }

            date = best ?? default;
            return best is not null;
        }

        return int.TryParse(value.AsSpan(0, 4), CultureInfo.InvariantCulture, out var fullYear) && TimexCalendar.TryDate(fullYear, month, day, out date);
    }

    /// <summary>"published Wednesday", "posted on March 5": a publication verb just before the expression.</summary>
    private static bool PublishedBefore(string text, int start)
    {
        var i = start;
        for (var words = 0; words < 2; words++)
        {
            while (i > 0 && char.IsWhiteSpace(text[i - 1]))
            {
                i--;
            }

            var end = i;
            while (i > 0 && char.IsLetter(text[i - 1]))
            {
                i--;
            }

            var word = text[i..end].ToLowerInvariant();
            if (PublicationVerbs.Contains(word))
            {
                return true;
            }

            if (word != "on")
            {
                return false;
            }
        }

        return false;
    }

    private static bool FutureAround(TimeExpression t, List<TextSpan> sentences, string text)
    {
        foreach (var s in sentences)
        {
            if (s.Contains(t.Span))
            {
                var tokens = TimexTokenizer.Tokenize(text, s);
                var first = tokens.FindIndex(k => k.Start >= t.Span.Start);
                var end = tokens.FindIndex(k => k.Start >= t.Span.End);
                return first >= 0 && TenseDetector.Direction(tokens, first, end < 0 ? tokens.Count : end) == TimeDirection.Future;
            }
        }

        return false;
    }

    private static string Quote(string text, TimeExpression t) => text.Substring(t.Span.Start, t.Span.Length);
}
