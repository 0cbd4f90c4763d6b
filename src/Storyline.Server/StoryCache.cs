using Storyline.Output;
using Storyline.Stories;
using Storyline.Storage;

namespace Storyline.Server;

/// <summary>
/// The stories of the whole store, built in memory by <see cref="StoryBuilder"/> from every stored article's analysis
/// and kept until the store changes. NOT incremental: any new article rebuilds every story (the store has no stories
/// table yet). The store only grows (saves are idempotent, nothing is deleted), so its article count is its version.
/// </summary>
public sealed class StoryCache(IArticleStore store) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (long Version, IReadOnlyList<StoryJson> Stories)? _cached;

    public void Dispose() => _gate.Dispose();

    public async Task<IReadOnlyList<StoryJson>> StoriesAsync(CancellationToken cancellationToken)
    {
        var version = await store.CountAsync(cancellationToken);
        if (_cached is { } hit && hit.Version == version)
        {
            return hit.Stories;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            version = await store.CountAsync(cancellationToken);
            if (_cached is { } again && again.Version == version)
            {
                return again.Stories;
            }

            var articles = new List<Text.Article>();
            await foreach (var stored in store.ArticlesAsync(cancellationToken))
            {
                articles.Add(ArticleRebuild.FromJson(stored.Analysis));
            }

            // Latest first, as people read a news front page; stories without a date last.
            IReadOnlyList<StoryJson> stories = [.. new StoryBuilder().Build(articles, cancellationToken)
                .Select(AnalysisJson.FromStory)
                .OrderByDescending(s => s.End ?? "", StringComparer.Ordinal)
                .ThenByDescending(s => s.Articles.Count)];
            _cached = (version, stories);
            return stories;
        }
        finally
        {
            _gate.Release();
        }
    }
}
