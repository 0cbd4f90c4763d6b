using System.Collections.Immutable;
using System.Globalization;
using Storyline.Text;

namespace Storyline.Stories;

/// <summary>
/// Clusters a batch of analysed articles into stories (features in parallel, <see cref="StoryClusterer.Add"/> in
/// input order) and assembles each story: statements, labels, number discrepancies and timeline.
/// The same input in the same order gives the same stories, whatever the number of threads.
/// </summary>
public sealed class StoryBuilder(StoryOptions? options = null, IEntityKeySource? keys = null)
{
    private readonly StoryFeatureExtractor _extractor = new(keys);

    public IReadOnlyList<Story> Build(IReadOnlyList<Article> articles, CancellationToken cancellationToken = default)
    {
        var features = articles.AsParallel().AsOrdered().WithCancellation(cancellationToken).Select(_extractor.Extract).ToList();
        var clusterer = new StoryClusterer(options);
        foreach (var f in features)
        {
            cancellationToken.ThrowIfCancellationRequested();
            clusterer.Add(f);
        }

        // A batch is complete: each article gets a second look against the final stories (StoryClusterer.Refine).
        clusterer.Refine();

        var stories = new List<Story>();
        foreach (var members in clusterer.Stories())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var copies = members.Where(i => clusterer.OriginalOf(i) != articles[i].Id)
                .ToImmutableDictionary(i => articles[i].Id, clusterer.OriginalOf, StringComparer.Ordinal);
            stories.Add(Assemble([.. members.Select(i => articles[i])], copies));
        }

        return stories;
    }

    /// <summary>Everything a story shows, from its articles (in arrival order) and the copies among them.</summary>
    public static Story Assemble(IReadOnlyList<Article> articles, ImmutableDictionary<string, string> copyOf)
    {
        var names = articles.ToDictionary(a => a.Id, Names.Find, StringComparer.Ordinal);
        var dates = articles.Select(a => a.Metadata.Published).OfType<DateOnly>().ToList();
        var titled = articles.FirstOrDefault(a => !string.IsNullOrWhiteSpace(a.Metadata.Title));
        var title = titled?.Metadata.Title ?? Lead(articles[0]);
        return new Story(
            "story-" + articles[0].Id,
            title,
            [.. articles.Select(a => a.Id)],
            [.. articles.Select(a => a.Metadata.Outlet).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)],
            dates.Count > 0 ? dates.Min() : null,
            dates.Count > 0 ? dates.Max() : null,
            StatementGrouping.Group(articles, names, copyOf),
            LabelComparison.Compare(articles, names),
            NumberComparison.Compare(articles),
            Timelines.Build(articles))
        {
            CopyOf = copyOf,
        };
    }

    /// <summary>The first sentence of the article's content, shortened: a title for a story whose articles have none.</summary>
    private static string Lead(Article article)
    {
        var span = article.Sentences.IsDefaultOrEmpty
            ? article.ContentRegions().FirstOrDefault()
            : article.Sentences[0].Span;
        var text = article.Text.Substring(span.Start, span.Length).ReplaceLineEndings(" ").Trim();
        return text.Length <= 140 ? text : text[..text.LastIndexOf(' ', 139)] + " …";
    }

    /// <summary>Content words of a text for comparing statements and contexts: normalised, stop words dropped.</summary>
    internal static HashSet<string> ContentWords(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in StoryText.Words(text, new TextSpan(0, text.Length)))
        {
            var w = StoryText.Normalise(text.AsSpan(word.Span.Start, word.Span.Length)).ToLowerInvariant();
            if ((w.Length >= 3 || char.IsDigit(w[0])) && !StoryText.StopWords.Contains(w))
            {
                set.Add(w);
            }
        }

        return set;
    }

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
