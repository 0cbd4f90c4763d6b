namespace Storyline.Text;

/// <summary>Where an article's publication date came from (OUTPUT.md <c>publishedFrom</c>).</summary>
public enum PublishedFrom
{
    /// <summary>No date is known.</summary>
    None,
    /// <summary>The input said so: a header line, a page's metadata, a feed item's date, a JSONL field.</summary>
    Metadata,
    /// <summary>The user gave it with <c>--published</c>.</summary>
    Option,
    /// <summary>Inferred from what the article itself says.</summary>
    Inferred,
}

/// <summary>What is known about an article besides its text.</summary>
public sealed record ArticleMetadata
{
    /// <summary>The path or URL it was read from.</summary>
    public required string Source { get; init; }

    public string? Outlet { get; init; }

    public string? Title { get; init; }

    public string? Url { get; init; }

    public string? Author { get; init; }

    public DateOnly? Published { get; init; }

    public PublishedFrom PublishedFrom { get; init; }
}
