using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Storyline.Ingest.Text;
using Storyline.Text;

namespace Storyline.Ingest.Html;

/// <summary>
/// A saved web page (optionally gzip-compressed) to an <see cref="Article"/>: the main body as plain-text paragraphs
/// separated by a blank line, and the page's metadata (title, author, outlet, canonical URL, publication date).
/// </summary>
public static partial class HtmlArticleReader
{
    /// <summary>How far into the bytes a <c>meta charset</c> is looked for. The HTML standard's pre-scan reads 1024
    /// bytes; pages with long <c>&lt;head&gt;</c> preambles put it later, so a little more is read.</summary>
    private const int CharsetScanBytes = 2048;

    /// <summary>Reads one page. <paramref name="source"/> is its path or URL: it becomes
    /// <see cref="ArticleMetadata.Source"/>, and its file name without extension (<c>.html.gz</c> counts as one)
    /// becomes the article id.</summary>
    public static ReadResult Read(string source, ReadOnlySpan<byte> bytes) => Read(source, bytes, BodyRules.All);

    /// <summary>As <see cref="Read(string, ReadOnlySpan{byte})"/> with only some of the body cleanup rules, to
    /// measure what each one is worth.</summary>
    public static ReadResult Read(string source, ReadOnlySpan<byte> bytes, BodyRules rules)
    {
        ArgumentNullException.ThrowIfNull(source);
        byte[]? unpacked = null;
        if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
        {
            if (!TryGunzip(bytes, out unpacked, out var gzipError))
            {
                return new ReadError(source, $"{gzipError} in {source}");
            }

            bytes = unpacked;
        }

        if (!TextDecoder.TryDecode(bytes, DeclaredCharset(bytes), out var html, out var error))
        {
            return new ReadError(source, $"{error} in {source}");
        }

        if (NestingDepth(html, MaxNesting) >= MaxNesting)
        {
            return new ReadError(source, $"HTML nested more than {MaxNesting} elements deep in {source}; not read");
        }

        var document = new HtmlParser().ParseDocument(html);
        var metadata = HtmlMetadata.Read(document);
        var body = ArticleBody.Extract(document, metadata, rules);
        // Text without a single letter or digit (markup debris, punctuation) is not an article.
        if (!body.Any(char.IsLetterOrDigit))
        {
            return new ReadError(source, $"no article body found in {source}");
        }

        return new ArticleRead(new Article
        {
            Id = IdFrom(source),
            Text = body,
            Metadata = new ArticleMetadata
            {
                Source = source,
                Title = metadata.Title,
                Author = metadata.Author,
                Outlet = metadata.Outlet,
                Url = metadata.Url,
                Published = metadata.Published,
                PublishedFrom = metadata.Published is null ? PublishedFrom.None : PublishedFrom.Metadata,
            },
        });
    }

    /// <summary>
    /// Deeper nesting than this is refused before parsing: the HTML tree builder's scope checks walk the stack of open
    /// elements for each start tag, so a page of 100,000 nested &lt;div&gt;s took minutes of CPU (issue 8's hostile
    /// input). Real article pages nest a few dozen levels; this leaves a wide margin for unclosed tags.
    /// </summary>
    internal const int MaxNesting = 5_000;

    /// <summary>Elements whose end tag may be left out (or that have none): not counted, so sloppy pages are not
    /// taken for deep ones.</summary>
    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption",
        "rb", "rt", "rp", "html", "head", "body",
    };

    /// <summary>An estimate of how deep the elements nest (start tags minus end tags, in one pass), stopping at
    /// <paramref name="stopAt"/>.</summary>
    internal static int NestingDepth(string html, int stopAt)
    {
        int depth = 0, deepest = 0, nextClose = -1;
        var uncounted = Uncounted.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = html.IndexOf('<', StringComparison.Ordinal); i >= 0 && i + 1 < html.Length; i = html.IndexOf('<', i + 1))
        {
            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
            {
                end++;
            }

            if (end == start || !char.IsAsciiLetter(html[start]) || uncounted.Contains(html.AsSpan(start, end - start)))
            {
                continue;
            }

            if (closing)
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            // The next '>' is searched again only once passed, so a page of '<' without '>' stays one linear pass.
            if (nextClose != int.MaxValue && nextClose < end)
            {
                nextClose = html.IndexOf('>', end);
                nextClose = nextClose < 0 ? int.MaxValue : nextClose;
            }

            if (nextClose != int.MaxValue && html[nextClose - 1] == '/')
            {
                continue; // <x/>
            }

            deepest = Math.Max(deepest, ++depth);
            if (deepest >= stopAt)
            {
                return deepest;
            }
        }

        return deepest;
    }

    /// <summary>The file name without its extension; <c>x.html.gz</c> gives <c>x</c>.</summary>
    internal static string IdFrom(string source)
    {
        var name = Path.GetFileNameWithoutExtension(source);
        if (source.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            var inner = Path.GetExtension(name);
            if (inner.Equals(".html", StringComparison.OrdinalIgnoreCase) || inner.Equals(".htm", StringComparison.OrdinalIgnoreCase))
            {
                name = Path.GetFileNameWithoutExtension(name);
            }
        }

        return name;
    }

    /// <summary>The charset a <c>&lt;meta charset&gt;</c> or <c>http-equiv="Content-Type"</c> tag names near the
    /// start of the page, or null.</summary>
    internal static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        // Latin-1 maps every byte to one char, so the ASCII markup reads the same whatever the real encoding is.
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, CharsetScanBytes)]);
        var match = MetaCharset().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static bool TryGunzip(ReadOnlySpan<byte> bytes, out byte[] unpacked, out string? error)
    {
        try
        {
            using var input = new MemoryStream(bytes.ToArray());
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            unpacked = output.ToArray();
            error = null;
            return true;
        }
        catch (InvalidDataException ex)
        {
            unpacked = [];
            error = $"not valid gzip ({ex.Message})";
            return false;
        }
    }

    // [^<>], not [^>]: a page of "<meta <meta …" with no '>' made every start scan to the end (quadratic; found by
    // RegexHostileInputTests). An attribute never holds a raw '<' before the charset in practice.
    [GeneratedRegex("""<meta\b[^<>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
