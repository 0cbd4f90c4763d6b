using System.Text.Json;
using Storyline.Cli.Analysis;
using Storyline.Cli.Commands;
using Storyline.Text;

namespace Storyline.Cli.Tests.Commands;

public sealed class BenchCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("storyline-bench-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private void WriteArticles(int count)
    {
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(_folder, $"{i:00}.txt"),
                $"title: Report {i}\n\nThe minister said on Friday that talks would resume in Geneva. Report {i} has {i} more words.");
        }
    }

    [Fact]
    public async Task The_bench_reports_words_ingest_and_memory_as_JSON()
    {
        WriteArticles(6);
        using var output = new StringWriter();

        var exit = await BenchCommand.RunAsync([_folder], threads: 2, db: null, postgres: null, json: true, output, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, exit);
        using var report = JsonDocument.Parse(output.ToString());
        var root = report.RootElement;
        Assert.Equal(6, root.GetProperty("articles").GetInt32());
        Assert.True(root.GetProperty("words").GetInt64() > 6 * 15);
        Assert.True(root.GetProperty("wordsPerSecondPerCore").GetDouble() > 0);
        var ingest = Assert.Single(root.GetProperty("ingest").EnumerateArray());
        Assert.Equal(6, ingest.GetProperty("stored").GetInt64());
        Assert.Contains("PostgreSQL not measured", root.GetProperty("postgresNote").GetString());
        Assert.True(root.GetProperty("memory").GetProperty("peakWorkingSetMb").GetDouble() > 0);
        Assert.Equal(Environment.ProcessorCount, root.GetProperty("machine").GetProperty("cores").GetInt32());
        Assert.Equal(["sentences", "pos", "entities", "times", "quotes", "events"],
            root.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
    }

    [Fact]
    public async Task The_replay_bench_stores_every_generated_article_and_samples_memory()
    {
        WriteArticles(4);
        using var output = new StringWriter();

        var exit = await BenchCommand.ReplayAsync([_folder], count: 10, every: 5, threads: 2, db: null, json: true, output, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, exit);
        using var report = JsonDocument.Parse(output.ToString());
        Assert.Equal(10, report.RootElement.GetProperty("stored").GetInt64());
        Assert.Equal([5L, 10L], report.RootElement.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("articles").GetInt64()));
    }

    private static Article Base(string id, string text) =>
        new() { Id = id, Text = text, Metadata = new ArticleMetadata { Source = id + ".txt" } };

    [Fact]
    public void Replay_copies_differ_from_each_other_keep_paragraphs_and_move_forward_in_time()
    {
        var text = "Talks resumed in Geneva on Friday, officials said.\n\nThe minister was not there and nobody said why it mattered.";
        var corpus = new[] { Base("a", text), Base("b", "A second article about something else entirely, with enough words to vary.") };

        var copies = ReplayCorpus.Generate(corpus, 8).ToList();

        Assert.Equal(8, copies.Count);
        Assert.Equal(text, copies[0].Text);
        Assert.Equal(copies.Count, copies.Select(c => c.Text).Distinct().Count());
        Assert.All(copies.Where((_, i) => i % 2 == 0), c => Assert.Contains("\n\n", c.Text));
        Assert.Equal(copies.Count, copies.Select(c => c.Id).Distinct().Count());
        Assert.All(copies, c => Assert.Equal(PublishedFrom.Metadata, c.Metadata.PublishedFrom));
        Assert.Equal(new DateOnly(2004, 1, 1), copies[0].Metadata.Published);
        Assert.Equal(ReplayCorpus.Variant(corpus[0], 6, 2).Text, copies[6].Text);
    }
}
