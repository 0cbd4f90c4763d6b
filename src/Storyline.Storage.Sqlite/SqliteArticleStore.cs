using System.Data.Common;
using Microsoft.Data.Sqlite;
using Storyline.Storage.Migrations;

namespace Storyline.Storage.Sqlite;

/// <summary>
/// The embedded default: one SQLite file (<c>./storyline.db</c>) in WAL mode, so readers never block the writer and
/// a killed process never corrupts the file. Several processes may ingest into one file at once: each save takes the
/// write lock at BEGIN (IMMEDIATE) and the others wait for it (busy timeout) instead of failing. Search is FTS5 with
/// the porter stemmer, ranked by bm25.
/// </summary>
public sealed class SqliteArticleStore : SqlArticleStore
{
    public const string DefaultPath = "storyline.db";

    /// <summary>How long a writer waits for another one. A save holds the lock for milliseconds, so a wait this long
    /// means something is wrong, and then the error is better than hanging.</summary>
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(60);

    internal static readonly IReadOnlyList<Migration> Steps = Migration.LoadEmbedded(typeof(SqliteArticleStore).Assembly);

    private readonly string _connectionString;

    private SqliteArticleStore(string path, string connectionString, IReadOnlyList<Migration> steps)
        : base(steps)
    {
        Path = path;
        _connectionString = connectionString;
    }

    public string Path { get; }

    public override string Description => $"SQLite {Path}";

    /// <summary>Opens (creating when missing) the store in a file and brings its schema up to date.</summary>
    public static Task<SqliteArticleStore> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        OpenAsync(path, Steps, cancellationToken);

    /// <summary>Opens with other migration steps (tests: a step that fails).</summary>
    internal static async Task<SqliteArticleStore> OpenAsync(string path, IReadOnlyList<Migration> steps, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Microsoft.Data.Sqlite retries a busy statement until the command timeout; keep it as long as the busy timeout.
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
            Pooling = true,
        };
        var store = new SqliteArticleStore(path, builder.ToString(), steps);
        try
        {
            var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                // WAL is a property of the file and persists; setting it again is a no-op.
                await using var wal = Command(connection, "PRAGMA journal_mode = WAL");
                await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Per connection: wait for the write lock; enforce the references; in WAL mode NORMAL sync loses no
            // committed transaction when the process is killed (only, at worst, the last ones on power loss).
            await using var setup = Command(connection, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
            await setup.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>BEGIN IMMEDIATE: the write lock is taken now, so every writer's duplicate check and insert run one
    /// writer at a time, and no transaction fails later trying to upgrade a read lock (SQLITE_BUSY_SNAPSHOT).</summary>
    protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((SqliteConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);

    protected override string SchemaVersionTableExistsSql =>
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";

    protected override async Task IndexAsync(DbTransaction transaction, long seq, string? title, string body, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, "INSERT INTO articles_fts (rowid, title, body) VALUES (@seq, @title, @body)",
            ("@seq", seq), ("@title", title), ("@body", body));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<IReadOnlyList<SearchHit>> SearchAsync(DbConnection connection, SearchQuery query, int limit, CancellationToken cancellationToken)
    {
        // bm25 weights: a match in the title counts 2.5 times one in the body (PostgreSQL's ts_rank weighs A 1.0, B 0.4).
        await using var command = Command(
            connection,
            $"SELECT {SummaryColumns}, " +
            "snippet(articles_fts, 1, char(2), char(3), '…', 24), bm25(articles_fts, 2.5, 1.0) AS rank " +
            "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid " +
            "WHERE articles_fts MATCH @query ORDER BY rank, a.seq LIMIT @limit",
            ("@query", Fts5.Render(query)), ("@limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var hits = new List<SearchHit>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // bm25 is lower-is-better; the interface's score is higher-is-better.
            hits.Add(new SearchHit(ReadSummary(reader), reader.GetString(8), -reader.GetDouble(9)));
        }

        return hits;
    }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; a store that is done with it lets it go (tests delete the file).
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        return ValueTask.CompletedTask;
    }
}
