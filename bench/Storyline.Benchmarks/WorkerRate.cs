using System.Diagnostics;
using Npgsql;
using Storyline.Output;
using Storyline.Storage.Postgres;

namespace Storyline.Benchmarks;

/// <summary>
/// <c>… -- workers [articles] [postgres-connection-string]</c>: queue throughput with 1, 2 and 4 <c>storyline worker</c>
/// processes (the Release CLI that <c>./storyline</c> builds) over the first N BBC articles (default 400). Each count
/// gets a fresh database: the articles are queued (<c>ingest --queue</c>'s path), the workers started together with
/// <c>--idle-exit</c>, and the rate is N / the time until the last worker exits. A worker's start (runtime, models)
/// is timed on an empty queue and reported beside it, since it counts once per process, not per article.
/// </summary>
internal static class WorkerRate
{
    public static async Task RunAsync(int count, string? postgres)
    {
        postgres ??= Environment.GetEnvironmentVariable("STORYLINE_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(postgres))
        {
            Console.WriteLine("workers: needs PostgreSQL (give a connection string or set STORYLINE_TEST_POSTGRES)");
            return;
        }

        if (PostgresUrl.IsPostgresUrl(postgres) && PostgresUrl.TryParse(postgres, out var parsed, out _))
        {
            postgres = parsed;
        }

        var cli = FindCli();
        var inputs = Corpus.Articles.Take(count).Select(a => AnalysisJson.FromArticle(a, includeTokens: false)).ToList();
        Console.WriteLine($"{Environment.ProcessorCount} cores · {inputs.Count} BBC articles · {cli}");

        // The same analysis in this process, one thread: what a worker could reach with no queue at all.
        var pipeline = Pipeline.StandardPipeline.Create();
        var baseline = Stopwatch.StartNew();
        foreach (var input in inputs)
        {
            pipeline.Run(ArticleRebuild.Input(input));
        }

        Console.WriteLine($"in-process analysis, one thread, no store: {inputs.Count / baseline.Elapsed.TotalSeconds:0.0} articles/s (load average {LoadAverage()})");

        var idle = await WithDatabaseAsync(postgres, async url =>
        {
            var clock = Stopwatch.StartNew();
            await RunWorkersAsync(cli, url, 1);
            return clock.Elapsed.TotalSeconds;
        });
        Console.WriteLine($"worker start on an empty queue (runtime, models, connect): {idle:0.0} s");

        foreach (var workers in new[] { 1, 2, 4 })
        {
            var seconds = await WithDatabaseAsync(postgres, async url =>
            {
                await using (var store = await PostgresArticleStore.OpenAsync(ConnectionString(postgres, url)))
                {
                    foreach (var input in inputs)
                    {
                        await store.EnqueueAsync(input);
                    }
                }

                var clock = Stopwatch.StartNew();
                await RunWorkersAsync(cli, url, workers);
                var elapsed = clock.Elapsed.TotalSeconds;
                if (workers == 1)
                {
                    await MeasureReplayAsync(ConnectionString(postgres, url), inputs.Count);
                }

                return elapsed;
            });
            Console.WriteLine(
                $"{workers} worker(s): {inputs.Count} articles in {seconds:0.0} s = {inputs.Count / seconds:0.0} articles/s " +
                $"({inputs.Count / Math.Max(0.1, seconds - idle):0.0} articles/s without the start; load average {LoadAverage()})");
        }
    }

    /// <summary>The 1-minute load average (Linux), since the machine may be shared.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    /// <summary>A new writer's first save replays the stored story features; its second save only places.</summary>
    private static async Task MeasureReplayAsync(string connectionString, int stored)
    {
        await using var store = await PostgresArticleStore.OpenAsync(connectionString);
        var extra = Corpus.Articles.Skip(stored).Take(2).Select(a => AnalysisJson.FromArticle(a, includeTokens: false)).ToList();
        var clock = Stopwatch.StartNew();
        await store.SaveAsync(extra[0]);
        var first = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        await store.SaveAsync(extra[1]);
        Console.WriteLine($"  a new writer's first save (replays {stored} placements): {first:0} ms; its next save: {clock.Elapsed.TotalMilliseconds:0.0} ms");
    }

    private static async Task RunWorkersAsync(string cli, string url, int workers)
    {
        var processes = Enumerable.Range(0, workers).Select(_ =>
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { cli, "worker", "--db", url, "--idle-exit" })
            {
                start.ArgumentList.Add(argument);
            }

            return Process.Start(start)!;
        }).ToList();
        foreach (var process in processes)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"worker exited with {process.ExitCode}: {await error}");
            }

            Console.WriteLine("  " + (await output).Trim());
            process.Dispose();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a new database (given as a postgres:// URL), dropped after.</summary>
    private static async Task<T> WithDatabaseAsync<T>(string server, Func<string, Task<T>> work)
    {
        var database = $"bench_workers_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {database}");
        try
        {
            var b = new NpgsqlConnectionStringBuilder(server);
            var user = Uri.EscapeDataString(b.Username ?? "postgres") + (b.Password is { } p ? ":" + Uri.EscapeDataString(p) : "");
            return await work($"postgres://{user}@{b.Host}:{b.Port}/{database}");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static string ConnectionString(string server, string url) =>
        new NpgsqlConnectionStringBuilder(server) { Database = new Uri(url).AbsolutePath.Trim('/') }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The Release CLI the launcher builds (run <c>./storyline --help</c> once to build it).</summary>
    private static string FindCli()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Storyline.slnx")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Storyline.Cli", "bin", "Release", "net10.0", "storyline.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is missing: run ./storyline --help once to build the CLI.");
            }
        }

        throw new DirectoryNotFoundException("run the benchmark from inside the repository (it looks for Storyline.slnx)");
    }
}
