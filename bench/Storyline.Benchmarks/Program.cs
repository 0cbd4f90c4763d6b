using System.Diagnostics;
using BenchmarkDotNet.Running;
using Storyline.Pipeline;

namespace Storyline.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Storyline.Benchmarks</c> runs the BenchmarkDotNet suites;
/// <c>… -- quotes</c> the quote stage alone (tokens/s); <c>… -- throughput</c> is a quick end-to-end figure: articles, characters and tokens per second, one thread,
/// per stage, over the BBC corpus; <c>… -- timex</c> the same for the temporal tagger alone; <c>… -- stories [N]</c>
/// clustering cost as the number of held articles grows; <c>… -- ingest-rate [postgres]</c> measures saving into each
/// store backend (<see cref="IngestRate"/>); <c>… -- workers [N] [postgres]</c> measures the PostgreSQL work queue with
/// 1, 2 and 4 worker processes (<see cref="WorkerRate"/>). <c>… -- --filter '*StageBenchmarks*'</c> times each stage
/// alone with its allocations. The CLI's <c>storyline bench</c> gives the end-to-end figures (all cores, ingest, memory).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["timex", ..])
        {
            Timex(args.Length > 1 ? int.Parse(args[1]) : 5);
            return;
        }

        if (args is ["quotes", ..])
        {
            Quotes(args.Length > 1 ? int.Parse(args[1]) : 5);
            return;
        }

        if (args is ["throughput", ..])
        {
            Throughput(args.Length > 1 ? int.Parse(args[1]) : 3);
            return;
        }

        if (args is ["stories", ..])
        {
            StoryThroughput(args.Length > 1 ? int.Parse(args[1]) : 100_000);
            return;
        }

        if (args is ["workers", ..])
        {
            WorkerRate.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 400, args.Length > 2 ? args[2] : null).GetAwaiter().GetResult();
            return;
        }

        if (args is ["ingest-rate", ..])
        {
            IngestRate.RunAsync(args.Length > 1 ? args[1] : null).GetAwaiter().GetResult();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    /// <summary><c>-- stories N</c>: clustering rate (one thread) per 10,000 articles added, up to N held, with the
    /// BBC corpus re-dated and varied as in <see cref="StoryClusteringBenchmarks"/>; a flat rate is the point.</summary>
    private static void StoryThroughput(int total)
    {
        var extractor = new Storyline.Stories.StoryFeatureExtractor();
        var corpus = Corpus.Articles;
        var clock = Stopwatch.StartNew();
        var features = Enumerable.Range(0, total).AsParallel().AsOrdered().Select(i => extractor.Extract(StoryClusteringBenchmarks.Variant(corpus[i % corpus.Count], i))).ToList();
        Console.WriteLine($"features of {total} articles: {clock.Elapsed.TotalSeconds:0.0} s ({total / clock.Elapsed.TotalSeconds:0} articles/s, parallel)");
        var clusterer = new Storyline.Stories.StoryClusterer();
        // CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns; the
        // loop is single-threaded, so CPU seconds are the cost per core (GC threads included).
        var process = Process.GetCurrentProcess();
        clock.Restart();
        var last = TimeSpan.Zero;
        var lastCpu = process.TotalProcessorTime;
        for (var i = 0; i < total; i++)
        {
            clusterer.Add(features[i]);
            if ((i + 1) % 10_000 == 0)
            {
                var now = clock.Elapsed;
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                Console.WriteLine($"held {i + 1,7}: {10_000 / (now - last).TotalSeconds,8:0} articles/s wall, {10_000 / (cpu - lastCpu).TotalSeconds,8:0} per CPU-second, over the last 10,000");
                (last, lastCpu) = (now, cpu);
            }
        }

        Console.WriteLine($"{clusterer.Stories().Count} stories");
    }

    /// <summary><c>-- quotes [rounds]</c>: the quote stage alone on articles already tokenised, tagged and with their
    /// entities (<see cref="QuoteBenchmarks"/>): best of a few rounds, tokens per second on one thread.</summary>
    private static void Quotes(int rounds)
    {
        var articles = QuoteBenchmarks.Inputs();
        var tokens = QuoteBenchmarks.Tokens(articles);
        var stage = new Storyline.Quotes.QuoteStage();
        var found = QuoteBenchmarks.Run(stage, articles);
        var best = TimeSpan.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            QuoteBenchmarks.Run(stage, articles);
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        Console.WriteLine($"quotes: {articles.Length} articles, {tokens / 1e6:0.00} M tokens, {found} quotes; best of {rounds}: {best.TotalSeconds:0.000} s = {tokens / best.TotalSeconds / 1e3:0} k tokens/s (one thread)");
    }

    /// <summary>The temporal tagger alone: best of a few rounds over the BBC corpus, characters per second on one thread.</summary>
    private static void Timex(int rounds)
    {
        var inputs = TimexBenchmarks.Inputs();
        var characters = inputs.Sum(i => (long)i.Text.Length);
        var found = TimexBenchmarks.TagAll(inputs);
        var best = TimeSpan.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            TimexBenchmarks.TagAll(inputs);
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        Console.WriteLine($"timex: {inputs.Length} articles, {characters / 1e6:0.00} M characters, {found} expressions; best of {rounds}: {best.TotalSeconds:0.000} s = {characters / best.TotalSeconds / 1e6:0.00} M chars/s (one thread)");
    }

    private static void Throughput(int rounds)
    {
        var articles = Corpus.Articles;
        var characters = Corpus.Characters;
        var pipeline = StandardPipeline.Create();
        Console.WriteLine($"{articles.Count} articles, {characters / 1e6:0.00} M characters; stages: {string.Join(", ", pipeline.Stages.Select(s => s.Name))}");
        // Warm-up: JIT and model loading are not part of the steady state.
        foreach (var article in articles.Take(50))
        {
            pipeline.Run(article);
        }

        var timer = new StageTimer(pipeline);
        long tokens = 0;
        var best = TimeSpan.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            tokens = 0;
            var clock = Stopwatch.StartNew();
            foreach (var article in articles)
            {
                var analysed = timer.Run(article);
                tokens += analysed.Tokens.Length;
            }

            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        var seconds = best.TotalSeconds;
        Console.WriteLine($"best of {rounds}: {seconds:0.000} s = {articles.Count / seconds:0} articles/s, {characters / seconds / 1e6:0.00} M chars/s, {tokens / seconds / 1e3:0} k tokens/s (one thread)");
        foreach (var (name, total) in timer.Totals)
        {
            var perRound = total.TotalSeconds / rounds;
            Console.WriteLine($"  {name,-12} mean {perRound:0.000} s/round = {tokens / perRound / 1e3:0} k tokens/s, {characters / perRound / 1e6:0.00} M chars/s");
        }
    }
}
