using BenchmarkDotNet.Attributes;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Benchmarks;

/// <summary>
/// The cost of adding articles to a clusterer that already holds 10,000 or 100,000 articles (issue 6: it must not
/// grow with what is held). The held articles are the BBC corpus re-dated across years and varied (each copy gets a
/// different date and every n-th word swapped for a number, so copies are neither duplicates nor one story); the
/// measured batch is 1,000 further variants. Features are extracted in setup: this measures clustering alone
/// (<see cref="StoryClusterer.Add"/>: index lookup, scoring, near-duplicate check, centroid update).
/// Articles per second = 1,000 / the reported mean time.
/// </summary>
[MemoryDiagnoser]
public class StoryClusteringBenchmarks
{
    private const int Batch = 1_000;

    [Params(10_000, 100_000)]
    public int Held { get; set; }

    private List<ArticleFeatures> _held = null!;
    private List<ArticleFeatures> _batch = null!;
    private StoryClusterer _clusterer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var extractor = new StoryFeatureExtractor();
        var corpus = Corpus.Articles;
        _held = [.. Enumerable.Range(0, Held).AsParallel().AsOrdered().Select(i => extractor.Extract(Variant(corpus[i % corpus.Count], i)))];
        _batch = [.. Enumerable.Range(Held, Batch).AsParallel().AsOrdered().Select(i => extractor.Extract(Variant(corpus[i % corpus.Count], i)))];
    }

    /// <summary>A fresh clusterer holding <see cref="Held"/> articles before each measured batch.</summary>
    [IterationSetup]
    public void Fill()
    {
        _clusterer = new StoryClusterer();
        foreach (var f in _held)
        {
            _clusterer.Add(f);
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int AddOneArticle()
    {
        var stories = 0;
        foreach (var f in _batch)
        {
            stories += _clusterer.Add(f).Story;
        }

        return stories;
    }

    /// <summary>Copy number <paramref name="i"/> of an article: dated 3 days further on per round through the corpus,
    /// with every 7th word (from an offset that changes per round) replaced by a number unique to the round.</summary>
    internal static Article Variant(Article article, int i)
    {
        var round = i / Corpus.Articles.Count;
        var words = article.Text.Split(' ');
        for (var w = round % 7; w < words.Length; w += 7)
        {
            words[w] = (round * 31 + w).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return article with
        {
            Id = $"{article.Id}-{i}",
            Text = string.Join(' ', words),
            Ignored = [],
            Metadata = article.Metadata with { Published = new DateOnly(2004, 1, 1).AddDays(round * 3 + i % 3) },
        };
    }
}
