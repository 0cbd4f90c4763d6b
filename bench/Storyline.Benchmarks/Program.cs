using System.Diagnostics;
using BenchmarkDotNet.Running;
using Storyline.Pipeline;

namespace Storyline.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Storyline.Benchmarks</c> runs the BenchmarkDotNet suites;
/// <c>… -- throughput</c> is a quick end-to-end figure: articles, characters and tokens per second, one thread,
/// per stage, over the BBC corpus.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["throughput", ..])
        {
            Throughput(args.Length > 1 ? int.Parse(args[1]) : 3);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
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

        var perStage = new Dictionary<string, TimeSpan>();
        long tokens = 0;
        var best = TimeSpan.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            tokens = 0;
            var clock = Stopwatch.StartNew();
            foreach (var article in articles)
            {
                var last = clock.Elapsed;
                var analysed = pipeline.Run(article, (stage, _) =>
                {
                    var now = clock.Elapsed;
                    perStage[stage.Name] = perStage.GetValueOrDefault(stage.Name) + (now - last);
                    last = now;
                });
                tokens += analysed.Tokens.Length;
            }

            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        var seconds = best.TotalSeconds;
        Console.WriteLine($"best of {rounds}: {seconds:0.000} s = {articles.Count / seconds:0} articles/s, {characters / seconds / 1e6:0.00} M chars/s, {tokens / seconds / 1e3:0} k tokens/s (one thread)");
        foreach (var (name, total) in perStage)
        {
            var perRound = total.TotalSeconds / rounds;
            Console.WriteLine($"  {name,-12} mean {perRound:0.000} s/round = {tokens / perRound / 1e3:0} k tokens/s, {characters / perRound / 1e6:0.00} M chars/s");
        }
    }
}
