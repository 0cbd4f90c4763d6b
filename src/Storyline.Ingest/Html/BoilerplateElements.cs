using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Storyline.Ingest.Html;

/// <summary>
/// Element-level rules: what Readability keeps inside the article element that is not article text, recognised by
/// tag, by the words of its class and id, or by being made of links. Counts in comments are benchmark pages improved.
/// </summary>
internal static partial class BoilerplateElements
{
    // Captions and credits (figcaption, "newsCaption", "wp-caption-text", "image-credit"): kept by Readability on 24
    // pages, of which the true body includes them on 6 (FP 4,248 characters vs TP 538 over the benchmark).
    private static readonly HashSet<string> CaptionTokens = new(StringComparer.Ordinal)
    {
        "caption", "captions", "credit", "credits", "gallery", "slideshow",
    };

    // Page chrome. Each word was measured over the characters Readability keeps under it: every one of these holds
    // more text the true bodies leave out than text they include (e.g. "timestamp" 372 vs 0, "byline" 293 vs 0,
    // "nav" 611 vs 0), and the size guard in Remove keeps a mislabelled wrapper.
    private static readonly HashSet<string> ChromeTokens = new(StringComparer.Ordinal)
    {
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "byline", "dateline", "timestamp", "date",
        "share", "sharing", "social", "newsletter", "subscribe", "subscription", "promo", "advert", "advertisement",
        "sponsor", "sponsored", "meta", "tags", "author", "bio", "print", "cookie", "cookies", "consent", "gdpr", "skip",
    };

    // Visually hidden text: skip links and labels for screen readers, invisible in the page.
    private static readonly string[] HiddenClassNames = ["screen-reader", "sr-only", "visually-hidden", "visuallyhidden"];

    private static readonly HashSet<string> PopupTokens = new(StringComparer.Ordinal)
    {
        "rollover", "tooltip", "popover", "popup", "modal", "hover",
    };

    private static readonly string LeafBlockSelector = "p, li, h1, h2, h3, h4, h5, h6, dt, dd";

    /// <summary>Applies the element rules of <paramref name="rules"/> to SmartReader's article element.</summary>
    public static void Remove(IElement content, BodyRules rules, string? title)
    {
        RemoveByTagAndClass(content, rules);
        if (rules.HasFlag(BodyRules.DropTitle) && title is not null)
        {
            RemoveTitleHeading(content, title);
        }

        if (rules.HasFlag(BodyRules.DropLinkLists))
        {
            RemoveLinkLists(content);
        }
    }

    /// <summary>
    /// Embedded posts are quotations the story is built on (the benchmark's true bodies include every one of the 9
    /// embedded tweets in its pages), but Readability drops them: their wrappers carry class names such as
    /// <c>social-media-embed</c>, and what survives is a link-dense <c>div</c> its conditional cleaning removes. Each
    /// post (with the wrappers that hold nothing else) becomes a plain blockquote of paragraphs, which neither step
    /// touches (1 page, whose recall goes from 0.70 to 1.00).
    /// </summary>
    public static void FlattenEmbeddedPosts(IHtmlDocument document)
    {
        foreach (var post in document.QuerySelectorAll("blockquote").ToList())
        {
            var tokens = ClassTokens(post);
            if (!tokens.Contains("tweet") && !tokens.Contains("twitter") && !tokens.Contains("instagram"))
            {
                continue;
            }

            var length = post.TextContent.Length;
            IElement outermost = post;
            while (outermost.ParentElement is { } parent && parent.LocalName is not ("body" or "article" or "main")
                && parent.TextContent.Length <= length + 80)
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

    private static void RemoveByTagAndClass(IElement content, BodyRules rules)
    {
        var total = content.TextContent.Length;
        // A snapshot: removing an element detaches its descendants, which are then skipped.
        foreach (var element in content.QuerySelectorAll("*").ToList())
        {
            if (!content.Contains(element) || Reason(element, rules) is null)
            {
                continue;
            }

            // An element holding much of the article is never boilerplate, whatever its class says: "author" or
            // "date" in a wrapper's class name must not take the whole story with it.
            if (element.TextContent.Length < Math.Max(200, total / 4))
            {
                element.Remove();
            }
        }
    }

    /// <summary>Why an element is not article text ("caption", "chrome", "popup"), or null.</summary>
    private static string? Reason(IElement element, BodyRules rules)
    {
        var tag = element.LocalName;
        if (rules.HasFlag(BodyRules.DropCaptions) && tag is "figcaption")
        {
            return "caption";
        }

        // Readability keeps <nav> and <header> when they sit inside its top candidate (whole-page candidates on 5
        // pages of one publishing system carried the site menu), and <time> holds the dateline (12 pages, no TP).
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

        if (rules.HasFlag(BodyRules.DropChrome))
        {
            if (tokens.Overlaps(ChromeTokens))
            {
                return "chrome";
            }

            var classes = element.GetAttribute("class");
            if (classes is not null && HiddenClassNames.Any(name => classes.Contains(name, StringComparison.OrdinalIgnoreCase)))
            {
                return "chrome";
            }
        }

        // Hover cards: a politician's name in a paragraph followed, in the markup, by a card of their latest stories
        // ("Ilhan OmarIlhan OmarHillicon Valley: …"), 2 pages.
        if (rules.HasFlag(BodyRules.DropPopups) && tokens.Overlaps(PopupTokens))
        {
            return "popup";
        }

        return null;
    }

    /// <summary>The first heading whose words are the title's, or most of its beginning (a title may add the site's
    /// name). The title is metadata; a heading repeating it inside the body is counted as body by no true text (4
    /// pages; "most" is 60%, so that a subheading that merely starts like the title stays, 1 page).</summary>
    private static void RemoveTitleHeading(IElement content, string title)
    {
        var titleWords = Words(title);
        if (titleWords.Count == 0)
        {
            return;
        }

        foreach (var heading in content.QuerySelectorAll("h1, h2, h3"))
        {
            var words = Words(heading.TextContent);
            if (words.Count >= 3 && words.Count <= titleWords.Count && words.Count >= 0.6 * titleWords.Count
                && titleWords.Take(words.Count).SequenceEqual(words))
            {
                heading.Remove();
                return;
            }
        }
    }

    /// <summary>
    /// Links to other stories: a run of three or more consecutive blocks that are all link text ("You may also
    /// like", rails of headlines, leftover menus); a link-only block of three or more links (several headlines in
    /// one paragraph); a single link-only block in capitals (calls to action and related headlines set in caps); a
    /// link-only block led by a short label and a colon ("Related: …", "SEE MORE: …").
    /// </summary>
    private static void RemoveLinkLists(IElement content)
    {
        var blocks = content.QuerySelectorAll(LeafBlockSelector)
            .Where(b => b.QuerySelectorAll(LeafBlockSelector).Length == 0)
            .ToList();
        var linkOnly = blocks.Select(IsLinkOnly).ToList();
        var remove = new bool[blocks.Count];
        for (var start = 0; start < blocks.Count;)
        {
            if (!linkOnly[start])
            {
                start++;
                continue;
            }

            var end = start;
            while (end < blocks.Count && linkOnly[end])
            {
                end++;
            }

            for (var i = start; i < end; i++)
            {
                var text = HtmlMetadata.Clean(blocks[i].TextContent) ?? "";
                remove[i] = end - start >= 3 || blocks[i].QuerySelectorAll("a").Length >= 3
                    || IsCapitalised(text) || LabelledLink().IsMatch(text);
            }

            start = end;
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

    private static List<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();

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

    [GeneratedRegex(@"^\w+(?:\s+\w+){0,2}\s*:\s+\S")]
    private static partial Regex LabelledLink();

    [GeneratedRegex("[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")]
    private static partial Regex TokenSplit();

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();
}
