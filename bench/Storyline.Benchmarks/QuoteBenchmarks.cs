using BenchmarkDotNet.Attributes;
using Storyline.Pipeline;
using Storyline.Quotes;
using Storyline.Text;

namespace Storyline.Benchmarks;

/// <summary>
/// The quote stage alone (quotes, reported speech, speakers and their entity ids) over the BBC corpus: the stages
/// production runs before it (sentences and tokens, POS, entities, times) run once in setup, so only the quote stage is
/// timed. Tokens per second = <see cref="Tokens"/> / mean time of <see cref="Quotes"/> (issue 5's target: at least
/// 200k tokens/s on one core on top of the language layer).
/// </summary>
[MemoryDiagnoser]
public class QuoteBenchmarks
{
    private Article[] _articles = null!;
    private readonly QuoteStage _stage = new();

    [GlobalSetup]
    public void Setup() => _articles = Inputs();

    /// <summary>Every article as the quote stage receives it in production.</summary>
    public static Article[] Inputs()
    {
        var stages = StandardPipeline.Create().Stages;
        var before = AnalysisPipeline.Build(stages.TakeWhile(s => s is not QuoteStage));
        return Corpus.Articles.Select(a => before.Run(a)).ToArray();
    }

    public static long Tokens(Article[] articles) => articles.Sum(a => (long)a.Tokens.Length);

    /// <summary>The quote stage on all 2,225 articles, one thread; returns the number of quotes found.</summary>
    [Benchmark]
    public int Quotes() => Run(_stage, _articles);

    public static int Run(QuoteStage stage, Article[] articles)
    {
        var found = 0;
        foreach (var article in articles)
        {
            found += stage.Process(article, CancellationToken.None).Quotes.Length;
        }

        return found;
    }
}
