using Storyline.Text;

namespace Storyline.Ingest.Text;

/// <summary>A <c>.txt</c> article: the decoded text unchanged, its leading header lines read as metadata and marked ignored.</summary>
public static class TextArticleReader
{
    public static ReadResult Read(string source, ReadOnlySpan<byte> bytes)
    {
        if (TextDecoder.LooksBinary(bytes))
        {
            return new ReadError(source, "binary file (NUL bytes), not text");
        }

        if (!TextDecoder.TryDecode(bytes, declared: null, out var text, out var error))
        {
            return new ReadError(source, error!);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new ReadError(source, "empty text");
        }

        var headers = HeaderParser.Parse(text, out _);
        var metadata = new ArticleMetadata { Source = source };
        foreach (var field in headers)
        {
            metadata = field.Key switch
            {
                "date" => metadata with { Published = HeaderParser.TryParseDate(field.Value), PublishedFrom = PublishedFrom.Metadata },
                "title" => metadata with { Title = field.Value },
                "url" => metadata with { Url = field.Value },
                "outlet" => metadata with { Outlet = field.Value },
                "source" => metadata with { Outlet = metadata.Outlet ?? field.Value },
                "author" => metadata with { Author = field.Value },
                _ => metadata,
            };
        }

        var article = ArticleFactory.Create(
            ArticleIds.FromPath(source), text, metadata, headers.Select(h => new IgnoredSpan(h.Span, "header")));
        return ArticleFactory.HasNoContent(article) ? new ReadError(source, "no text besides header and boilerplate") : new ArticleRead(article);
    }
}
