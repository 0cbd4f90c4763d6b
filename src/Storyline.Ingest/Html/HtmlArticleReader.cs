using Storyline.Ingest.Text;
using Storyline.Text;

namespace Storyline.Ingest.Html;

/// <summary>A saved web page: the body SmartReader finds, as plain text paragraphs.</summary>
public static class HtmlArticleReader
{
    public static ReadResult Read(string source, ReadOnlySpan<byte> bytes)
    {
        if (!TextDecoder.TryDecode(bytes, declared: null, out var html, out var error))
        {
            return new ReadError(source, error!);
        }

        var reader = new SmartReader.Reader("https://localhost/", html);
        var page = reader.GetArticle();
        var text = page.IsReadable ? HtmlText.ToPlainText(page.Content) : string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ReadError(source, "no article body found");
        }

        var metadata = new ArticleMetadata { Source = source, Title = string.IsNullOrWhiteSpace(page.Title) ? null : page.Title };
        return new ArticleRead(ArticleFactory.Create(ArticleIds.FromPath(source), text, metadata));
    }
}
