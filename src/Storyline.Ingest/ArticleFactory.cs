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
        if (metadata.Outlet is null)
        {
            // A syndication disclaimer names the outlet that republished the copy ("… to adhere to WION's style
            // guide", "… not been edited by HT staff"): the best evidence of the outlet a plain text file has.
            var outlet = ignored.Where(i => i.Reason == BoilerplateDetector.SyndicationReason)
                .Select(i => BoilerplateDetector.OutletNamedIn(text.AsSpan(i.Span.Start, i.Span.Length)))
                .FirstOrDefault(o => o is not null);
            metadata = metadata with { Outlet = outlet };
        }

        return draft with { Metadata = metadata, Ignored = ignored.ToImmutableArray() };
    }

    /// <summary>True when the text has nothing to analyse once ignored spans are set aside.</summary>
    public static bool HasNoContent(Article article) =>
        article.ContentRegions().All(r => article.Text.AsSpan(r.Start, r.Length).IsWhiteSpace());
}
