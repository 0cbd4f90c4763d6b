using System.Xml;

namespace Storyline.Ingest.Feeds;

/// <summary>The feeds a list names, in order and without repeats, and the entries that are not feed URLs.</summary>
public sealed record FeedList(IReadOnlyList<string> Urls, IReadOnlyList<string> Problems);

/// <summary>
/// Reads a list of feeds: an OPML file (every <c>outline</c> element with an <c>xmlUrl</c>, at any depth, as feed
/// readers export their subscriptions), or a plain text file with one URL per line (blank lines and lines starting
/// with '#' skipped). The format is told by the content, not the name: OPML starts with '&lt;'.
/// </summary>
public static class FeedListReader
{
    public static FeedList Read(string content)
    {
        var urls = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        void Add(string text, string where)
        {
            if (!FeedFetcher.TryParseUrl(text, out var uri, out var error))
            {
                problems.Add($"{where}: {error}");
            }
            else if (seen.Add(uri!.AbsoluteUri))
            {
                urls.Add(uri.AbsoluteUri);
            }
        }

        var trimmed = content.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith('<'))
        {
            try
            {
                ReadOpml(trimmed, Add);
            }
            catch (XmlException ex)
            {
                problems.Add($"not a readable OPML file: {ex.Message}");
            }
        }
        else
        {
            var number = 0;
            foreach (var line in content.Split('\n'))
            {
                number++;
                var entry = line.Trim().TrimStart('\uFEFF');
                if (entry.Length > 0 && !entry.StartsWith('#'))
                {
                    Add(entry, $"line {number}");
                }
            }
        }

        return new FeedList(urls, problems);
    }

    private static void ReadOpml(string xml, Action<string, string> add)
    {
        // No DTDs, no external entities: an OPML file from elsewhere must not make us read files or fetch URLs.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersFromEntities = 1_000_000 };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var info = reader as IXmlLineInfo;
        if (reader.MoveToContent() != XmlNodeType.Element || !reader.LocalName.Equals("opml", StringComparison.OrdinalIgnoreCase))
        {
            throw new XmlException("the root element is not <opml>");
        }

        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName.Equals("outline", StringComparison.OrdinalIgnoreCase)
                && (reader.GetAttribute("xmlUrl") ?? reader.GetAttribute("xmlurl")) is { } url && !string.IsNullOrWhiteSpace(url))
            {
                add(url, $"line {info?.LineNumber ?? 0}");
            }
        }
    }
}
