using System.Collections.Immutable;
using Storyline.Ingest.Boilerplate;
using Storyline.Text;

namespace Storyline.Ingest;

/// <summary>Every reader ends here: the text as read, its metadata, the spans the reader already knows are not news
/// (header lines), and boilerplate found in what is left.</summary>
public static class ArticleFactory
{
    public static Article Create(string id, string text, ArticleMetadata metadata, IEnumerable<IgnoredSpan>? known = null)
    {
        var ignored = new List<IgnoredSpan>(known ?? []);
        ignored.Sort((a, b) => a.Span.CompareTo(b.Span));
        var draft = new Article { Id = id, Text = text, Metadata = metadata, Ignored = [.. ignored] };
        foreach (var region in draft.ContentRegions().ToList())
        {
            ignored.AddRange(BoilerplateDetector.Find(text, region));
        }

        ignored.Sort((a, b) => a.Span.CompareTo(b.Span));
        return draft with { Ignored = ignored.ToImmutableArray() };
    }

    /// <summary>True when the text has nothing to analyse once ignored spans are set aside.</summary>
    public static bool HasNoContent(Article article) =>
        article.ContentRegions().All(r => article.Text.AsSpan(r.Start, r.Length).IsWhiteSpace());
}
