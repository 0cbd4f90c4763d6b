using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Storyline.Output;
using Storyline.Stories;

namespace Storyline.Storage;

/// <summary>
/// Stories kept incrementally (migration 0002_stories). Each new article is placed in a story inside its save
/// transaction, under a lock that serialises placement across processes (SQLite: the write lock; PostgreSQL: the
/// advisory lock 'storyline:stories'), so the positions 1, 2, 3, … are one total order and the story_members rows always
/// agree with a <see cref="StoryClusterer"/> fed the articles in that order.
/// <para>State: the clusterer's inverted index, centroids and signatures are NOT persisted; a writer rebuilds them in
/// memory on its first save by replaying the stored features (story_members.features) in position order, then keeps
/// them and only replays what other processes added since (read under the lock). Replay is exact because the clusterer
/// is deterministic and its input is stored verbatim; it needs no serialised copy of the clusterer's internals, and a
/// clusterer whose rules changed re-derives its state from the same features (the stored story numbers are checked
/// against the replay and corrected). The cost: one pass over the stored features per writing process (measured with
/// <c>bench stories-replay</c>), after which a save costs the same whatever the store holds (the clusterer's Add is
/// bounded, see <see cref="StoryClusterer"/>). Readers never replay: they group story_members.</para>
/// </summary>
public abstract partial class SqlArticleStore
{
    private const string StoriesLock = "storyline:stories";

    /// <summary>Articles read per query when assigning the articles stored before stories were kept.</summary>
    private const int BackfillBatch = 256;

    private static readonly StoryFeatureExtractor Extractor = new();

    /// <summary>One writing transaction at a time per store object: the in-memory clusterer changes with the
    /// transaction and is dropped when the transaction fails, before another one may use it.</summary>
    private readonly SemaphoreSlim _storiesGate = new(1, 1);

    /// <summary>The clusterer as of the last committed assignment this object saw (positions 1…Count), or null when
    /// it must be replayed from the store.</summary>
    private StoryClusterer? _clusterer;

    /// <summary>
    /// Takes the lock that serialises story assignment across processes, held until the transaction ends. Returns
    /// false when <paramref name="wait"/> is false and another transaction holds it. The default is for a backend
    /// whose write transactions are serialised already (SQLite's BEGIN IMMEDIATE).
    /// </summary>
    protected virtual Task<bool> LockStoriesAsync(DbTransaction transaction, bool wait, CancellationToken cancellationToken) =>
        Task.FromResult(true);

    /// <summary>Drops the in-memory clusterer: the next assignment replays it from the store.</summary>
    protected void ForgetStories() => _clusterer = null;

    /// <summary>Serialises writing transactions of this object (see <see cref="_storiesGate"/>).</summary>
    protected Task EnterStoriesAsync(CancellationToken cancellationToken) => _storiesGate.WaitAsync(cancellationToken);

    protected void LeaveStories() => _storiesGate.Release();

    /// <summary>The lock name as the backend's advisory-lock key space sees it.</summary>
    protected static string StoriesLockName => StoriesLock;

    public async Task<int> AssignStoriesAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Almost always: nothing to do, answered without the write lock.
            await using (var check = Command(connection, "SELECT backfilled FROM story_state"))
            {
                if (Convert.ToBoolean(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture))
                {
                    return 0;
                }
            }
        }

        await _storiesGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    await LockStoriesAsync(transaction, wait: true, cancellationToken).ConfigureAwait(false);
                    var clusterer = await CatchUpAsync(transaction, cancellationToken).ConfigureAwait(false);
                    var assigned = await BackfillAsync(transaction, clusterer, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return assigned;
                }
            }
        }
        catch
        {
            ForgetStories();
            throw;
        }
        finally
        {
            _storiesGate.Release();
        }
    }

    /// <summary>Places new articles (already inserted by this transaction, ids as stored) in stories, in the order
    /// given, after every article placed before. The caller holds <see cref="_storiesGate"/>.</summary>
    protected async Task AssignInAsync(DbTransaction transaction, IReadOnlyList<(string Id, ArticleJson Article)> articles, CancellationToken cancellationToken)
    {
        await LockStoriesAsync(transaction, wait: true, cancellationToken).ConfigureAwait(false);
        var clusterer = await CatchUpAsync(transaction, cancellationToken).ConfigureAwait(false);
        await BackfillAsync(transaction, clusterer, cancellationToken).ConfigureAwait(false);
        foreach (var (id, article) in articles)
        {
            await AssignOneAsync(transaction, clusterer, id, article, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Brings the in-memory clusterer up to the store's last position (replaying everything the first time,
    /// then only what other processes placed since). Runs under the stories lock.</summary>
    private async Task<StoryClusterer> CatchUpAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        var fresh = _clusterer is null;
        var clusterer = _clusterer ??= new StoryClusterer();
        var stored = new List<int>();
        await using (var command = Command(transaction, "SELECT position, story, features FROM story_members WHERE position > @from ORDER BY position", ("@from", (long)clusterer.Count)))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var position = reader.GetInt64(0);
                if (position != clusterer.Count + 1)
                {
                    throw new InvalidDataException($"{Description}: story position {position} follows {clusterer.Count}; positions must run 1, 2, 3, …");
                }

                clusterer.Add(StoryFeaturesJson.Read(reader.GetString(2)));
                if (fresh)
                {
                    stored.Add(reader.GetInt32(1));
                }
            }
        }

        if (fresh)
        {
            // Stories placed by a clusterer with other rules (an older Storyline) are re-derived from the same input:
            // the store then shows what this clusterer would have made, and placing the next article agrees with it.
            await using var fix = Command(transaction, "UPDATE story_members SET story = @story WHERE position = @position", ("@story", 0), ("@position", 0L));
            for (var i = 0; i < stored.Count; i++)
            {
                var story = clusterer.StoryOf(i);
                if (story != stored[i])
                {
                    fix.Parameters[0].Value = story;
                    fix.Parameters[1].Value = (long)(i + 1);
                    await fix.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return clusterer;
    }

    /// <summary>Places the articles stored before stories were kept (once, oldest first). Returns how many.</summary>
    private static async Task<int> BackfillAsync(DbTransaction transaction, StoryClusterer clusterer, CancellationToken cancellationToken)
    {
        long through;
        await using (var state = Command(transaction, "SELECT backfilled, backfill_through FROM story_state"))
        {
            await using var reader = await state.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || Convert.ToBoolean(reader.GetValue(0), CultureInfo.InvariantCulture))
            {
                return 0;
            }

            through = reader.GetInt64(1);
        }

        var assigned = 0;
        var after = 0L;
        while (true)
        {
            var batch = new List<(long Seq, string Id, string Analysis)>();
            await using (var command = Command(
                transaction,
                "SELECT a.seq, a.id, a.analysis FROM articles a WHERE a.seq > @after AND a.seq <= @through " +
                "AND NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id) ORDER BY a.seq LIMIT @limit",
                ("@after", after), ("@through", through), ("@limit", BackfillBatch)))
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    batch.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
                }
            }

            foreach (var (seq, id, analysis) in batch)
            {
                var article = JsonSerializer.Deserialize<ArticleJson>(analysis, AnalysisJson.Options)
                    ?? throw new InvalidDataException($"article {id}: stored analysis is empty");
                await AssignOneAsync(transaction, clusterer, id, article with { Id = id }, cancellationToken).ConfigureAwait(false);
                after = seq;
                assigned++;
            }

            if (batch.Count < BackfillBatch)
            {
                break;
            }
        }

        await using (var done = Command(transaction, "UPDATE story_state SET backfilled = @done", ("@done", true)))
        {
            await done.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return assigned;
    }

    private static async Task AssignOneAsync(DbTransaction transaction, StoryClusterer clusterer, string id, ArticleJson article, CancellationToken cancellationToken)
    {
        // Features from the analysis as stored (not from the in-memory article a caller may hold): placement is a
        // function of what the store keeps, so replaying the store, ingesting in one run or in several, and any
        // number of workers all see the same input.
        var features = Extractor.Extract(ArticleRebuild.FromJson(article));
        var placed = clusterer.Add(features);
        await using (var insert = Command(
            transaction,
            "INSERT INTO story_members (position, article_id, story, copy_of, by_rule, score, features) " +
            "VALUES (@position, @article, @story, @copy, @by, @score, @features)",
            ("@position", (long)clusterer.Count), ("@article", id), ("@story", placed.Story), ("@copy", placed.CopyOf),
            ("@by", placed.By), ("@score", placed.Score), ("@features", StoryFeaturesJson.Write(features))))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (placed.Absorbed is { } absorbed)
        {
            // A merge: the younger story's articles move to the older one (cost: the size of the younger story).
            await using var move = Command(transaction, "UPDATE story_members SET story = @story WHERE story = @absorbed",
                ("@story", placed.Story), ("@absorbed", absorbed));
            await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The stories of a page as SQL: story number, size, first and last date, first position, each story's
    /// members in position order; <paramref name="where"/> filters the members grouped.</summary>
    private static string StoriesSql(string where, string page) =>
        "WITH grouped AS (" +
        "  SELECT m.story, COUNT(*) AS size, MIN(a.published) AS first_date, MAX(a.published) AS last_date, MIN(m.position) AS first_position " +
        $"  FROM story_members m JOIN articles a ON a.id = m.article_id {where} GROUP BY m.story), " +
        $"page AS (SELECT story, size, first_date, last_date, first_position FROM grouped ORDER BY last_date DESC NULLS LAST, size DESC, first_position {page}) " +
        "SELECT p.story, p.first_date, p.last_date, m.position, m.article_id, m.copy_of, m.by_rule, m.score " +
        "FROM page p JOIN story_members m ON m.story = p.story " +
        "ORDER BY p.last_date DESC NULLS LAST, p.size DESC, p.first_position, m.position";

    public async Task<IReadOnlyList<StoredStory>> StoriesAsync(int limit, int offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var list = new List<StoredStory>();
        await foreach (var story in ReadStoriesAsync(StoriesSql("", "LIMIT @limit OFFSET @offset"), [("@limit", limit), ("@offset", offset)], cancellationToken).ConfigureAwait(false))
        {
            list.Add(story);
        }

        return list;
    }

    public async Task<StoredStory?> StoryOfAsync(string articleId, CancellationToken cancellationToken = default)
    {
        await foreach (var story in ReadStoriesAsync(
            StoriesSql("WHERE m.story = (SELECT s.story FROM story_members s WHERE s.article_id = @article)", ""),
            [("@article", articleId)], cancellationToken).ConfigureAwait(false))
        {
            return story;
        }

        return null;
    }

    public async Task<StoredStory?> StoryAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        // A story's id names its first article, which stays first through merges (the older story survives).
        return id.StartsWith(StoredStory.IdPrefix, StringComparison.Ordinal)
            && await StoryOfAsync(id[StoredStory.IdPrefix.Length..], cancellationToken).ConfigureAwait(false) is { } story && story.Id == id
            ? story
            : null;
    }

    public async Task<long> StoryCountAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, "SELECT COUNT(DISTINCT story) FROM story_members");
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
    }

    private async IAsyncEnumerable<StoredStory> ReadStoriesAsync(
        string sql, (string, object?)[] parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            int? current = null;
            DateOnly? start = null, end = null;
            var members = ImmutableArray.CreateBuilder<StoryMember>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var story = reader.GetInt32(0);
                if (current is { } previous && previous != story)
                {
                    yield return new StoredStory(previous, start, end, members.ToImmutable());
                    members.Clear();
                }

                current = story;
                start = Date(reader, 1);
                end = Date(reader, 2);
                members.Add(new StoryMember(reader.GetString(4), reader.GetInt64(3), Text(reader, 5), reader.GetString(6), reader.GetDouble(7)));
            }

            if (current is { } last)
            {
                yield return new StoredStory(last, start, end, members.ToImmutable());
            }
        }
    }
}

/// <summary><see cref="ArticleFeatures"/> as the compact JSON story_members keeps: replaying it gives the clusterer
/// exactly the input it had (feature order, counts, date and the MinHash signature bit for bit).</summary>
internal static class StoryFeaturesJson
{
    public static string Write(ArticleFeatures features)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", features.ArticleId);
            if (features.Date is { } date)
            {
                json.WriteString("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            json.WriteStartArray("f");
            foreach (var f in features.Features)
            {
                json.WriteStartArray();
                json.WriteStringValue(f.Key);
                json.WriteNumberValue((int)f.Kind);
                json.WriteNumberValue(f.Count);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            var bytes = new byte[features.Signature.Length * sizeof(ulong)];
            Buffer.BlockCopy(features.Signature, 0, bytes, 0, bytes.Length);
            json.WriteBase64String("sig", bytes);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static ArticleFeatures Read(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        DateOnly? date = root.TryGetProperty("date", out var d)
            ? DateOnly.ParseExact(d.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
        var features = ImmutableArray.CreateBuilder<FeatureCount>();
        foreach (var f in root.GetProperty("f").EnumerateArray())
        {
            features.Add(new FeatureCount(f[0].GetString()!, (FeatureKind)f[1].GetInt32(), f[2].GetInt32()));
        }

        var bytes = root.GetProperty("sig").GetBytesFromBase64();
        var signature = new ulong[bytes.Length / sizeof(ulong)];
        Buffer.BlockCopy(bytes, 0, signature, 0, bytes.Length);
        return new ArticleFeatures(root.GetProperty("id").GetString()!, date, features.ToImmutable(), signature);
    }
}
