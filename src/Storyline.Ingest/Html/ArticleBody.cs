using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace Storyline.Ingest.Html;

/// <summary>
/// The main text of a page. SmartReader (a port of Mozilla Readability) finds the article element; then general
/// rules (<see cref="BodyRules"/>) remove what Readability keeps but readers skip: captions, bylines, navigation,
/// share bars, teaser lists. Each rule's comment cites the number of pages of the ScrapingHub benchmark (91 pages,
/// ../shared/data/extraction/scrapinghub) it improved when it was added.
/// </summary>
internal static class ArticleBody
{
    public static string Extract(IHtmlDocument document, PageMetadata metadata, BodyRules rules = BodyRules.All)
    {
        if (rules.HasFlag(BodyRules.KeepEmbeddedPosts))
        {
            BoilerplateElements.FlattenEmbeddedPosts(document);
        }

        // KeepClasses: the cleanup below reads class names, which Readability strips by default.
        var extracted = ExtractWithSmartReader(document, metadata, rules);
        // Pages rendered by script carry their text only in JSON-LD. On the benchmark this changes no page: 8 pages
        // have an articleBody, never much longer than the extraction, and on 2 it is a teaser of under 100 words,
        // hence "much longer" (1.5 times) rather than "longer".
        if (rules.HasFlag(BodyRules.FallBackToJsonLdBody) && metadata.Body is { } declared)
        {
            var fallback = HtmlText.ToPlainText(declared);
            if (WordCount(fallback) >= 50 && WordCount(fallback) >= 1.5 * WordCount(extracted))
            {
                return fallback;
            }
        }

        return extracted;
    }

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string ExtractWithSmartReader(IHtmlDocument document, PageMetadata metadata, BodyRules rules)
    {
        var reader = new Reader(metadata.Url ?? "https://localhost/", document) { KeepClasses = true };
        var article = reader.GetArticle();
        // IsReadable is Readability's cheap pre-check, not the extraction's verdict: on 5 of the 91 benchmark pages it
        // says no while the extracted content is the article (tables, deal lists, short news), so the content decides.
        if (string.IsNullOrWhiteSpace(article.Content) || (!article.IsReadable && !rules.HasFlag(BodyRules.IgnoreReadablePrecheck)))
        {
            return string.Empty;
        }

        var content = new HtmlParser().ParseDocument(article.Content).Body!;
        BoilerplateElements.Remove(content, rules, metadata.Title);
        var text = HtmlText.ToPlainText(content);
        return rules.HasFlag(BodyRules.DropBoilerplateLines) ? BoilerplateLines.Remove(text) : text;
    }
}
