using Storyline.Cli.Analysis;
using Storyline.Cli.Commands;
using Storyline.Pipeline;
using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Cli.Tests;

public sealed class BatchAnalyzerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("storyline-batch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A stage that misbehaves on articles whose text contains a marker word, and passes the others.</summary>
    private sealed class TroubleStage : IStage
    {
        public string Name => "trouble";
        public Layers Requires => Layers.Text;
        public Layers Produces => Layers.Tokens;

        public Article Process(Article article, CancellationToken cancellationToken)
        {
            if (article.Text.Contains("HANG", StringComparison.Ordinal))
            {
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Thread.Sleep(5);
                }
            }

            if (article.Text.Contains("CRASH", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("stage bug");
            }

            return article;
        }
    }

    [Fact]
    public void An_article_over_its_time_budget_or_crashing_a_stage_is_reported_and_the_rest_are_analysed()
    {
        File.WriteAllText(Path.Combine(_folder, "1.txt"), "Fine.");
        File.WriteAllText(Path.Combine(_folder, "2.txt"), "This one will HANG.");
        File.WriteAllText(Path.Combine(_folder, "3.txt"), "This one will CRASH.");
        File.WriteAllText(Path.Combine(_folder, "4.txt"), "Also fine.");
        var analyzer = new BatchAnalyzer(AnalysisPipeline.Build(new TroubleStage()), new AnalyzeOptions { ArticleBudget = TimeSpan.FromSeconds(2) });

        var result = analyzer.Run([_folder]);

        Assert.Equal(["1", "4"], result.Articles.Select(a => a.Id));
        Assert.Collection(result.Errors,
            e => Assert.Contains("longer than the 2 s budget", e.Error),
            e => Assert.Contains("internal error while analysing: InvalidOperationException: stage bug", e.Error));
        Assert.EndsWith("2.txt", result.Errors[0].Source);
    }

    [Fact]
    public void Progress_is_reported_once_per_input()
    {
        for (var i = 0; i < 5; i++)
        {
            File.WriteAllText(Path.Combine(_folder, $"{i}.txt"), "Text.");
        }

        var seen = new List<int>();
        new BatchAnalyzer(StandardPipeline.Create(), new AnalyzeOptions()).Run([_folder], seen.Add);

        Assert.Equal([1, 2, 3, 4, 5], seen);
    }

    /// <summary>The seeds, 60 BBC articles from all five sections (every 37th file), two inputs with the same name and
    /// one unreadable file: enough for dates to be lent, surnames linked across articles and ids disambiguated.</summary>
    private void CopyMixedBatch()
    {
        foreach (var seed in Directory.GetFiles(TestData.Seeds, "*.txt"))
        {
            File.Copy(seed, Path.Combine(_folder, Path.GetFileName(seed)));
        }

        var bbc = Directory.GetFiles(TestData.Require("data/corpus/bbc-news-2225/bbc"), "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < 60; i++)
        {
            var source = bbc[i * 37 % bbc.Length];
            var section = Path.Combine(_folder, Path.GetFileName(Path.GetDirectoryName(source))!);
            Directory.CreateDirectory(section);
            File.Copy(source, Path.Combine(section, Path.GetFileName(source)), overwrite: true);
        }

        Directory.CreateDirectory(Path.Combine(_folder, "zz"));
        File.WriteAllText(Path.Combine(_folder, "zz", "001.txt"), "Peskov said on Wednesday that Minsk was the best place for talks.");
        File.WriteAllBytes(Path.Combine(_folder, "zz", "binary.txt"), [0, 159, 146, 150, 0, 1, 2]);
    }

    [SkippableFact]
    public void The_analysis_JSON_is_byte_identical_with_one_thread_and_with_four()
    {
        CopyMixedBatch();

        string Json(int threads)
        {
            using var output = new StringWriter();
            AnalyzeCommand.Run([_folder], "json", includeTokens: true, new AnalyzeOptions { Threads = threads }, output);
            return output.ToString();
        }

        var one = Json(1);
        Assert.Contains("\"publishedFrom\": \"inferred\"", one);
        Assert.Contains("binary.txt", one);
        Assert.Equal(one, Json(4));
    }

    [SkippableFact]
    public void A_stream_with_date_lending_gives_the_same_items_in_the_same_order_whatever_the_thread_count()
    {
        CopyMixedBatch();

        List<string> Items(int threads) =>
        [
            .. new BatchAnalyzer(StandardPipeline.Create(), new AnalyzeOptions { Threads = threads, UniqueIds = false, LendDatesWhileStreaming = true })
                .Stream([_folder])
                .Select(i => i.Article is { } a
                    ? System.Text.Json.JsonSerializer.Serialize(Storyline.Output.AnalysisJson.FromArticle(a, includeTokens: true), Storyline.Output.AnalysisJson.Compact)
                    : "error " + i.Error!.Source + ": " + i.Error.Error),
        ];

        var one = Items(1);
        Assert.Equal(64, one.Count);
        Assert.Equal(one, Items(4));
    }

    [Fact]
    public void Stopping_a_stream_early_stops_its_workers()
    {
        for (var i = 0; i < 200; i++)
        {
            File.WriteAllText(Path.Combine(_folder, $"{i:000}.txt"), $"Report {i} says talks went on.");
        }

        var first = new BatchAnalyzer(StandardPipeline.Create(), new AnalyzeOptions { Threads = 4 }).Stream([_folder]).Take(3).ToList();

        Assert.Equal(["000", "001", "002"], first.Select(i => i.Article!.Id));
    }
}
