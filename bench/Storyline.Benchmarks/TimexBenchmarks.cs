using BenchmarkDotNet.Attributes;
using Storyline.Pipeline;
using Storyline.Sentences;
using Storyline.Text;
using Storyline.Time;

namespace Storyline.Benchmarks;

/// <summary>
/// The temporal tagger alone over the BBC corpus: sentences are split once in setup, so only tagging and
/// normalisation are timed. Characters per second = <see cref="Corpus.Characters"/> / mean time of <see cref="Tag"/>
/// (the target: at least 1M characters/s on one core).
/// </summary>
[MemoryDiagnoser]
public class TimexBenchmarks
{
    // The BBC texts carry no dates; a fixed reference keeps every relative expression resolved (the slower path).
    private static readonly DateOnly Reference = new(2005, 6, 15);

    private (string Text, List<TextSpan> Sentences)[] _inputs = null!;

    [GlobalSetup]
    public void Setup() => _inputs = Inputs();

    /// <summary>Every article's text with its sentence spans from the product's splitter.</summary>
    public static (string Text, List<TextSpan> Sentences)[] Inputs()
    {
        var splitter = AnalysisPipeline.Build(new SentenceStage());
        return Corpus.Articles.Select(a => (a.Text, splitter.Run(a).Sentences.Select(s => s.Span).ToList())).ToArray();
    }

    /// <summary>Tags all 2,225 articles, one thread; returns the number of expressions found.</summary>
    [Benchmark]
    public int Tag() => TagAll(_inputs);

    public static int TagAll((string Text, List<TextSpan> Sentences)[] inputs)
    {
        var found = 0;
        foreach (var (text, sentences) in inputs)
        {
            found += TimexTagger.Tag(text, sentences, Reference).Length;
        }

        return found;
    }
}
