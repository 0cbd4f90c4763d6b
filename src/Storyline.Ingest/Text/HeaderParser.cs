using System.Globalization;
using System.Text.RegularExpressions;
using Storyline.Text;

namespace Storyline.Ingest.Text;

/// <summary>A metadata line at the top of a text file (<c>date 2025-03-05</c>, <c>title: …</c>): its key, value and span.</summary>
public sealed record HeaderField(string Key, string Value, TextSpan Span);

/// <summary>
/// Reads the leading <c>key value</c> / <c>key: value</c> lines of a plain-text article (keys: date, published,
/// title, url, outlet, source, author). The lines stay in the text; the caller marks them ignored. Without a colon a
/// line is only a header when its value has the right shape (a date for date, a URL for url, a short name
/// otherwise), so a first sentence such as "Source code leaked …" stays news.
/// </summary>
public static partial class HeaderParser
{
    private static readonly string[] Keys = ["date", "published", "title", "url", "outlet", "source", "author"];

    /// <summary>The header fields at the start of <paramref name="text"/>, and where the rest of the text begins
    /// (<paramref name="bodyStart"/>: after the last header's value; any remainder on that line is body).</summary>
    public static IReadOnlyList<HeaderField> Parse(string text, out int bodyStart)
    {
        var fields = new List<HeaderField>();
        bodyStart = 0;
        var position = 0;
        while (position < text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text.AsSpan(position, lineEnd - position);
            if (line.IsWhiteSpace())
            {
                position = lineEnd + 1;
                continue;
            }

            var field = ParseLine(text, position, lineEnd);
            if (field is null)
            {
                break;
            }

            fields.Add(field);
            bodyStart = field.Span.End;
            if (field.Span.End < TrimmedEnd(text, position, lineEnd))
            {
                // The line goes on after the value (" date 2025-03-05 This audio is …"): the rest is body.
                break;
            }

            position = lineEnd + 1;
        }

        return fields;
    }

    private static HeaderField? ParseLine(string text, int start, int end)
    {
        var lead = start;
        while (lead < end && char.IsWhiteSpace(text[lead]))
        {
            lead++;
        }

        foreach (var key in Keys)
        {
            if (end - lead <= key.Length || string.Compare(text, lead, key, 0, key.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                continue;
            }

            var at = lead + key.Length;
            var colon = false;
            if (text[at] == ':')
            {
                colon = true;
                at++;
            }

            if (at >= end || !char.IsWhiteSpace(text[at]))
            {
                return null;
            }

            while (at < end && char.IsWhiteSpace(text[at]))
            {
                at++;
            }

            var lineEnd = TrimmedEnd(text, at, end);
            if (at >= lineEnd)
            {
                return null;
            }

            var rest = text[at..lineEnd];
            switch (key)
            {
                case "date" or "published":
                    var date = DatePrefix().Match(rest);
                    if (!date.Success || TryParseDate(date.Value) is null)
                    {
                        return null;
                    }

                    return new HeaderField("date", date.Value, new TextSpan(lead, at + date.Length));
                case "url":
                    return Url().IsMatch(rest) && !rest.Contains(' ', StringComparison.Ordinal)
                        ? new HeaderField(key, rest, new TextSpan(lead, lineEnd))
                        : null;
                default:
                    // "title: …" may be long; a bare "title …" / "outlet …" must look like a name, not a sentence.
                    var limit = key == "title" ? 300 : 80;
                    var looksLikeName = rest.Length <= limit && (colon || !rest.EndsWith('.'));
                    return looksLikeName ? new HeaderField(key, rest, new TextSpan(lead, lineEnd)) : null;
            }
        }

        return null;
    }

    /// <summary>Reads a header or metadata date: ISO (with or without time), or "March 5, 2025" / "5 March 2025".</summary>
    public static DateOnly? TryParseDate(string value)
    {
        value = value.Trim();
        string[] formats = ["yyyy-MM-dd", "yyyy/MM/dd", "MMMM d, yyyy", "MMMM d yyyy", "d MMMM yyyy", "MMM d, yyyy", "d MMM yyyy"];
        if (DateOnly.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var exact))
        {
            return exact;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp))
        {
            return DateOnly.FromDateTime(stamp.Date);
        }

        return null;
    }

    private static int TrimmedEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    // ISO date with optional time and zone, or "March 5, 2025" / "5 March 2025".
    [GeneratedRegex(@"^(\d{4}[-/]\d{2}[-/]\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?|[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex DatePrefix();

    [GeneratedRegex(@"^https?://\S+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();
}
