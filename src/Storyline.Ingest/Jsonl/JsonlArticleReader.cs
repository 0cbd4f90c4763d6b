using System.Text.Json;
using Storyline.Ingest.Text;
using Storyline.Text;

namespace Storyline.Ingest.Jsonl;

/// <summary>
/// A <c>.jsonl</c> file: one article per line, <c>{"id", "text", "title"?, "published"?, "outlet"?, "url"?, "author"?}</c>
/// (OUTPUT.md). Each line stands alone: a broken line (bad JSON, invalid UTF-8, no text) is one error, the other
/// lines are still read. The text is kept exactly as the JSON string gives it.
/// </summary>
public static class JsonlArticleReader
{
    public static IEnumerable<ReadResult> Read(string source, ReadOnlyMemory<byte> bytes)
    {
        var lineNumber = 0;
        var start = 0;
        while (start < bytes.Length)
        {
            var newline = bytes.Span[start..].IndexOf((byte)'\n');
            var end = newline < 0 ? bytes.Length : start + newline;
            lineNumber++;
            var line = bytes[start..end];
            start = end + 1;
            if (line.Span.Trim((byte)'\r').Trim((byte)' ').IsEmpty)
            {
                continue;
            }

            yield return ReadLine($"{source}:{lineNumber}", line.Span);
        }
    }

    private static ReadResult ReadLine(string source, ReadOnlySpan<byte> line)
    {
        if (!TextDecoder.TryDecode(line, declared: null, out var json, out var decodeError))
        {
            return new ReadError(source, decodeError!);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return new ReadError(source, $"not valid JSON: {ex.Message}");
        }

        using (document)
        {
            try
            {
                return ReadObject(source, document.RootElement);
            }
            catch (InvalidOperationException ex)
            {
                // System.Text.Json parses "\ud800" (an unpaired surrogate escape) but refuses to make a string of it.
                return new ReadError(source, $"not valid JSON text: {ex.Message}");
            }
        }
    }

    private static ReadResult ReadObject(string source, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new ReadError(source, "a JSONL line must be a JSON object");
        }

        var text = String(root, "text");
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ReadError(source, "no \"text\" (or it is empty)");
        }

        var id = String(root, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            return new ReadError(source, "no \"id\"");
        }

        var published = String(root, "published");
        DateOnly? date = published is null ? null : HeaderParser.TryParseDate(published);
        if (published is not null && date is null)
        {
            return new ReadError(source, $"\"published\" is not a date: '{published}'");
        }

        var metadata = new ArticleMetadata
        {
            Source = source,
            Title = String(root, "title"),
            Outlet = String(root, "outlet"),
            Url = String(root, "url"),
            Author = String(root, "author"),
            Published = date,
            PublishedFrom = date is null ? PublishedFrom.None : PublishedFrom.Metadata,
        };
        var article = ArticleFactory.Create(id, text, metadata);
        return ArticleFactory.HasNoContent(article) ? new ReadError(source, "no text besides boilerplate") : new ArticleRead(article);
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
