using Storyline.Cli.Analysis;
using Storyline.Pipeline;
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
}
