using Storyline.Output;

namespace Storyline.Storage;

/// <summary>
/// Where analysed articles live: one interface, one contract test suite, two backends (SQLite embedded by default,
/// PostgreSQL at scale). Every method is safe to call from several tasks, and from several processes on one store.
/// </summary>
public interface IArticleStore : IAsyncDisposable
{
    /// <summary>What and where, for people: "SQLite ./storyline.db".</summary>
    string Description { get; }

    /// <summary>
    /// Saves an analysed article with its analysis, in one transaction: a killed or failing save leaves nothing.
    /// Idempotent: an article with the same URL, or the same normalised text (<see cref="ArticleKeys.TextHash"/>),
    /// as one already stored is not stored again and comes back as <see cref="SaveOutcome.Duplicate"/> with the
    /// stored article's id. The stored id is the article's own id unless another article holds it already.
    /// </summary>
    Task<SaveResult> SaveAsync(ArticleJson article, CancellationToken cancellationToken = default);

    Task<StoredArticle?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Latest first: by publication date (undated last), then the most recently ingested.</summary>
    Task<IReadOnlyList<ArticleSummary>> ListAsync(int limit, int offset = 0, CancellationToken cancellationToken = default);

    Task<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Full-text search over titles and article bodies (boilerplate excluded), best first. The query is what people
    /// type into a search box: words (all must occur, stemmed), <c>"quoted phrases"</c>, <c>or</c>, <c>-excluded</c>;
    /// no input is a syntax error.
    /// </summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default);

    /// <summary>Every article with its analysis, in ingest order (for exports).</summary>
    IAsyncEnumerable<StoredArticle> ArticlesAsync(CancellationToken cancellationToken = default);

    /// <summary>Every quote, in ingest order then text order.</summary>
    IAsyncEnumerable<QuoteRow> QuotesAsync(CancellationToken cancellationToken = default);

    /// <summary>Every event, in ingest order then text order.</summary>
    IAsyncEnumerable<EventRow> EventsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every entity mention, in ingest order then text order.</summary>
    IAsyncEnumerable<EntityMentionRow> EntityMentionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Brings the schema up to date (stores do this when they open); returns how many steps it applied,
    /// 0 when the schema was current.</summary>
    Task<int> MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>The number of the last migration step applied.</summary>
    Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stories are kept as articles are saved: <see cref="SaveAsync"/> places each new article in a story in the same
    /// transaction, in one total order (see SqlArticleStore.Stories.cs). This assigns what was stored before the store
    /// kept stories (an older schema), oldest first; 0 when there is nothing to do (the usual case).
    /// </summary>
    Task<int> AssignStoriesAsync(CancellationToken cancellationToken = default);

    /// <summary>Stories latest first (by their last article date, undated last), then larger first, then older
    /// first; each with its members in the order they were placed.</summary>
    Task<IReadOnlyList<StoredStory>> StoriesAsync(int limit, int offset = 0, CancellationToken cancellationToken = default);

    /// <summary>A story by its id (<see cref="StoredStory.Id"/>), or null.</summary>
    Task<StoredStory?> StoryAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The story an article is in (every stored article is in one), or null for an unknown article.</summary>
    Task<StoredStory?> StoryOfAsync(string articleId, CancellationToken cancellationToken = default);

    Task<long> StoryCountAsync(CancellationToken cancellationToken = default);
}

/// <summary>A story as the store keeps it: which articles, in the order they were placed. What it says (statements,
/// labels, timeline) is built from the members' analyses on demand (Storyline.Stories.StoryBuilder.Assemble).</summary>
/// <param name="Number">The clusterer's story number (stable while the story lives; a merged story's number goes).</param>
public sealed record StoredStory(int Number, DateOnly? Start, DateOnly? End, System.Collections.Immutable.ImmutableArray<StoryMember> Members)
{
    public const string IdPrefix = "story-";

    /// <summary>"story-" and the id of its first article, as <c>analyze</c> names stories.</summary>
    public string Id => IdPrefix + Members[0].Article;
}

/// <param name="Position">Where in the store's one order of placement the article came.</param>
/// <param name="CopyOf">The original, when the article is a copy of one (wire copy counts once).</param>
/// <param name="By">The clusterer's rule: story/new, story/joined, story/joined-and-merged, story/copy.</param>
public sealed record StoryMember(string Article, long Position, string? CopyOf, string By, double Score);

public enum SaveOutcome
{
    /// <summary>A new article, now stored.</summary>
    Saved,
    /// <summary>The store holds this article already (same URL or same normalised text); nothing was written.</summary>
    Duplicate,
    /// <summary>The article cannot be stored as it is (<see cref="SaveResult.Reason"/> says why); nothing was written.</summary>
    Rejected,
}

/// <param name="Id">The stored article's id: the new one, or the one already stored for a duplicate.</param>
/// <param name="Reason">For a duplicate, what matched ("same URL", "same text"); for a rejection, why.</param>
public sealed record SaveResult(string Id, SaveOutcome Outcome, string? Reason = null)
{
    public bool IsNew => Outcome == SaveOutcome.Saved;
}

/// <summary>The columns of a stored article, without its analysis.</summary>
/// <param name="Url">The URL as normalised for matching (<see cref="ArticleKeys.NormaliseUrl"/>).</param>
/// <param name="Lead">The first 200 characters of the news text (for listings of articles without a title).</param>
public sealed record ArticleSummary(
    string Id, string? Url, string? Outlet, string? Title, DateOnly? Published, string TextHash, DateTimeOffset IngestedAt, string Lead);

public sealed record StoredArticle(ArticleSummary Summary, ArticleJson Analysis);

/// <param name="Snippet">A passage of the body around the matches; each match sits between
/// <see cref="Snippets.Open"/> and <see cref="Snippets.Close"/> (split it with <see cref="Snippets.Parts"/>).</param>
/// <param name="Score">Relevance, higher is better; comparable only within one result list and one backend.</param>
public sealed record SearchHit(ArticleSummary Article, string Snippet, double Score);

/// <param name="Speaker">The speaker's entity id; <paramref name="SpeakerName"/> its display name, when known.</param>
public sealed record QuoteRow(
    string Article, DateOnly? Published, string? Outlet, string? Url, int Start, int End, string Text, bool Direct,
    string? Speaker, string? SpeakerName, string? Cue);

/// <param name="Date">The event's own date when the analysis gives one, else the article's publication date.</param>
/// <param name="Sentence">The sentence that reports the event.</param>
public sealed record EventRow(
    string Article, string? Date, string? Outlet, string? Url, int Start, int End, string Type, string? Actor,
    string? Target, string? Location, string Sentence);

public sealed record EntityMentionRow(
    string Article, DateOnly? Published, string? Outlet, int Start, int End, string Text, string Type, string Entity);

/// <summary>The store was written by a newer Storyline (or is not a Storyline store): opening it would lose data.</summary>
public sealed class StoreSchemaException(string message) : Exception(message);
