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
}

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
