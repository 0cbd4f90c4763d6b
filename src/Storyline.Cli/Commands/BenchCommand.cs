using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Npgsql;
using Spectre.Console;
using Storyline.Cli.Analysis;
using Storyline.Cli.Rendering;
using Storyline.Cli.Storage;
using Storyline.Entities;
using Storyline.Ingest;
using Storyline.Output;
using Storyline.Pipeline;
using Storyline.Storage.Postgres;
using Storyline.Text;
using Storyline.Tokens;
using Storyline.Training;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline bench [PATH]</c>: end-to-end figures on a corpus (default the 2,225 BBC articles in ../shared):
/// analysis words/s on one core and on all of them (with the time per stage), <c>ingest</c> articles/s into a
/// temporary SQLite file and, when a server is given, into PostgreSQL; peak memory; the machine and the date.
/// <c>--replay N</c> instead ingests N articles of <see cref="ReplayCorpus"/> while sampling memory.
/// </summary>
internal static class BenchCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var path = new Argument<string?>("path")
        {
            Description = "A folder or file of articles (default ../shared/data/corpus/bbc-news-2225).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var db = new Option<string?>("--db") { Description = "Where the ingest measurement writes: a SQLite file that does not exist yet, or postgres://… (default a temporary SQLite file, deleted after)." };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "Also measure ingest into PostgreSQL (postgres://… or a connection string; default env STORYLINE_TEST_POSTGRES), in a schema made for the run and dropped after it.",
        };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON instead of tables." };
        var threads = new Option<int>("--threads") { Description = "Workers for the multi-core figures (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var replay = new Option<long>("--replay") { Description = "Instead: ingest N articles of the replay stream (the corpus re-dated and varied) into a temporary SQLite file, sampling memory." };
        var every = new Option<long>("--sample-every") { Description = "With --replay: articles between memory samples (default N/20)." };
        var command = new Command("bench", "Measure analysis and ingest throughput and memory on a corpus (default the BBC corpus in ../shared).")
        {
            path, db, postgres, json, threads, replay, every,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var corpus = parse.GetValue(path) is { } given ? [given] : DefaultCorpus();
            if (corpus.Count == 0 || !corpus.All(p => Directory.Exists(p) || File.Exists(p)))
            {
                Console.Error.WriteLine("storyline: no corpus: give a PATH, or run from a repository with ../shared/data/corpus/bbc-news-2225 beside it.");
                return Task.FromResult(StoreLocation.ExitFailure);
            }

            var workers = Math.Max(1, parse.GetValue(threads));
            return parse.GetValue(replay) is > 0 and var n
                ? ReplayAsync(corpus, n, parse.GetValue(every) is > 0 and var e ? e : Math.Max(1, n / 20), workers, parse.GetValue(db), parse.GetValue(json), Console.Out, Console.Error, cancellationToken)
                : RunAsync(corpus, workers, parse.GetValue(db), parse.GetValue(postgres) ?? Environment.GetEnvironmentVariable("STORYLINE_TEST_POSTGRES"),
                    parse.GetValue(json), Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }

    /// <summary>The BBC corpus's five section folders (its bbc/ folder also holds a README.TXT that is not news).</summary>
    internal static IReadOnlyList<string> DefaultCorpus() =>
        SharedData.Data("corpus/bbc-news-2225/bbc") is { } bbc && Directory.Exists(bbc)
            ? [.. Directory.GetDirectories(bbc).Order(StringComparer.Ordinal)]
            : [];

    internal sealed record StageTime(string Stage, double Seconds, double Share);

    internal sealed record IngestFigure(string Store, int Articles, long Stored, double Seconds, double ArticlesPerSecond, int ExitCode);

    internal sealed record MemoryFigure(double PeakWorkingSetMb, double GcHeapMb, double AllocatedMb, int Gen0, int Gen1, int Gen2);

    internal sealed record Machine(string Date, string Os, string Architecture, int Cores, string Runtime);

    internal sealed record BenchReport(
        Machine Machine, string Corpus, int Articles, long Characters, long Words, long Tokens, int Threads,
        double ReadSeconds, double OneThreadSeconds, double WordsPerSecondPerCore, double AllThreadsSeconds, double WordsPerSecondTotal,
        double ArticlesPerSecondAnalysed, IReadOnlyList<StageTime> Stages, IReadOnlyList<IngestFigure> Ingest, string? PostgresNote, MemoryFigure Memory);

    internal sealed record ReplaySample(long Articles, double Seconds, double ArticlesPerSecond, double WorkingSetMb, double GcHeapMb, double PeakWorkingSetMb);

    internal sealed record ReplayReport(Machine Machine, string Corpus, long Requested, long Stored, int Threads, IReadOnlyList<ReplaySample> Samples, MemoryFigure Memory);

    internal static async Task<int> RunAsync(
        IReadOnlyList<string> corpus, int threads, string? db, string? postgres, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var articles = ArticleSource.Read(corpus, cancellationToken: cancellationToken).OfType<ArticleRead>().Select(r => r.Article).ToList();
        var readSeconds = clock.Elapsed.TotalSeconds;
        if (articles.Count == 0)
        {
            await error.WriteLineAsync($"storyline: no readable article under {string.Join(", ", corpus)}");
            return StoreLocation.ExitFailure;
        }

        var pipeline = StandardPipeline.Create();
        // Warm-up: JIT and model loading are not the steady state.
        foreach (var article in articles.Take(50))
        {
            pipeline.Run(article, cancellationToken: cancellationToken);
        }

        // One thread, with the time of each stage (a Stopwatch between stages: enough to see the hot spots).
        var timer = new StageTimer(pipeline);
        long words = 0, tokens = 0;
        clock.Restart();
        foreach (var article in articles)
        {
            var analysed = timer.Run(article, cancellationToken);
            tokens += analysed.Tokens.Length;
            words += analysed.Tokens.Count(t => t.Kind is TokenKind.Word or TokenKind.Number);
        }

        var oneThread = clock.Elapsed.TotalSeconds;
        var stages = timer.Totals.Select(p => new StageTime(p.Key, p.Value.TotalSeconds, p.Value.TotalSeconds / oneThread)).ToList();

        // All threads: the same work spread over the workers (pure CPU; the ingest figures below include reading and
        // the ordered hand-over to the store).
        clock.Restart();
        Parallel.ForEach(articles, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
            article => pipeline.Run(article, cancellationToken: cancellationToken));
        var allThreads = clock.Elapsed.TotalSeconds;

        var ingest = new List<IngestFigure>();
        var options = new AnalyzeOptions { Threads = threads };
        var temp = Directory.CreateTempSubdirectory("storyline-bench-").FullName;
        try
        {
            var target = db ?? Path.Combine(temp, "bench.db");
            if (!PostgresUrl.IsPostgresUrl(target) && File.Exists(target))
            {
                await error.WriteLineAsync($"storyline: {target} exists; bench writes only into a new file (or leave out --db).");
                return StoreLocation.ExitFailure;
            }

            ingest.Add(await MeasureIngestAsync(PostgresUrl.IsPostgresUrl(target) ? StoreLocation.Redacted(target) : "SQLite", corpus, target, articles.Count, options, error, cancellationToken));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(temp, recursive: true);
        }

        string? postgresNote = null;
        if (string.IsNullOrWhiteSpace(postgres))
        {
            postgresNote = "PostgreSQL not measured: give --postgres URL or set STORYLINE_TEST_POSTGRES.";
        }
        else
        {
            var (figure, problem) = await MeasurePostgresAsync(corpus, postgres, articles.Count, options, error, cancellationToken);
            if (figure is not null)
            {
                ingest.Add(figure);
            }

            postgresNote = problem;
        }

        var report = new BenchReport(
            DescribeMachine(), Describe(corpus), articles.Count, articles.Sum(a => (long)a.Text.Length), words, tokens, threads,
            readSeconds, oneThread, words / oneThread, allThreads, words / allThreads, articles.Count / allThreads, stages, ingest, postgresNote, MeasureMemory());
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(report, Json));
        }
        else
        {
            Render(ReportConsole.For(output), report);
        }

        // An ingest that skipped unreadable inputs (the BBC corpus has one file that is not UTF-8) still measured.
        return ingest.Any(i => i.ExitCode == StoreLocation.ExitFailure) ? StoreLocation.ExitFailure : 0;
    }

    /// <summary><c>storyline ingest</c> itself (<see cref="IngestCommand.RunAsync"/>), timed from opening the store to
    /// the last save.</summary>
    private static async Task<IngestFigure> MeasureIngestAsync(
        string name, IReadOnlyList<string> corpus, string db, int articles, AnalyzeOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var exit = await IngestCommand.RunAsync(corpus, db, options, TextWriter.Null, error, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        await using var store = await StoreLocation.OpenAsync(db, create: false, error, cancellationToken);
        var stored = store is null ? 0 : await store.CountAsync(cancellationToken);
        return new IngestFigure(name, articles, stored, seconds, articles / seconds, exit);
    }

    /// <summary>Ingest into a schema of its own on the given server, dropped afterwards, so any database will do.</summary>
    private static async Task<(IngestFigure? Figure, string? Problem)> MeasurePostgresAsync(
        IReadOnlyList<string> corpus, string postgres, int articles, AnalyzeOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        var connectionString = postgres;
        if (PostgresUrl.IsPostgresUrl(postgres))
        {
            if (!PostgresUrl.TryParse(postgres, out connectionString, out var problem))
            {
                return (null, "PostgreSQL not measured: " + problem);
            }
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            return (null, "PostgreSQL not measured: " + ex.Message);
        }

        var schema = "bench_" + Guid.NewGuid().ToString("N");
        try
        {
            await ExecuteAsync(builder.ConnectionString, $"CREATE SCHEMA {schema}", cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return (null, "PostgreSQL not measured: " + ex.Message);
        }

        try
        {
            // The ingest command takes a URL; "Search Path" is an Npgsql keyword the URL passes on.
            var url = $"postgres://{Uri.EscapeDataString(builder.Username ?? "postgres")}" +
                (builder.Password is { Length: > 0 } password ? ":" + Uri.EscapeDataString(password) : "") +
                $"@{builder.Host}:{builder.Port}/{Uri.EscapeDataString(builder.Database ?? "postgres")}?Search%20Path={schema}";
            return (await MeasureIngestAsync("PostgreSQL", corpus, url, articles, options, error, cancellationToken), null);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(builder.ConnectionString, $"DROP SCHEMA {schema} CASCADE", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// <c>--replay N</c>: N articles of <see cref="ReplayCorpus"/> through the parallel analysis into a SQLite file,
    /// as <c>ingest</c> stores them, with the process's memory every <paramref name="every"/> articles: what stays
    /// flat and what grows with the number of articles stored.
    /// </summary>
    internal static async Task<int> ReplayAsync(
        IReadOnlyList<string> corpus, long count, long every, int threads, string? db, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var baseArticles = ArticleSource.Read(corpus, cancellationToken: cancellationToken).OfType<ArticleRead>().Select(r => r.Article).ToList();
        if (baseArticles.Count == 0)
        {
            await error.WriteLineAsync($"storyline: no readable article under {string.Join(", ", corpus)}");
            return StoreLocation.ExitFailure;
        }

        var temp = Directory.CreateTempSubdirectory("storyline-replay-").FullName;
        var samples = new List<ReplaySample>();
        long stored = 0;
        try
        {
            var target = db ?? Path.Combine(temp, "replay.db");
            await using var store = await StoreLocation.OpenAsync(target, create: true, error, cancellationToken);
            if (store is null)
            {
                return StoreLocation.ExitFailure;
            }

            var analyzer = new BatchAnalyzer(StandardPipeline.Create(), new AnalyzeOptions { Threads = threads, UniqueIds = false });
            var clock = Stopwatch.StartNew();
            long done = 0;
            var lastSample = TimeSpan.Zero;
            foreach (var item in analyzer.Stream(token => ReplayCorpus.Generate(baseArticles, count, token).Select(a => (ReadResult)new ArticleRead(a)), cancellationToken))
            {
                if (item.Article is { } article)
                {
                    var result = await store.SaveAsync(AnalysisJson.FromArticle(article, includeTokens: false, EntityTable.Build([article]).NameOf), cancellationToken);
                    stored += result.IsNew ? 1 : 0;
                }

                if (++done % every == 0 || done == count)
                {
                    var now = clock.Elapsed;
                    using var process = Process.GetCurrentProcess();
                    samples.Add(new ReplaySample(done, now.TotalSeconds, (done - (samples.Count > 0 ? samples[^1].Articles : 0)) / (now - lastSample).TotalSeconds,
                        process.WorkingSet64 / 1e6, GC.GetTotalMemory(forceFullCollection: false) / 1e6, process.PeakWorkingSet64 / 1e6));
                    lastSample = now;
                    if (!json)
                    {
                        var s = samples[^1];
                        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"replay: {s.Articles} articles, {s.Seconds:0} s, {s.ArticlesPerSecond:0} articles/s, working set {s.WorkingSetMb:0} MB, GC heap {s.GcHeapMb:0} MB, peak {s.PeakWorkingSetMb:0} MB"));
                    }
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(temp, recursive: true);
        }

        var report = new ReplayReport(DescribeMachine(), Describe(corpus), count, stored, threads, samples, MeasureMemory());
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(report, Json));
            return 0;
        }

        var console = ReportConsole.For(output);
        console.Write(new Rule($"Storyline replay · {count:N0} articles · {threads} threads · {Markup.Escape(report.Machine.Date)}").LeftJustified());
        var table = new Table().AddColumns("articles", "seconds", "articles/s (interval)", "working set MB", "GC heap MB", "peak MB");
        foreach (var s in samples)
        {
            table.AddRow(Invariant($"{s.Articles:N0}"), Invariant($"{s.Seconds:0}"), Invariant($"{s.ArticlesPerSecond:0}"),
                Invariant($"{s.WorkingSetMb:0}"), Invariant($"{s.GcHeapMb:0}"), Invariant($"{s.PeakWorkingSetMb:0}"));
        }

        console.Write(table);
        console.WriteLine(Invariant($"{stored:N0} stored; {DescribeMachineLine(report.Machine)}"));
        return 0;
    }

    private static string Describe(IReadOnlyList<string> corpus) =>
        corpus.Count == 1 ? corpus[0] : Path.GetDirectoryName(corpus[0].TrimEnd(Path.DirectorySeparatorChar)) + " (" + corpus.Count + " folders)";

    private static Machine DescribeMachine() => new(
        DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), RuntimeInformation.OSDescription,
        RuntimeInformation.OSArchitecture.ToString(), Environment.ProcessorCount, RuntimeInformation.FrameworkDescription);

    private static string DescribeMachineLine(Machine m) => $"{m.Cores} cores, {m.Architecture}, {m.Os}, {m.Runtime}, {m.Date}";

    private static MemoryFigure MeasureMemory()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var info = GC.GetGCMemoryInfo();
        return new MemoryFigure(process.PeakWorkingSet64 / 1e6, info.HeapSizeBytes / 1e6, GC.GetTotalAllocatedBytes() / 1e6,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Render(IAnsiConsole console, BenchReport r)
    {
        console.Write(new Rule($"Storyline bench · {r.Articles:N0} articles · {r.Characters / 1e6:0.0} M characters · {r.Words:N0} words").LeftJustified());
        var table = new Table().AddColumns("what", "figure");
        table.AddRow("analysis, 1 thread", Invariant($"{r.WordsPerSecondPerCore / 1e3:0.0} k words/s per core ({r.OneThreadSeconds:0.0} s)"));
        table.AddRow(Invariant($"analysis, {r.Threads} threads"), Invariant($"{r.WordsPerSecondTotal / 1e3:0.0} k words/s total, {r.ArticlesPerSecondAnalysed:0} articles/s ({r.AllThreadsSeconds:0.0} s)"));
        foreach (var i in r.Ingest)
        {
            table.AddRow(Markup.Escape($"ingest into {i.Store}"), Invariant($"{i.ArticlesPerSecond:0} articles/s ({i.Stored:N0} stored in {i.Seconds:0.0} s{(i.ExitCode == 0 ? "" : i.ExitCode == AnalyzeCommand.ExitSkipped ? "; some inputs skipped" : $"; failed, exit {i.ExitCode}")})"));
        }

        if (r.PostgresNote is not null)
        {
            table.AddRow("ingest into PostgreSQL", Markup.Escape(r.PostgresNote));
        }

        table.AddRow("reading the files", Invariant($"{r.ReadSeconds:0.00} s ({r.Articles / r.ReadSeconds:0} articles/s)"));
        table.AddRow("peak working set", Invariant($"{r.Memory.PeakWorkingSetMb:0} MB (GC heap now {r.Memory.GcHeapMb:0} MB; {r.Memory.AllocatedMb / 1e3:0.0} GB allocated; GCs {r.Memory.Gen0}/{r.Memory.Gen1}/{r.Memory.Gen2})"));
        table.AddRow("machine", Markup.Escape(DescribeMachineLine(r.Machine)));
        console.Write(table);

        var stages = new Table().AddColumns("stage (1 thread)", "seconds", "share", "k words/s");
        foreach (var s in r.Stages)
        {
            stages.AddRow(Markup.Escape(s.Stage), Invariant($"{s.Seconds:0.00}"), Invariant($"{s.Share:P0}"), Invariant($"{r.Words / s.Seconds / 1e3:0}"));
        }

        console.Write(stages);
    }
}
