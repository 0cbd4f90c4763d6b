using System.Buffers.Binary;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Storyline.Storage.Migrations;

namespace Storyline.Storage.Postgres;

/// <summary>
/// The store at scale: PostgreSQL as the system of record, shared by any number of ingesting processes. Saves run
/// in READ COMMITTED transactions serialised per key (text hash, URL) by transaction-scoped advisory locks, so
/// writers of different articles never wait for each other and two writers of one article cannot both insert it.
/// Search is a weighted tsvector (title A, body B) with a GIN index, ranked by ts_rank, snippets by ts_headline.
/// </summary>
public sealed partial class PostgresArticleStore : SqlArticleStore
{
    internal static readonly IReadOnlyList<Migration> Steps = Migration.LoadEmbedded(typeof(PostgresArticleStore).Assembly);

    /// <summary>ts_headline's options: the snippet marks of <see cref="Snippets"/>, about as long as SQLite's
    /// 24-token snippet.</summary>
    private static readonly string HeadlineOptions =
        $"StartSel=\"{Snippets.Open}\", StopSel=\"{Snippets.Close}\", MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=\" … \"";

    private readonly NpgsqlDataSource _dataSource;

    private PostgresArticleStore(NpgsqlDataSource dataSource, IReadOnlyList<Migration> steps)
        : base(steps) => _dataSource = dataSource;

    public override string Description
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString);
            return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        }
    }

    /// <summary>Opens the store in a database (an Npgsql connection string; see <see cref="PostgresUrl"/> for URLs)
    /// and brings its schema up to date.</summary>
    public static Task<PostgresArticleStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default) =>
        OpenAsync(connectionString, Steps, cancellationToken);

    /// <summary>Opens with other migration steps (tests: a step that fails).</summary>
    internal static async Task<PostgresArticleStore> OpenAsync(string connectionString, IReadOnlyList<Migration> steps, CancellationToken cancellationToken)
    {
        var store = new PostgresArticleStore(NpgsqlDataSource.Create(connectionString), steps);
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    /// <summary>One advisory lock per key, taken in ascending order (one statement, evaluated left to right) so two
    /// writers can never wait on each other in a cycle; released at commit or rollback.</summary>
    protected override async Task LockAsync(DbTransaction transaction, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var ordered = keys.Select(LockKey).Distinct().Order().ToList();
        await using var command = Command(
            transaction,
            "SELECT " + string.Join(", ", ordered.Select((_, i) => $"pg_advisory_xact_lock(@k{i})")),
            [.. ordered.Select((key, i) => ($"@k{i}", (object?)key))]);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The advisory lock 'storyline:stories' for the rest of the transaction: story placement, and the queue's
    /// storing step, one transaction at a time across every process on the database.</summary>
    protected override async Task<bool> LockStoriesAsync(DbTransaction transaction, bool wait, CancellationToken cancellationToken)
    {
        await using var command = Command(
            transaction, wait ? "SELECT pg_advisory_xact_lock(@k), true" : "SELECT pg_try_advisory_xact_lock(@k)", ("@k", LockKey(StoriesLockName)));
        // Waiting for the lock is waiting for another writer's batch (a worker storing up to StoreBatch articles on a
        // loaded machine can hold it past the default 30 s command timeout, which failed a worker in `bench workers`).
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return reader.GetBoolean(wait ? 1 : 0);
    }

    private static long LockKey(string key) => BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    protected override string SchemaVersionTableExistsSql =>
        "SELECT CASE WHEN to_regclass('schema_version') IS NULL THEN 0 ELSE 1 END";

    protected override string JsonValue(string parameter) => $"CAST({parameter} AS jsonb)";

    /// <summary>Nothing to do: the search column is generated from title and body by the row insert.</summary>
    protected override Task IndexAsync(DbTransaction transaction, long seq, string? title, string body, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected override async Task<IReadOnlyList<SearchHit>> SearchAsync(DbConnection connection, SearchQuery query, int limit, CancellationToken cancellationToken)
    {
        var parameters = new List<(string, object?)> { ("@limit", limit), ("@options", HeadlineOptions) };
        var tsquery = Render(query, parameters);
        // Rank in the inner query, headline only the rows kept: ts_headline re-parses the body and is the slow part.
        await using var command = Command(
            connection,
            $"SELECT {SummaryColumns}, " +
            "ts_headline('english', a.body, hits.query, @options), hits.score " +
            "FROM (SELECT a.seq, q.query, ts_rank(a.search, q.query) AS score " +
            $"      FROM articles a, (SELECT {tsquery} AS query) q WHERE a.search @@ q.query " +
            "      ORDER BY score DESC, a.seq LIMIT @limit) hits " +
            "JOIN articles a ON a.seq = hits.seq ORDER BY hits.score DESC, a.seq",
            [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var hits = new List<SearchHit>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hits.Add(new SearchHit(ReadSummary(reader), reader.GetString(8), reader.GetFloat(9)));
        }

        return hits;
    }

    /// <summary>The parsed query as a tsquery expression; every term is a parameter, never SQL text.</summary>
    private static string Render(SearchQuery query, List<(string, object?)> parameters)
    {
        string Term(SearchTerm term)
        {
            var name = $"@t{parameters.Count}";
            parameters.Add((name, term.Text));
            return $"phraseto_tsquery('english', {name})";
        }

        string Group(IReadOnlyList<SearchTerm> terms) =>
            terms.Count == 1 ? Term(terms[0]) : "(" + string.Join(" || ", terms.Select(Term)) + ")";

        var required = string.Join(" && ", query.Groups.Select(Group));
        return query.Excluded.Count == 0 ? required : $"({required}) && !!{Group(query.Excluded)}";
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
