using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Storyline.Ingest.Html;

/// <summary>What a page says about itself, before any body extraction.</summary>
/// <param name="Body">The JSON-LD <c>articleBody</c>, when the page publishes one (some sites put the whole text
/// there; the body extractor uses it as a second opinion).</param>
internal sealed record PageMetadata(string? Title, string? Author, string? Outlet, string? Url, DateOnly? Published, string? Body);

/// <summary>
/// Page metadata, most explicit source first: JSON-LD (schema.org NewsArticle/Article and kin), OpenGraph and
/// <c>article:</c> properties, named <c>meta</c> tags and <c>itemprop</c>, then <c>&lt;time datetime&gt;</c> and
/// <c>&lt;title&gt;</c>. Each field is taken from the first source that has a usable value.
/// </summary>
internal static partial class HtmlMetadata
{
    // Named meta tags that carry a publication date on news sites (Dublin Core, Parse.ly, Sailthru, plain names).
    private static readonly string[] DateMetaNames =
    [
        "article:published_time", "og:published_time", "published_time", "article.published", "article:published",
        "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
        "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created",
        "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime", "originalpublicationdate",
    ];

    private static readonly string[] AuthorMetaNames =
        ["author", "article:author", "byl", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author", "cxenseparse:author"];

    private static readonly string[] TitleMetaNames = ["og:title", "twitter:title", "headline", "title", "dc.title", "sailthru.title", "parsely-title"];

    private static readonly string[] OutletMetaNames = ["og:site_name", "application-name", "publisher", "dc.publisher", "cxenseparse:site"];

    public static PageMetadata Read(IDocument document)
    {
        var jsonLd = JsonLdArticle.Find(document);
        var meta = MetaValues(document);

        var title = First(jsonLd?.Headline, FirstMeta(meta, TitleMetaNames), Clean(document.Title));
        var author = First(jsonLd?.Author, FirstMeta(meta, AuthorMetaNames, rejectUrls: true));
        var outlet = First(jsonLd?.Publisher, FirstMeta(meta, OutletMetaNames));
        var url = FirstAbsoluteUrl(
            document.QuerySelector("link[rel~='canonical' i][href]")?.GetAttribute("href"),
            FirstMeta(meta, ["og:url", "twitter:url"]),
            jsonLd?.Url);

        DateOnly? published = null;
        foreach (var candidate in DateCandidates(jsonLd, meta, document))
        {
            if (TryParseDate(candidate, out var date))
            {
                published = date;
                break;
            }
        }

        return new PageMetadata(title, author, outlet, url, published, jsonLd?.Body);
    }

    /// <summary>The calendar date a timestamp names, as written (an offset does not move it to another day: the
    /// page's own day is the one its readers saw). Accepts ISO 8601 dates with or without time, compact
    /// <c>yyyyMMdd</c>, and the RFC 1123 / English forms <see cref="DateTimeOffset"/> parses.</summary>
    public static bool TryParseDate(string? value, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var iso = IsoDate().Match(value);
        if (iso.Success
            && DateOnly.TryParseExact(iso.Groups[1].Value + iso.Groups[2].Value + iso.Groups[3].Value, "yyyyMMdd",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date.Year is >= 1900 and <= 2200;
        }

        if (DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed.DateTime);
            return date.Year is >= 1900 and <= 2200;
        }

        return false;
    }

    private static IEnumerable<string?> DateCandidates(JsonLdArticle? jsonLd, Dictionary<string, string> meta, IDocument document)
    {
        yield return jsonLd?.DatePublished;
        foreach (var name in DateMetaNames)
        {
            yield return meta.GetValueOrDefault(name);
        }

        // A <time> marked as the publication time first, then the first <time> of the page.
        yield return document.QuerySelector("time[itemprop='datePublished' i][datetime], time[pubdate][datetime]")?.GetAttribute("datetime");
        yield return document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        yield return jsonLd?.DateCreated;
    }

    /// <summary>Meta values by lower-cased <c>property</c>, <c>name</c> or <c>itemprop</c>; the first occurrence wins.</summary>
    private static Dictionary<string, string> MetaValues(IDocument document)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in document.QuerySelectorAll("meta[content]"))
        {
            var content = Clean(meta.GetAttribute("content"));
            if (content is null)
            {
                continue;
            }

            foreach (var attribute in (ReadOnlySpan<string>)["property", "name", "itemprop"])
            {
                var key = meta.GetAttribute(attribute)?.Trim();
                if (!string.IsNullOrEmpty(key))
                {
                    values.TryAdd(key, content);
                }
            }
        }

        return values;
    }

    private static string? FirstMeta(Dictionary<string, string> meta, string[] names, bool rejectUrls = false)
    {
        foreach (var name in names)
        {
            if (meta.TryGetValue(name, out var value) && !(rejectUrls && LooksLikeUrl(value)))
            {
                return value;
            }
        }

        return null;
    }

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static string? FirstAbsoluteUrl(params string?[] values) =>
        values.Select(v => v?.Trim()).FirstOrDefault(v => v is not null && LooksLikeUrl(v)
            && Uri.TryCreate(v, UriKind.Absolute, out _));

    internal static bool LooksLikeUrl(string value) =>
        value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whitespace collapsed, entities already decoded by the parser; null when nothing is left.</summary>
    internal static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var collapsed = Whitespace().Replace(value, " ").Trim();
        return collapsed.Length == 0 ? null : collapsed;
    }

    [GeneratedRegex(@"^\s*(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s_])")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>The first schema.org article object in the page's JSON-LD blocks (arrays and <c>@graph</c> searched).</summary>
    private sealed record JsonLdArticle(string? Headline, string? DatePublished, string? DateCreated, string? Author, string? Publisher, string? Url, string? Body)
    {
        public static JsonLdArticle? Find(IDocument document)
        {
            var options = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
            foreach (var script in document.QuerySelectorAll("script[type='application/ld+json' i]"))
            {
                JsonDocument json;
                try
                {
                    json = JsonDocument.Parse(script.TextContent, options);
                }
                catch (JsonException)
                {
                    // Broken JSON-LD is common (unescaped quotes, template leftovers); the other sources still count.
                    continue;
                }

                using (json)
                {
                    var found = Search(json.RootElement, depth: 0);
                    if (found is not null)
                    {
                        return found;
                    }
                }
            }

            return null;
        }

        private static JsonLdArticle? Search(JsonElement element, int depth)
        {
            if (depth > 4)
            {
                return null;
            }

            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    if (Search(item, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (IsArticleType(element))
            {
                return new JsonLdArticle(
                    Clean(Text(element, "headline") ?? Text(element, "name")),
                    Text(element, "datePublished"),
                    Text(element, "dateCreated"),
                    Names(element, "author", rejectUrls: true),
                    Names(element, "publisher", rejectUrls: false),
                    Text(element, "url") ?? Id(element, "mainEntityOfPage"),
                    Text(element, "articleBody"));
            }

            foreach (var nested in (ReadOnlySpan<string>)["@graph", "mainEntity"])
            {
                if (element.TryGetProperty(nested, out var child) && Search(child, depth + 1) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        private static bool IsArticleType(JsonElement element)
        {
            if (!element.TryGetProperty("@type", out var type))
            {
                return false;
            }

            IEnumerable<string?> types = type.ValueKind switch
            {
                JsonValueKind.String => [type.GetString()],
                JsonValueKind.Array => type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()),
                _ => [],
            };
            // NewsArticle, ReportageNewsArticle, AnalysisNewsArticle, Article, BlogPosting, LiveBlogPosting…
            return types.Any(t => t is not null
                && (t.EndsWith("Article", StringComparison.Ordinal) || t.EndsWith("BlogPosting", StringComparison.Ordinal)));
        }

        private static string? Text(JsonElement element, string property) =>
            element.TryGetProperty(property, out var value) ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()).FirstOrDefault(),
                _ => null,
            } : null;

        private static string? Id(JsonElement element, string property) =>
            element.TryGetProperty(property, out var value) ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Object => Text(value, "@id") ?? Text(value, "url"),
                _ => null,
            } : null;

        /// <summary>A person or organisation value: a string, an object with <c>name</c>, or an array of those,
        /// joined with ", " (duplicates dropped).</summary>
        private static string? Names(JsonElement element, string property, bool rejectUrls)
        {
            if (!element.TryGetProperty(property, out var value))
            {
                return null;
            }

            var names = new List<string>();
            Collect(value, names, rejectUrls);
            return names.Count == 0 ? null : string.Join(", ", names.Distinct(StringComparer.Ordinal));
        }

        private static void Collect(JsonElement value, List<string> names, bool rejectUrls)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    Add(value.GetString(), names, rejectUrls);
                    break;
                case JsonValueKind.Object:
                    Add(Text(value, "name"), names, rejectUrls);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        if (item.ValueKind != JsonValueKind.Array)
                        {
                            Collect(item, names, rejectUrls);
                        }
                    }

                    break;
            }
        }

        private static void Add(string? name, List<string> names, bool rejectUrls)
        {
            var clean = Clean(name);
            if (clean is not null && !(rejectUrls && LooksLikeUrl(clean)))
            {
                names.Add(clean);
            }
        }
    }
}
