namespace Storyline.Ingest.Html;

/// <summary>
/// The rules that turn SmartReader's result into the article body, as flags so that each can be measured alone:
/// <c>storyline eval extraction --rules</c> turns one off at a time and counts the benchmark pages that change.
/// </summary>
[Flags]
public enum BodyRules
{
    None = 0,

    /// <summary>Use SmartReader's content even when its "readerable" pre-check says no.</summary>
    IgnoreReadablePrecheck = 1 << 0,

    /// <summary>Drop figure captions, photo credits and gallery chrome.</summary>
    DropCaptions = 1 << 1,

    /// <summary>Drop page chrome left inside the article: navigation, headers, bylines, dates, share bars, forms,
    /// cookie notices, print-only and screen-reader-only text.</summary>
    DropChrome = 1 << 2,

    /// <summary>Drop hover cards and pop-ups (hidden in the browser, present in the markup).</summary>
    DropPopups = 1 << 3,

    /// <summary>Keep embedded posts (tweets, Instagram) that Readability drops with their "social" wrapper.</summary>
    KeepEmbeddedPosts = 1 << 4,

    /// <summary>Drop lists of links to other stories: runs of link-only blocks, link-only blocks of several links,
    /// capitalised link-only calls to action and "Related: …" cross-references.</summary>
    DropLinkLists = 1 << 5,

    /// <summary>Drop a heading that repeats the page's title (the title is metadata, not body).</summary>
    DropTitle = 1 << 6,

    /// <summary>Drop lines that are boilerplate by their words: "By …" bylines, "Published …" dates, copyright
    /// notices, "Follow us on Twitter" notes, "Advertisement" markers.</summary>
    DropBoilerplateLines = 1 << 7,

    /// <summary>Use the page's JSON-LD <c>articleBody</c> when it is much longer than what was extracted.</summary>
    FallBackToJsonLdBody = 1 << 8,

    All = ~0,
}
