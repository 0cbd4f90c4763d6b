using BenchmarkDotNet.Attributes;
using Storyline.Pipeline;
using Storyline.Text;
using Storyline.Tokens;

namespace Storyline.Benchmarks;

/// <summary>
/// Each stage of the standard pipeline alone over the BBC corpus, one thread, with allocations: the input of every
/// stage (the output of the stages before it) is prepared in setup, so a benchmark times exactly one stage. Tokens
/// alone is <see cref="NewsTokenizer"/> over the raw text; "sentences" is the sentence stage, which tokenizes too.
/// Story clustering is <see cref="StoryClusteringBenchmarks"/>; the temporal tagger without its stage wrapper is
/// <see cref="TimexBenchmarks"/>. Words per second = the corpus's words / the reported mean.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private AnalysisPipeline _pipeline = null!;
    private IReadOnlyList<Article> _raw = null!;

    /// <summary>Per stage, every article as that stage receives it.</summary>
    private Dictionary<string, Article[]> _inputs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = StandardPipeline.Create();
        _raw = Corpus.Articles;
        _inputs = _pipeline.Stages.ToDictionary(s => s.Name, _ => new Article[_raw.Count]);
        for (var i = 0; i < _raw.Count; i++)
        {
            var article = _raw[i];
            foreach (var stage in _pipeline.Stages)
            {
                _inputs[stage.Name][i] = article;
                article = stage.Process(article, CancellationToken.None) with { Layers = article.Layers | stage.Produces };
            }
        }
    }

    private int Run(string stageName)
    {
        var stage = _pipeline.Stages.Single(s => s.Name == stageName);
        var produced = 0;
        foreach (var article in _inputs[stageName])
        {
            produced += stage.Process(article, CancellationToken.None).Layers.GetHashCode() & 1;
        }

        return produced;
    }

    [Benchmark]
    public int Tokens()
    {
        var tokens = 0;
        foreach (var article in _raw)
        {
            tokens += NewsTokenizer.Tokenize(article.Text).Length;
        }

        return tokens;
    }

    [Benchmark]
    public int Sentences() => Run("sentences");

    [Benchmark(Description = "POS tagger")]
    public int Pos() => Run("pos");

    [Benchmark(Description = "NER")]
    public int Entities() => Run("entities");

    [Benchmark]
    public int Times() => Run("times");

    [Benchmark]
    public int Quotes() => Run("quotes");

    [Benchmark]
    public int Events() => Run("events");
}
