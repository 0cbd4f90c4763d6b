using BenchmarkDotNet.Attributes;
using Storyline.Ingest;
using Storyline.Pipeline;
using Storyline.Text;

namespace Storyline.Benchmarks;

/// <summary>Ingestion and the per-article pipeline over the BBC corpus, with allocations.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private AnalysisPipeline _pipeline = null!;
    private IReadOnlyList<Article> _articles = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = StandardPipeline.Create();
        _articles = Corpus.Articles;
    }

    /// <summary>Reading 2,225 .txt files: decoding, headers, boilerplate.</summary>
    [Benchmark]
    public int Ingest() => ArticleSource.Read([Corpus.Folder]).Count();

    /// <summary>Every stage of the standard pipeline on every article, one thread.</summary>
    [Benchmark]
    public int Analyse()
    {
        var layers = 0;
        foreach (var article in _articles)
        {
            layers += _pipeline.Run(article).Sentences.Length;
        }

        return layers;
    }
}
