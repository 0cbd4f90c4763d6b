using System.Globalization;
using System.Text.Json;
using Npgsql;
using Storyline.Output;

namespace Storyline.Storage.Postgres;

/// <summary>What a worker's analysis of one queued article gave: the analysis, or why there is none.</summary>
public sealed record QueuedAnalysis(ArticleJson? Analysis, string? Error);

/// <summary>How many queued articles are in each state.</summary>
public sealed record QueueCounts(long Pending, long Analysed, long Failed, long Stored)
{
    /// <summary>Nothing is left to analyse or to store.</summary>
    public bool Drained => Pending == 0 && Analysed == 0;
}

/// <summary>
/// The work queue in PostgreSQL (<c>storyline ingest --queue</c>, <c>storyline worker</c>), with no coordinator: the
/// database is the only shared thing.
/// <list type="number">
/// <item>Enqueue: the article as read goes into work_queue in input order (seq); one entry per article (same text
/// hash or URL as a queued or stored article: a duplicate, not queued).</item>
/// <item>Analyse (<see cref="AnalyseAsync"/>, any number of workers on any machines): a transaction claims up to N
/// pending rows with <c>SELECT … FOR UPDATE SKIP LOCKED</c> (workers never wait for each other's rows), analyses them,
/// writes each analysis into its row and commits. A worker killed mid-batch holds only an open transaction: it rolls
/// back, the rows are pending again and the next claim takes them, so every article is analysed and written once.</item>
/// <item>Store (<see cref="StoreAnalysedAsync"/>): whoever holds the advisory lock 'storyline:stories' saves the
/// analysed rows in seq order, stopping at the first row still pending, and each save places the article in a story
/// (<see cref="SqlArticleStore"/>). Saving, duplicate detection and story placement thus happen in enqueue order,
/// whichever worker analysed what and when: the stories equal those of one process ingesting the same input in order.
/// The saves and the rows' 'stored' marks commit together, so a kill here also leaves nothing half done.</item>
/// </list>
/// </summary>
public sealed partial class PostgresArticleStore
{
    /// <summary>Rows stored per transaction by <see cref="StoreAnalysedAsync"/>: bounds how long one holds the lock.</summary>
    private const int StoreBatch = 50;

    /// <summary>Queues an article as read (no analysis layers) for the workers. Saved means queued; Duplicate means
    /// the store or the queue holds it already (same normalised text or URL); Rejected says why it cannot be stored.</summary>
    public async Task<SaveResult> EnqueueAsync(ArticleJson input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (ArticleKeys.Problem(input) is { } problem)
        {
            return new SaveResult(input.Id, SaveOutcome.Rejected, problem);
        }

        var hash = ArticleKeys.TextHash(input);
        var url = ArticleKeys.NormaliseUrl(input.Url);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "INSERT INTO work_queue (source, input, text_hash, url) " +
            "SELECT @source, CAST(@input AS jsonb), @hash, @url " +
            "WHERE NOT EXISTS (SELECT 1 FROM articles WHERE text_hash = @hash OR url = @url) " +
            "ON CONFLICT DO NOTHING RETURNING seq", connection);
        command.Parameters.AddWithValue("source", input.Source);
        command.Parameters.AddWithValue("input", JsonSerializer.Serialize(input, AnalysisJson.Compact));
        command.Parameters.AddWithValue("hash", hash);
        command.Parameters.Add(new NpgsqlParameter("url", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)url ?? DBNull.Value });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null
            ? new SaveResult(input.Id, SaveOutcome.Duplicate, "already queued or stored")
            : new SaveResult(input.Id, SaveOutcome.Saved);
    }

    /// <summary>
    /// Claims up to <paramref name="batch"/> pending articles (oldest first, skipping rows other workers hold),
    /// analyses each with <paramref name="analyse"/> and writes the results, all in one transaction. Returns how many
    /// it analysed (0: nothing pending that nobody holds).
    /// </summary>
    public async Task<int> AnalyseAsync(
        int batch, string worker, Func<ArticleJson, CancellationToken, QueuedAnalysis> analyse, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        ArgumentNullException.ThrowIfNull(analyse);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        var claimed = new List<(long Seq, ArticleJson Input)>();
        await using (var claim = new NpgsqlCommand(
            "SELECT seq, input FROM work_queue WHERE state = 'pending' ORDER BY seq LIMIT @batch FOR UPDATE SKIP LOCKED", connection, transaction))
        {
            claim.Parameters.AddWithValue("batch", batch);
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add((reader.GetInt64(0), JsonSerializer.Deserialize<ArticleJson>(reader.GetString(1), AnalysisJson.Options)!));
            }
        }

        await using var write = new NpgsqlCommand(
            "UPDATE work_queue SET state = @state, analysis = CAST(@analysis AS jsonb), error = @error, worker = @worker, analysed_at = now() " +
            "WHERE seq = @seq AND state = 'pending'", connection, transaction);
        var state = write.Parameters.Add(new NpgsqlParameter("state", NpgsqlTypes.NpgsqlDbType.Text));
        var analysis = write.Parameters.Add(new NpgsqlParameter("analysis", NpgsqlTypes.NpgsqlDbType.Text));
        var error = write.Parameters.Add(new NpgsqlParameter("error", NpgsqlTypes.NpgsqlDbType.Text));
        write.Parameters.AddWithValue("worker", worker);
        var seq = write.Parameters.Add(new NpgsqlParameter("seq", NpgsqlTypes.NpgsqlDbType.Bigint));
        foreach (var (number, input) in claimed)
        {
            var result = analyse(input, cancellationToken);
            state.Value = result.Analysis is null ? "failed" : "analysed";
            analysis.Value = result.Analysis is null ? DBNull.Value : JsonSerializer.Serialize(result.Analysis, AnalysisJson.Compact);
            error.Value = (object?)result.Error ?? DBNull.Value;
            seq.Value = number;
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return claimed.Count;
    }

    /// <summary>
    /// Stores the analysed articles in queue order, up to the first one still pending, each placed in its story.
    /// With <paramref name="wait"/> false, returns 0 at once when another process is storing (it will go on past
    /// what this one analysed, or the next call will). Returns how many rows it stored.
    /// </summary>
    public async Task<int> StoreAnalysedAsync(bool wait, CancellationToken cancellationToken = default)
    {
        var stored = 0;
        while (true)
        {
            var (count, more) = await StoreBatchAsync(wait, cancellationToken).ConfigureAwait(false);
            stored += count;
            if (!more)
            {
                return stored;
            }

            // This process had the lock and there is more: keep going, waiting for the lock between batches.
            wait = true;
        }
    }

    private async Task<(int Stored, bool More)> StoreBatchAsync(bool wait, CancellationToken cancellationToken)
    {
        await EnterStoriesAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
            if (!await LockStoriesAsync(transaction, wait, cancellationToken).ConfigureAwait(false))
            {
                return (0, false);
            }

            var rows = new List<(long Seq, string State, string? Analysis)>();
            await using (var next = new NpgsqlCommand(
                "SELECT seq, state, analysis FROM work_queue WHERE state IN ('pending', 'analysed') ORDER BY seq LIMIT @limit", connection, transaction))
            {
                next.Parameters.AddWithValue("limit", StoreBatch);
                await using var reader = await next.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
                }
            }

            await using var mark = new NpgsqlCommand(
                "UPDATE work_queue SET state = 'stored', article_id = @article, outcome = @outcome, error = COALESCE(@reason, error) WHERE seq = @seq",
                connection, transaction);
            var article = mark.Parameters.Add(new NpgsqlParameter("article", NpgsqlTypes.NpgsqlDbType.Text));
            var outcome = mark.Parameters.Add(new NpgsqlParameter("outcome", NpgsqlTypes.NpgsqlDbType.Text));
            var reason = mark.Parameters.Add(new NpgsqlParameter("reason", NpgsqlTypes.NpgsqlDbType.Text));
            var seq = mark.Parameters.Add(new NpgsqlParameter("seq", NpgsqlTypes.NpgsqlDbType.Bigint));
            var stored = 0;
            foreach (var row in rows)
            {
                if (row.State == "pending")
                {
                    // Everything after waits for this one, so placement stays in enqueue order.
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return (stored, false);
                }

                var analysed = JsonSerializer.Deserialize<ArticleJson>(row.Analysis!, AnalysisJson.Options)!;
                var saved = await SaveInAsync(transaction, analysed, cancellationToken).ConfigureAwait(false);
                article.Value = saved.Id;
                outcome.Value = saved.Outcome.ToString().ToLowerInvariant();
                reason.Value = (object?)saved.Reason ?? DBNull.Value;
                seq.Value = row.Seq;
                await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                stored++;
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (stored, rows.Count == StoreBatch);
        }
        catch
        {
            ForgetStories();
            throw;
        }
        finally
        {
            LeaveStories();
        }
    }

    public async Task<QueueCounts> QueueCountsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT state, COUNT(*) FROM work_queue GROUP BY state", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return new QueueCounts(
            counts.GetValueOrDefault("pending"), counts.GetValueOrDefault("analysed"), counts.GetValueOrDefault("failed"),
            counts.GetValueOrDefault("stored"));
    }

    /// <summary>host:pid, for work_queue.worker.</summary>
    public static string WorkerName => string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{Environment.ProcessId}");
}
