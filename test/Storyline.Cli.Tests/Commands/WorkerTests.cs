using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Storyline.Cli.Analysis;
using Storyline.Cli.Commands;
using Storyline.Ingest;
using Storyline.Output;
using Storyline.Pipeline;
using Storyline.Storage;
using Storyline.Storage.Postgres;
using Storyline.Storage.Sqlite;
using Storyline.Testing;

namespace Storyline.Cli.Tests.Commands;

/// <summary>
/// <c>ingest --queue</c> and three real <c>storyline worker</c> processes on one PostgreSQL database, one of them
/// killed (SIGKILL) while it works: every article must be analysed and stored exactly once, and the stories must be
/// those of one process analysing and storing the same input in order. Needs STORYLINE_TEST_POSTGRES (skipped
/// without it, a failure under CI) and the shared BBC corpus; works in a database of its own, dropped afterwards.
/// </summary>
public sealed class WorkerTests : IAsyncLifetime
{
    private const string Variable = "STORYLINE_TEST_POSTGRES";

    /// <summary>Articles per BBC category: 5 × 40 + the 2 seeds keeps the run to about a minute on two cores.</summary>
    private const int PerCategory = 40;

    private readonly string _folder = Directory.CreateTempSubdirectory("storyline-worker-").FullName;
    private readonly string _database = $"storyline_worker_{Guid.NewGuid():N}";
    private string? _server;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        if (_server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        }
    }

    private static string RequireServer()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server) && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail($"CI run without {Variable}: .ci/run must start PostgreSQL (.ci/postgres.sh) and export its connection string.");
        }

        Skip.If(string.IsNullOrWhiteSpace(server), $"{Variable} is not set; the worker test needs a PostgreSQL server (.ci/postgres.sh starts one).");
        return server!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;

    /// <summary>The database as the CLI takes it: postgres://user[:password]@host:port/database.</summary>
    private string Url
    {
        get
        {
            var b = new NpgsqlConnectionStringBuilder(_server);
            var user = Uri.EscapeDataString(b.Username ?? "postgres") + (b.Password is { } p ? ":" + Uri.EscapeDataString(p) : "");
            return $"postgres://{user}@{b.Host}:{b.Port}/{_database}";
        }
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private Process StartWorker()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { typeof(Program).Assembly.Location, "worker", "--db", Url, "--idle-exit", "--batch", "4" })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    /// <summary>The input: the first articles of each BBC category and the seeds, copied into one folder so the
    /// order (file names) is the same for the queue and the reference run.</summary>
    private string Inputs()
    {
        var bbc = TestData.Require("data/corpus/bbc-news-2225/bbc");
        var inputs = Path.Combine(_folder, "in");
        Directory.CreateDirectory(inputs);
        foreach (var category in Directory.GetDirectories(bbc).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(category, "*.txt").Order(StringComparer.Ordinal).Take(PerCategory))
            {
                File.Copy(file, Path.Combine(inputs, $"{Path.GetFileName(category)}-{Path.GetFileName(file)}"));
            }
        }

        foreach (var seed in Directory.GetFiles(TestData.Seeds, "*.txt"))
        {
            File.Copy(seed, Path.Combine(inputs, "seed-" + Path.GetFileName(seed)));
        }

        return inputs;
    }

    private static List<string> Partition(IEnumerable<StoredStory> stories) =>
        [.. stories.Select(s => string.Join(",", s.Members.Select(m => m.Article))).Order(StringComparer.Ordinal)];

    [SkippableFact]
    public async Task Three_workers_one_killed_store_every_article_once_with_the_stories_of_one_process()
    {
        _server = RequireServer();
        var inputs = Inputs();
        await ExecuteAsync(_server, $"CREATE DATABASE {_database}");

        using (var output = new StringWriter())
        using (var error = new StringWriter())
        {
            Assert.Equal(0, await WorkerCommand.EnqueueAsync([inputs], Url, new AnalyzeOptions(), output, error, CancellationToken.None));
        }

        var queued = await ScalarAsync("SELECT COUNT(*) FROM work_queue");
        Assert.InRange(queued, 5 * PerCategory - 10, 5 * PerCategory + 2);

        var workers = new[] { StartWorker(), StartWorker(), StartWorker() };
        try
        {
            // Kill one as soon as the workers are storing (some analysed and stored, most still pending).
            var waited = Stopwatch.StartNew();
            while (await ScalarAsync("SELECT COUNT(*) FROM work_queue WHERE state <> 'pending'") < 20 && waited.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(50);
            }

            Assert.False(workers[0].HasExited, "the worker to kill finished before the queue got going");
            workers[0].Kill();
            await workers[0].WaitForExitAsync();
            Assert.True(await ScalarAsync("SELECT COUNT(*) FROM work_queue WHERE state = 'pending'") > 0, "the kill came after the queue was drained");

            foreach (var worker in workers.Skip(1))
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
                await worker.WaitForExitAsync(timeout.Token);
                Assert.True(worker.ExitCode == 0, await worker.StandardError.ReadToEndAsync());
            }
        }
        finally
        {
            foreach (var worker in workers.Where(w => !w.HasExited))
            {
                worker.Kill();
            }
        }

        // Every queued article analysed and stored once: nothing pending or failed, one article row per queue row
        // (none duplicate within the input), one story placement per article, positions 1…N.
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM work_queue WHERE state <> 'stored'"));
        Assert.Equal(queued, await ScalarAsync("SELECT COUNT(*) FROM work_queue WHERE outcome = 'saved'"));
        Assert.Equal(queued, await ScalarAsync("SELECT COUNT(*) FROM articles"));
        Assert.Equal(queued, await ScalarAsync("SELECT COUNT(DISTINCT article_id) FROM work_queue"));
        Assert.Equal(queued, await ScalarAsync("SELECT COUNT(*) FROM story_members"));
        Assert.Equal(queued, await ScalarAsync("SELECT MAX(position) FROM story_members"));
        Assert.True(await ScalarAsync("SELECT COUNT(DISTINCT worker) FROM work_queue") >= 2);
        // Placement followed the queue, whoever analysed what.
        Assert.Equal(0, await ScalarAsync(
            "SELECT COUNT(*) FROM work_queue q JOIN story_members m ON m.article_id = q.article_id " +
            "JOIN work_queue q2 ON q2.seq < q.seq JOIN story_members m2 ON m2.article_id = q2.article_id WHERE m2.position > m.position"));

        // The reference: one process analysing the same input in order and storing it (SQLite, in this test).
        var pipeline = StandardPipeline.Create();
        var reference = Path.Combine(_folder, "reference.db");
        List<string> expected;
        await using (var single = await SqliteArticleStore.OpenAsync(reference))
        {
            foreach (var read in ArticleSource.Read([inputs]))
            {
                var input = AnalysisJson.FromArticle(((ArticleRead)read).Article, includeTokens: false);
                var analysed = WorkerCommand.Analyse(pipeline, input, TimeSpan.FromMinutes(1), CancellationToken.None);
                await single.SaveAsync(analysed.Analysis!);
            }

            expected = Partition(await single.StoriesAsync(int.MaxValue));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var store = await PostgresArticleStore.OpenAsync(ConnectionString);
        var actual = Partition(await store.StoriesAsync(int.MaxValue));
        Assert.Contains(actual, s => s.Contains(',', StringComparison.Ordinal));
        Assert.Equal(expected, actual);
    }
}
