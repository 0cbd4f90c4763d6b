using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace Storyline.Ingest.Html;

/// <summary>The cleanup rules applied to SmartReader's result, as flags so each can be measured alone
/// (<c>storyline eval extraction --rules</c> turns one off at a time and counts the pages that change).</summary>
[Flags]
public enum BodyRules
{
    None = 0,
    /// <summary>Use SmartReader's content even when its "readerable" pre-check says no.</summary>
    IgnoreReadablePrecheck = 1 << 0,
    /// <summary>Drop figure captions, photo credits and gallery chrome.</summary>
    DropCaptions = 1 << 1,
    /// <summary>Drop page chrome left inside the article: navigation, headers, bylines, dates, share bars, forms.</summary>
    DropChrome = 1 << 2,
    /// <summary>Drop hover cards and pop-ups (hidden in the browser, present in the markup).</summary>
    DropPopups = 1 << 3,
    /// <summary>Keep embedded posts (tweets, Instagram) that Readability drops with their "social" wrapper.</summary>
    KeepEmbeddedPosts = 1 << 4,
    /// <summary>Drop lists of links to other stories: runs of link-only blocks, capitalised link-only calls to action,
    /// and "Related: …" cross-references.</summary>
    DropLinkLists = 1 << 5,
    All = ~0,
}

/// <summary>
/// The main text of a page. SmartReader (a port of Mozilla Readability) finds the article element; then general
/// rules remove what Readability keeps but readers skip (captions, bylines, navigation, share bars, teaser lists).
/// Each rule cites the number of benchmark pages (ScrapingHub, 91 pages) it improved when it was added.
/// </summary>
internal static partial class ArticleBody
{
    public static string Extract(IHtmlDocument document, PageMetadata metadata, BodyRules rules = BodyRules.All)
    {
        if (rules.HasFlag(BodyRules.KeepEmbeddedPosts))
        {
            FlattenEmbeddedPosts(document);
        }

        // KeepClasses: the cleanup below reads class names, which Readability strips by default.
        var reader = new Reader(metadata.Url ?? "https://localhost/", document) { KeepClasses = true };
        var article = reader.GetArticle();
        // IsReadable is Readability's cheap pre-check, not the extraction's verdict: on 5 of the 91 benchmark pages it
        // says no while the extracted content is the article (tables, deal lists, short news), so the content decides.
        if (string.IsNullOrWhiteSpace(article.Content) || (!article.IsReadable && !rules.HasFlag(BodyRules.IgnoreReadablePrecheck)))
        {
            return string.Empty;
        }

        var content = new HtmlParser().ParseDocument(article.Content).Body!;
        Clean(content, rules);
        if (rules.HasFlag(BodyRules.DropLinkLists))
        {
            DropLinkLists(content);
        }

        return HtmlText.ToPlainText(content);
    }

    private static void Clean(IElement content, BodyRules rules)
    {
        var total = TextLength(content);
        // Snapshot first: removing an element detaches its descendants, which are then skipped.
        foreach (var element in content.QuerySelectorAll("*").ToList())
        {
            if (element.ParentElement is null || !content.Contains(element))
            {
                continue;
            }

            var reason = Boilerplate(element, rules);
            // An element holding much of the article is never boilerplate, whatever its class says: "author" or
            // "date" in a wrapper's class name must not take the whole story with it.
            if (reason is not null && TextLength(element) < Math.Max(200, total / 4))
            {
                element.Remove();
            }
        }
    }

    /// <summary>
    /// Embedded posts are quotations the story is built on (the benchmark's true bodies include every one of the 9
    /// embedded tweets in its pages), but Readability drops them: their wrappers carry class names such as
    /// <c>social-media-embed</c>, and what survives is a link-dense <c>div</c> its conditional cleaning removes. Each
    /// post (with the wrappers that hold nothing else) becomes a plain blockquote of paragraphs, which neither step
    /// touches.
    /// </summary>
    private static void FlattenEmbeddedPosts(IHtmlDocument document)
    {
        foreach (var post in document.QuerySelectorAll("blockquote").ToList())
        {
            var tokens = ClassTokens(post);
            if (!tokens.Contains("tweet") && !tokens.Contains("twitter") && !tokens.Contains("instagram"))
            {
                continue;
            }

            var length = TextLength(post);
            IElement outermost = post;
            while (outermost.ParentElement is { } parent && parent.LocalName is not ("body" or "article" or "main")
                && TextLength(parent) <= length + 80)
            {
                outermost = parent;
            }

            var quote = document.CreateElement("blockquote");
            foreach (var paragraph in HtmlText.ToPlainText(post).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            {
                var p = document.CreateElement("p");
                p.TextContent = paragraph;
                quote.AppendChild(p);
            }

            outermost.Replace(quote);
        }
    }

    private static readonly string[] LeafBlocks = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd"];

    /// <summary>
    /// Links to other stories: a run of three or more consecutive blocks that are all link text ("You may also
    /// like", rails of headlines, leftover menus); a single link-only block in capitals (calls to action and related
    /// headlines set in caps); a link-only block led by a short label and a colon ("Related: …", "SEE MORE: …").
    /// </summary>
    private static void DropLinkLists(IElement content)
    {
        var blocks = content.QuerySelectorAll(string.Join(", ", LeafBlocks))
            .Where(b => b.QuerySelectorAll(string.Join(", ", LeafBlocks)).Length == 0)
            .ToList();
        var linkOnly = blocks.Select(IsLinkOnly).ToList();
        var remove = new bool[blocks.Count];
        for (var i = 0; i < blocks.Count;)
        {
            if (!linkOnly[i])
            {
                i++;
                continue;
            }

            var end = i;
            while (end < blocks.Count && linkOnly[end])
            {
                end++;
            }

            for (var j = i; j < end; j++)
            {
                var text = HtmlMetadata.Clean(blocks[j].TextContent) ?? "";
                remove[j] = end - i >= 3 || IsCapitalised(text) || LabelledLink().IsMatch(text);
            }

            i = end;
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            if (remove[i])
            {
                blocks[i].Remove();
            }
        }
    }

    /// <summary>True when at least 80% of the block's visible characters are inside links.</summary>
    private static bool IsLinkOnly(IElement block)
    {
        var text = NonSpaceLength(block.TextContent);
        if (text == 0)
        {
            return false;
        }

        var links = block.QuerySelectorAll("a").Sum(a => NonSpaceLength(a.TextContent));
        return links >= 0.8 * text;
    }

    private static int NonSpaceLength(string text) => text.Count(c => !char.IsWhiteSpace(c));

    /// <summary>Two or more words and no lower-case letter.</summary>
    private static bool IsCapitalised(string text) =>
        text.Contains(' ', StringComparison.Ordinal) && text.Any(char.IsUpper) && !text.Any(char.IsLower);

    /// <summary>Why an element is not article text, or null.</summary>
    private static string? Boilerplate(IElement element, BodyRules rules)
    {
        var tag = element.LocalName;
        if (rules.HasFlag(BodyRules.DropCaptions) && tag is "figcaption")
        {
            return "caption";
        }

        if (rules.HasFlag(BodyRules.DropChrome) && tag is "nav" or "header" or "footer" or "aside" or "form" or "button" or "select" or "time")
        {
            return "chrome";
        }

        var tokens = ClassTokens(element);
        if (tokens.Count == 0)
        {
            return null;
        }

        if (rules.HasFlag(BodyRules.DropCaptions) && tokens.Overlaps(CaptionTokens))
        {
            return "caption";
        }

        if (rules.HasFlag(BodyRules.DropChrome) && tokens.Overlaps(ChromeTokens))
        {
            return "chrome";
        }

        if (rules.HasFlag(BodyRules.DropPopups) && tokens.Overlaps(PopupTokens))
        {
            return "popup";
        }

        return null;
    }

    private static readonly HashSet<string> CaptionTokens = new(StringComparer.Ordinal)
    {
        "caption", "captions", "credit", "credits", "gallery", "slideshow",
    };

    private static readonly HashSet<string> ChromeTokens = new(StringComparer.Ordinal)
    {
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "byline", "dateline", "timestamp", "date",
        "share", "sharing", "social", "newsletter", "subscribe", "subscription", "promo", "advert", "advertisement",
        "sponsor", "sponsored", "meta", "tags", "author", "bio",
    };

    private static readonly HashSet<string> PopupTokens = new(StringComparer.Ordinal)
    {
        "rollover", "tooltip", "popover", "popup", "modal", "hover",
    };

    /// <summary>The words of an element's class and id, lower-cased: <c>newsCaption</c>, <c>news-caption</c> and
    /// <c>news_caption</c> all give <c>news</c> and <c>caption</c>.</summary>
    private static HashSet<string> ClassTokens(IElement element)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in (ReadOnlySpan<string?>)[element.GetAttribute("class"), element.Id])
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            foreach (var token in TokenSplit().Split(value))
            {
                if (token.Length > 1)
                {
                    tokens.Add(token.ToLowerInvariant());
                }
            }
        }

        return tokens;
    }

    private static int TextLength(IElement element) => element.TextContent.Length;

    [GeneratedRegex(@"^\w+(?:\s+\w+){0,2}\s*:\s+\S")]
    private static partial Regex LabelledLink();

    [GeneratedRegex("[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")]
    private static partial Regex TokenSplit();
}
