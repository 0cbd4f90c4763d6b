using SmartReader;

namespace Storyline.Ingest.Html;

/// <summary>The main text of a page: SmartReader (a port of Mozilla Readability) finds the article element.</summary>
internal static class ArticleBody
{
    public static string Extract(string html, PageMetadata metadata)
    {
        var reader = new Reader(metadata.Url ?? "https://localhost/", html);
        var article = reader.GetArticle();
        if (!article.IsReadable || string.IsNullOrWhiteSpace(article.Content))
        {
            return string.Empty;
        }

        return HtmlText.ToPlainText(article.Content);
    }
}
