using System.Collections.Concurrent;
using System.Collections.Immutable;
using Storyline.Output;
using Storyline.Stories;
using Storyline.Storage;

namespace Storyline.Server;

/// <summary>
/// What the store's stories say. Which articles form a story is the store's (kept as articles are saved, see
/// <see cref="IArticleStore.StoriesAsync"/>); what a story shows (statements, labels, timeline) is assembled here from
/// its members' analyses (<see cref="StoryBuilder.Assemble"/>), per story, and kept until that story gains articles:
/// a new article rebuilds the one story it joined (two when it merges them), never the others.
/// </summary>
public sealed class StoryCache(IArticleStore store) : IDisposable
{
    private readonly ConcurrentDictionary<int, ((int Count, long Last) Key, StoryJson Story)> _built = new();
    private readonly SemaphoreSlim _assigning = new(1, 1);
    private bool _assigned;

    public void Dispose() => _assigning.Dispose();

    /// <summary>Every story, latest first (by its last date, undated last; then larger first).</summary>
    public async Task<IReadOnlyList<StoryJson>> StoriesAsync(CancellationToken cancellationToken) =>
        await PageAsync(int.MaxValue, 0, cancellationToken);

    /// <summary>A page of stories, latest first; only these are assembled.</summary>
    public async Task<IReadOnlyList<StoryJson>> PageAsync(int limit, int offset, CancellationToken cancellationToken)
    {
        await EnsureAssignedAsync(cancellationToken);
        var stories = new List<StoryJson>();
        foreach (var stored in await store.StoriesAsync(limit, offset, cancellationToken))
        {
            stories.Add(await BuildAsync(stored, cancellationToken));
        }

        return stories;
    }

    /// <summary>One story by id, or null.</summary>
    public async Task<StoryJson?> StoryAsync(string id, CancellationToken cancellationToken)
    {
        await EnsureAssignedAsync(cancellationToken);
        return await store.StoryAsync(id, cancellationToken) is { } stored ? await BuildAsync(stored, cancellationToken) : null;
    }

    /// <summary>The story an article is in, or null.</summary>
    public async Task<StoryJson?> StoryOfAsync(string articleId, CancellationToken cancellationToken)
    {
        await EnsureAssignedAsync(cancellationToken);
        return await store.StoryOfAsync(articleId, cancellationToken) is { } stored ? await BuildAsync(stored, cancellationToken) : null;
    }

    /// <summary>A store from before stories were kept gets its articles placed once, on first read.</summary>
    private async Task EnsureAssignedAsync(CancellationToken cancellationToken)
    {
        if (_assigned)
        {
            return;
        }

        await _assigning.WaitAsync(cancellationToken);
        try
        {
            if (!_assigned)
            {
                await store.AssignStoriesAsync(cancellationToken);
                _assigned = true;
            }
        }
        finally
        {
            _assigning.Release();
        }
    }

    private async Task<StoryJson> BuildAsync(StoredStory stored, CancellationToken cancellationToken)
    {
        // A story only ever gains members (a merge adds the younger story's): its size and last position name its
        // content.
        var key = (stored.Members.Length, stored.Members[^1].Position);
        if (_built.TryGetValue(stored.Number, out var hit) && hit.Key == key && hit.Story.Id == stored.Id)
        {
            return hit.Story;
        }

        var story = await AssembleAsync(store, stored, cancellationToken);
        _built[stored.Number] = (key, story);
        return story;
    }

    /// <summary>A stored story's content from its members' analyses, in the order they were placed.</summary>
    public static async Task<StoryJson> AssembleAsync(IArticleStore store, StoredStory stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(stored);
        var articles = new List<Text.Article>(stored.Members.Length);
        foreach (var member in stored.Members)
        {
            var article = await store.GetAsync(member.Article, cancellationToken)
                ?? throw new InvalidDataException($"{store.Description}: story member {member.Article} is not stored");
            articles.Add(ArticleRebuild.FromJson(article.Analysis) with { Id = article.Summary.Id });
        }

        var copies = stored.Members.Where(m => m.CopyOf is not null).ToImmutableDictionary(m => m.Article, m => m.CopyOf!, StringComparer.Ordinal);
        return AnalysisJson.FromStory(StoryBuilder.Assemble(articles, copies));
    }
}
