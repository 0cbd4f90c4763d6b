using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Storyline.Output;
using Storyline.Storage.Migrations;

namespace Storyline.Storage;

/// <summary>
/// What the SQL backends share: the save transaction (duplicate check, id choice, article row, search index, entity,
/// quote and event rows), reading back, exports and migrations, over plain ADO.NET. A backend supplies its
/// connections, how a writing transaction starts and serialises against other writers, its search, and its
/// numbered migration steps (which create the tables named here).
/// </summary>
public abstract partial class SqlArticleStore : IArticleStore
{
    protected const string SummaryColumns = "a.id, a.url, a.outlet, a.title, a.published, a.text_hash, a.ingested_at, substr(a.body, 1, " + LeadLength + ")";

    /// <summary>Characters of the body a summary carries: enough for a line in a listing.</summary>
    private const string LeadLength = "200";

    private readonly IReadOnlyList<Migration> _migrations;

    protected SqlArticleStore(IReadOnlyList<Migration> migrations)
    {
        _migrations = migrations;
        KeepsStories = migrations.Any(m => m.Name == "stories");
    }

    /// <summary>The schema has the stories step (a store opened with older steps, as tests do to stand for an older
    /// Storyline, saves articles without placing them).</summary>
    private bool KeepsStories { get; }

    public abstract string Description { get; }

    /// <summary>The version the code expects: the last migration step.</summary>
    public int LatestSchemaVersion => _migrations[^1].Version;

    /// <summary>An open connection, set up for this store (per-connection settings applied).</summary>
    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Starts a transaction that will write.</summary>
    protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Makes writers that touch the same keys (a text hash, a URL) wait for each other until commit, so two saves
    /// of one article cannot both find it absent. A backend whose write transactions are already serialised does
    /// nothing here.
    /// </summary>
    protected virtual Task LockAsync(DbTransaction transaction, IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>SQL returning 1 when the schema_version table exists, else 0.</summary>
    protected abstract string SchemaVersionTableExistsSql { get; }

    /// <summary>The SQL expression that stores a JSON text parameter in the analysis column.</summary>
    protected virtual string JsonValue(string parameter) => parameter;

    /// <summary>Adds a new article to the search index, inside the save transaction.</summary>
    protected abstract Task IndexAsync(DbTransaction transaction, long seq, string? title, string body, CancellationToken cancellationToken);

    /// <summary>Runs a parsed, non-empty query; rows are read with <see cref="ReadSummary"/> (columns 0–7 as
    /// <see cref="SummaryColumns"/> lists them), then the snippet and the score.</summary>
    protected abstract Task<IReadOnlyList<SearchHit>> SearchAsync(DbConnection connection, SearchQuery query, int limit, CancellationToken cancellationToken);

    public async Task<SaveResult> SaveAsync(ArticleJson article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (ArticleKeys.Problem(article) is { } problem)
        {
            return new SaveResult(article.Id, SaveOutcome.Rejected, problem);
        }

        // One save at a time per store object: the story clusterer in memory follows the transaction (see StoriesGate).
        await _storiesGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var result = await SaveInAsync(transaction, article, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return result;
                }
            }
        }
        catch
        {
            // The transaction rolled back: a story assignment made in memory did not happen in the store.
            ForgetStories();
            throw;
        }
        finally
        {
            _storiesGate.Release();
        }
    }

    /// <summary>
    /// The save inside a writing transaction: duplicate check, article row, search index, entity, quote and event
    /// rows, and the article's story (<see cref="AssignInAsync"/>). The caller holds <see cref="_storiesGate"/> and
    /// commits; on failure it calls <see cref="ForgetStories"/>.
    /// </summary>
    protected async Task<SaveResult> SaveInAsync(DbTransaction transaction, ArticleJson article, CancellationToken cancellationToken)
    {
        if (ArticleKeys.Problem(article) is { } problem)
        {
            return new SaveResult(article.Id, SaveOutcome.Rejected, problem);
        }

        var hash = ArticleKeys.TextHash(article);
        var url = ArticleKeys.NormaliseUrl(article.Url);
        var body = ArticleKeys.Body(article);
        var analysis = JsonSerializer.Serialize(article, AnalysisJson.Compact);

        // The stories lock before the keys' locks, in every writer (the queue's storing step takes it first too), so
        // two writers never wait for each other in a cycle.
        await LockStoriesAsync(transaction, wait: true, cancellationToken).ConfigureAwait(false);
        await LockAsync(transaction, url is null ? ["text:" + hash] : ["text:" + hash, "url:" + url], cancellationToken).ConfigureAwait(false);
        if (await FindDuplicateAsync(transaction, hash, url, cancellationToken).ConfigureAwait(false) is { } duplicate)
        {
            return duplicate;
        }

        var (id, seq) = await InsertArticleAsync(transaction, article, hash, url, body, analysis, cancellationToken).ConfigureAwait(false);
        await IndexAsync(transaction, seq, article.Title, body, cancellationToken).ConfigureAwait(false);
        await InsertRowsAsync(transaction, id, article, cancellationToken).ConfigureAwait(false);
        if (KeepsStories)
        {
            await AssignInAsync(transaction, [(id, article with { Id = id })], cancellationToken).ConfigureAwait(false);
        }

        return new SaveResult(id, SaveOutcome.Saved);
    }

    private static async Task<SaveResult?> FindDuplicateAsync(DbTransaction transaction, string hash, string? url, CancellationToken cancellationToken)
    {
        var sql = url is null
            ? "SELECT id, text_hash FROM articles WHERE text_hash = @hash ORDER BY seq LIMIT 1"
            : "SELECT id, text_hash FROM articles WHERE text_hash = @hash OR url = @url ORDER BY seq LIMIT 1";
        await using var command = Command(transaction, sql, ("@hash", hash), ("@url", url));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var sameText = reader.GetString(1) == hash;
        return new SaveResult(reader.GetString(0), SaveOutcome.Duplicate, sameText ? "same text" : "same URL");
    }

    private async Task<(string Id, long Seq)> InsertArticleAsync(
        DbTransaction transaction, ArticleJson article, string hash, string? url, string body, string analysis, CancellationToken cancellationToken)
    {
        DateOnly? published = DateOnly.TryParseExact(article.Published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        await using var command = Command(
            transaction,
            "INSERT INTO articles (id, url, outlet, title, published, text_hash, ingested_at, body, analysis) " +
            $"VALUES (@id, @url, @outlet, @title, @published, @hash, @ingested, @body, {JsonValue("@analysis")}) " +
            "ON CONFLICT (id) DO NOTHING RETURNING seq",
            ("@id", null), ("@url", url), ("@outlet", article.Outlet), ("@title", article.Title), ("@published", published),
            ("@hash", hash), ("@ingested", DateTimeOffset.UtcNow), ("@body", body), ("@analysis", analysis));
        // Another article may hold this id already (two folders with a "001.txt"): try the next candidate. The
        // candidates are finite in practice (a hash-suffixed id is taken only by a copy that is not a duplicate).
        foreach (var candidate in ArticleKeys.CandidateIds(article.Id, hash))
        {
            command.Parameters["@id"].Value = candidate;
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } seq and not DBNull)
            {
                return (candidate, Convert.ToInt64(seq, CultureInfo.InvariantCulture));
            }
        }

        throw new UnreachableException();
    }

    private const string EntityInsert =
        "INSERT INTO entity_mentions (article_id, ordinal, start_offset, end_offset, text, type, entity) " +
        "VALUES (@article, @ordinal, @start, @end, @text, @type, @entity)";

    private const string QuoteInsert =
        "INSERT INTO quotes (article_id, ordinal, start_offset, end_offset, text, direct, speaker, speaker_name, speaker_start, speaker_end, cue, by_rule) " +
        "VALUES (@article, @ordinal, @start, @end, @text, @direct, @speaker, @speakerName, @speakerStart, @speakerEnd, @cue, @by)";

    private const string EventInsert =
        "INSERT INTO events (article_id, ordinal, start_offset, end_offset, text, type, actor, target, location, event_date, sentence) " +
        "VALUES (@article, @ordinal, @start, @end, @text, @type, @actor, @target, @location, @date, @sentence)";

    private static readonly string[] EntityParameters = ["@article", "@ordinal", "@start", "@end", "@text", "@type", "@entity"];

    private static readonly string[] QuoteParameters =
        ["@article", "@ordinal", "@start", "@end", "@text", "@direct", "@speaker", "@speakerName", "@speakerStart", "@speakerEnd", "@cue", "@by"];

    private static readonly string[] EventParameters =
        ["@article", "@ordinal", "@start", "@end", "@text", "@type", "@actor", "@target", "@location", "@date", "@sentence"];

    /// <summary>The entity, quote and event rows of one article: (SQL, parameter names, values), in insert order.</summary>
    private static IEnumerable<(string Sql, string[] Names, object?[] Values)> Rows(string id, ArticleJson article)
    {
        for (var i = 0; i < article.Entities.Count; i++)
        {
            var e = article.Entities[i];
            yield return (EntityInsert, EntityParameters, [id, i, e.Start, e.End, e.Text, e.Type, e.Entity]);
        }

        for (var i = 0; i < article.Quotes.Count; i++)
        {
            var q = article.Quotes[i];
            yield return (QuoteInsert, QuoteParameters, [id, i, q.Start, q.End, q.Text, q.Direct, q.Speaker, q.SpeakerName, q.SpeakerStart, q.SpeakerEnd, q.Cue, q.By]);
        }

        for (var i = 0; i < article.Events.Count; i++)
        {
            var e = article.Events[i];
            yield return (EventInsert, EventParameters, [id, i, e.Start, e.End, e.Text, e.Type, e.Actor, e.Target, e.Location, e.Date, SentenceOf(article, e.Start, e.End)]);
        }
    }

    private static async Task InsertRowsAsync(DbTransaction transaction, string id, ArticleJson article, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        if (connection.CanCreateBatch)
        {
            // One round trip for all of the article's rows (PostgreSQL): one INSERT per row each waited for cost
            // 7.3 ms of the 13.2 ms a save took (bench ingest-rate, BBC corpus, ~40 rows an article).
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var (sql, names, values) in Rows(id, article))
            {
                var row = batch.CreateBatchCommand();
#pragma warning disable CA2100 // SQL text is the store's own; every value goes in as a parameter.
                row.CommandText = sql;
#pragma warning restore CA2100
                for (var i = 0; i < names.Length; i++)
                {
                    var parameter = row.CreateParameter();
                    parameter.ParameterName = names[i];
                    parameter.Value = values[i] ?? DBNull.Value;
                    row.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(row);
            }

            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        // Otherwise (SQLite, in process: no round trip to save) one prepared command per table, run once per row.
        DbCommand? command = null;
        try
        {
            foreach (var (sql, names, values) in Rows(id, article))
            {
                if (command?.CommandText != sql)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync().ConfigureAwait(false);
                    }

                    command = Command(transaction, sql, [.. names.Select(n => (n, (object?)null))]);
                }

                for (var i = 0; i < values.Length; i++)
                {
                    command.Parameters[i].Value = values[i] ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The sentence that holds a span (the span's own text when no sentence does).</summary>
    internal static string SentenceOf(ArticleJson article, int start, int end)
    {
        foreach (var sentence in article.Sentences)
        {
            if (sentence.Start <= start && start < sentence.End)
            {
                return article.Text[sentence.Start..Math.Max(sentence.End, Math.Min(end, article.Text.Length))];
            }
        }

        return article.Text[Math.Clamp(start, 0, article.Text.Length)..Math.Clamp(end, 0, article.Text.Length)];
    }

    public async Task<StoredArticle?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, $"SELECT {SummaryColumns}, a.analysis FROM articles a WHERE a.id = @id", ("@id", id));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadStored(reader) : null;
        }
    }

    public async Task<IReadOnlyList<ArticleSummary>> ListAsync(int limit, int offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(
                connection,
                $"SELECT {SummaryColumns} FROM articles a ORDER BY a.published DESC NULLS LAST, a.seq DESC LIMIT @limit OFFSET @offset",
                ("@limit", limit), ("@offset", offset));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var list = new List<ArticleSummary>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(ReadSummary(reader));
            }

            return list;
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, "SELECT COUNT(*) FROM articles");
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var parsed = SearchQuery.Parse(query);
        if (parsed.IsEmpty || limit == 0)
        {
            return [];
        }

        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await SearchAsync(connection, parsed, limit, cancellationToken).ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<StoredArticle> ArticlesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in RowsAsync($"SELECT {SummaryColumns}, a.analysis FROM articles a ORDER BY a.seq", ReadStored, cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    public IAsyncEnumerable<QuoteRow> QuotesAsync(CancellationToken cancellationToken = default) => RowsAsync(
        "SELECT q.article_id, a.published, a.outlet, a.url, q.start_offset, q.end_offset, q.text, q.direct, q.speaker, q.speaker_name, q.cue " +
        "FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY a.seq, q.ordinal",
        r => new QuoteRow(
            r.GetString(0), Date(r, 1), Text(r, 2), Text(r, 3), r.GetInt32(4), r.GetInt32(5), r.GetString(6), r.GetBoolean(7),
            Text(r, 8), Text(r, 9), Text(r, 10)),
        cancellationToken);

    public IAsyncEnumerable<EventRow> EventsAsync(CancellationToken cancellationToken = default) => RowsAsync(
        "SELECT e.article_id, e.event_date, a.published, a.outlet, a.url, e.start_offset, e.end_offset, e.type, e.actor, e.target, e.location, e.sentence " +
        "FROM events e JOIN articles a ON a.id = e.article_id ORDER BY a.seq, e.ordinal",
        r => new EventRow(
            r.GetString(0), Text(r, 1) ?? Date(r, 2)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Text(r, 3), Text(r, 4),
            r.GetInt32(5), r.GetInt32(6), r.GetString(7), Text(r, 8), Text(r, 9), Text(r, 10), r.GetString(11)),
        cancellationToken);

    public IAsyncEnumerable<EntityMentionRow> EntityMentionsAsync(CancellationToken cancellationToken = default) => RowsAsync(
        "SELECT m.article_id, a.published, a.outlet, m.start_offset, m.end_offset, m.text, m.type, m.entity " +
        "FROM entity_mentions m JOIN articles a ON a.id = m.article_id ORDER BY a.seq, m.ordinal",
        r => new EntityMentionRow(r.GetString(0), Date(r, 1), Text(r, 2), r.GetInt32(3), r.GetInt32(4), r.GetString(5), r.GetString(6), r.GetString(7)),
        cancellationToken);

    private async IAsyncEnumerable<T> RowsAsync<T>(string sql, Func<DbDataReader, T> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, sql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return read(reader);
            }
        }
    }

    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await CurrentVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Applies the steps after the store's recorded version, all in one transaction with their schema_version rows:
    /// a store is either at the old version or the new one, never between. Writers that migrate at once wait for
    /// each other and the later one finds nothing to do. A store newer than this code is refused, not touched.
    /// </summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Most opens find the schema current: answer that without taking the write lock.
            if (await CurrentVersionAsync(connection, null, cancellationToken).ConfigureAwait(false) == LatestSchemaVersion)
            {
                return 0;
            }

            var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await LockAsync(transaction, ["storyline:migrations"], cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", cancellationToken).ConfigureAwait(false);
                var current = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                var applied = 0;
                foreach (var step in _migrations.Where(m => m.Version > current))
                {
                    await ExecuteAsync(transaction, step.Sql, cancellationToken).ConfigureAwait(false);
                    await using var record = Command(
                        transaction, "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)",
                        ("@version", step.Version), ("@name", step.Name), ("@at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    applied++;
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return applied;
            }
        }
    }

    private async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var exists = Command(connection, SchemaVersionTableExistsSql);
        exists.Transaction = transaction;
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        await using var command = Command(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
        command.Transaction = transaction;
        var version = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (version > LatestSchemaVersion)
        {
            throw new StoreSchemaException($"{Description} has schema version {version}, newer than this Storyline knows ({LatestSchemaVersion}): update Storyline to use it.");
        }

        return version;
    }

    public abstract ValueTask DisposeAsync();

    private static async Task ExecuteAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected static DbCommand Command(DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Command(transaction.Connection!, sql, parameters);
        command.Transaction = transaction;
        return command;
    }

    protected static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // SQL text is the store's own; every value goes in as a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Reads <see cref="SummaryColumns"/> at columns 0–7.</summary>
    protected static ArticleSummary ReadSummary(DbDataReader reader) => new(
        reader.GetString(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), Date(reader, 4), reader.GetString(5),
        reader.GetFieldValue<DateTimeOffset>(6), reader.GetString(7));

    private static StoredArticle ReadStored(DbDataReader reader) => new(
        ReadSummary(reader),
        JsonSerializer.Deserialize<ArticleJson>(reader.GetString(8), AnalysisJson.Options)
            ?? throw new InvalidDataException($"article {reader.GetString(0)}: stored analysis is empty"));

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateOnly? Date(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);
}
