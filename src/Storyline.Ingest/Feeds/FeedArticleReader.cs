using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using Storyline.Ingest.Html;
using Storyline.Ingest.Text;
using Storyline.Text;

namespace Storyline.Ingest.Feeds;

/// <summary>
/// A feed file (<c>.xml</c>, <c>.rss</c>, <c>.atom</c>; RSS 2.0 or Atom 1.0) read with System.ServiceModel.Syndication:
/// each item is one article, its HTML content turned into text. No network: links are recorded, never followed.
/// A broken feed is one error; an item without text is one error and the other items are still read.
/// </summary>
public static class FeedArticleReader
{
    private const string ContentModule = "http://purl.org/rss/1.0/modules/content/";

    /// <param name="charset">The charset the container named (an HTTP <c>Content-Type</c>), used when the XML
    /// declaration names none.</param>
    public static IEnumerable<ReadResult> Read(string source, ReadOnlySpan<byte> bytes, string? charset = null)
    {
        if (!TextDecoder.TryDecode(bytes, DeclaredEncoding(bytes) ?? charset, out var xml, out var decodeError))
        {
            return [new ReadError(source, decodeError!)];
        }

        SyndicationFeed feed;
        try
        {
            feed = Load(xml);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The syndication library reports malformed feeds with many exception types (XmlException,
            // NotSupportedException for an unknown RSS version, FormatException, …): all mean "not a feed we can read".
            return [new ReadError(source, $"not a readable RSS 2.0 or Atom 1.0 feed: {ex.Message}")];
        }

        return feed.Items.Select((item, index) => ReadItem(source, feed, item, index + 1)).ToList();
    }

    private static SyndicationFeed Load(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersFromEntities = 1_000_000 };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        SyndicationFeedFormatter formatter = new Rss20FeedFormatter { DateTimeParser = LenientDate };
        if (!formatter.CanRead(reader))
        {
            formatter = new Atom10FeedFormatter { DateTimeParser = LenientDate };
            if (!formatter.CanRead(reader))
            {
                throw new XmlException("the root element is neither <rss> nor an Atom <feed>");
            }
        }

        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    private static ReadResult ReadItem(string source, SyndicationFeed feed, SyndicationItem item, int number)
    {
        var itemSource = $"{source}#item{number}";
        var html = ContentOf(item);
        var text = string.IsNullOrWhiteSpace(html) ? string.Empty : HtmlText.ToPlainText(html);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ReadError(itemSource, "feed item has no content or description");
        }

        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri?.ToString();
        var date = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
        var metadata = new ArticleMetadata
        {
            Source = itemSource,
            Title = item.Title?.Text is { Length: > 0 } title ? HtmlText.ToPlainText(title) : null,
            Url = link,
            Outlet = feed.Title?.Text is { Length: > 0 } outlet ? outlet.Trim() : null,
            Author = item.Authors.Select(a => a.Name ?? a.Email).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)),
            Published = date == default ? null : DateOnly.FromDateTime(date.UtcDateTime),
            PublishedFrom = date == default ? PublishedFrom.None : PublishedFrom.Metadata,
        };
        var id = !string.IsNullOrWhiteSpace(item.Id) ? item.Id : link ?? $"{ArticleIds.FromPath(source)}-{number}";
        var article = ArticleFactory.Create(id, text, metadata);
        return ArticleFactory.HasNoContent(article) ? new ReadError(itemSource, "no text besides boilerplate") : new ArticleRead(article);
    }

    /// <summary>The fullest text an item carries: <c>content:encoded</c>, then Atom content, then the summary/description.</summary>
    private static string? ContentOf(SyndicationItem item)
    {
        var encoded = item.ElementExtensions.ReadElementExtensions<string>("encoded", ContentModule).FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(encoded))
        {
            return encoded;
        }

        if (item.Content is TextSyndicationContent { Text.Length: > 0 } content)
        {
            return content.Text;
        }

        return item.Summary?.Text;
    }

    /// <summary>Feeds in the wild break RFC 822; a date we cannot read is left unknown rather than failing the feed.</summary>
    private static bool LenientDate(XmlDateTimeData data, out DateTimeOffset value)
    {
        var text = data.DateTimeString?.Trim() ?? string.Empty;
        // RFC 822 zone names the framework parser does not know.
        foreach (var (zone, offset) in new[] { ("UT", "+0000"), ("GMT", "+0000"), ("EST", "-0500"), ("EDT", "-0400"), ("CST", "-0600"), ("CDT", "-0500"), ("PST", "-0800"), ("PDT", "-0700") })
        {
            if (text.EndsWith(" " + zone, StringComparison.Ordinal))
            {
                text = text[..^zone.Length] + offset;
                break;
            }
        }

        string[] formats = ["ddd, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz", "ddd, d MMM yyyy HH:mm:ss"];
        if (DateTimeOffset.TryParseExact(text.Replace("+0000", "+00:00", StringComparison.Ordinal), formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)
            || DateTimeOffset.TryParseExact(InsertColon(text), formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return true;
        }

        value = default;
        return true; // unknown date, not a broken feed
    }

    private static string InsertColon(string text) =>
        text.Length > 5 && (text[^5] is '+' or '-') && text[^4..].All(char.IsAsciiDigit) ? text[..^2] + ":" + text[^2..] : text;

    /// <summary>The encoding named in the XML declaration (<c>&lt;?xml … encoding="…"?&gt;</c>), if any.</summary>
    private static string? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = System.Text.Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 200)]);
        var match = System.Text.RegularExpressions.Regex.Match(head, "^\\s*<\\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']");
        return match.Success ? match.Groups[1].Value : null;
    }
}
