using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Storyline.Cli.Analysis;
using Storyline.Cli.Commands;
using Storyline.Output;
using Storyline.Storage.Export;
using Storyline.Testing;

namespace Storyline.Cli.Tests.Commands;

/// <summary>ingest, articles, article, search and export against a SQLite store in a temporary folder.</summary>
public sealed class StoreCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("storyline-store-cli-").FullName;

    private string Db => Path.Combine(_folder, "test.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string Input(string name, string content)
    {
        var inputs = Path.Combine(_folder, "in");
        Directory.CreateDirectory(inputs);
        var path = Path.Combine(inputs, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static async Task<(int Exit, string Output, string Error)> Run(Func<TextWriter, TextWriter, Task<int>> command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await command(output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private Task<(int Exit, string Output, string Error)> Ingest(params string[] paths) =>
        Run((o, e) => IngestCommand.RunAsync(paths, Db, new AnalyzeOptions(), o, e, CancellationToken.None));

    private void TwoArticles()
    {
        Input("minsk.txt", "title: Minsk \"the best place\", Kremlin says\nurl: https://example.org/minsk\noutlet: Example News\ndate: 2025-03-05\n\n" +
            "Minsk is the best place for talks, the Kremlin spokesman said on Wednesday. Belarus offered to host them.");
        Input("grain.txt", "title: Grain prices fall\ndate: 2025-03-04\n\nGrain prices fell across the region as exporters shipped wheat by rail.");
    }

    [SkippableFact]
    public async Task Ingesting_the_seeds_twice_stores_each_article_once()
    {
        var seeds = TestData.Seeds;

        var first = await Ingest(seeds);
        var second = await Ingest(seeds);

        Assert.Equal(0, first.Exit);
        Assert.Contains("2 read · 2 new · 0 duplicate · 0 skipped", first.Output);
        Assert.Equal(0, second.Exit);
        Assert.Contains("2 read · 0 new · 2 duplicate · 0 skipped", second.Output);
        Assert.Contains("2 articles stored", second.Output);
    }

    [SkippableFact]
    public async Task Ingest_lends_the_undated_seed_the_date_of_the_dated_one_read_before_it()
    {
        await Ingest(TestData.Seeds);

        var export = await Run((o, e) => ExportCommand.RunAsync(Db, ExportTable.Articles, ExportFormat.Jsonl, null, o, e, CancellationToken.None));
        var articles = export.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonSerializer.Deserialize<ArticleJson>(l, AnalysisJson.Options)!).ToDictionary(a => a.Id);
        Assert.Equal(("2025-03-05", "metadata"), (articles["000_1d0450d9dc0eaaa0"].Published, articles["000_1d0450d9dc0eaaa0"].PublishedFrom));
        Assert.Equal(("2025-03-05", "inferred"), (articles["002_c984178ca89a0f10"].Published, articles["002_c984178ca89a0f10"].PublishedFrom));
        Assert.Contains(articles["002_c984178ca89a0f10"].Times, t => t.Text == "Friday" && t.Value == "2025-02-28");
    }

    /// <summary>The stories of a store as sorted member lists, read with <c>storyline stories --format jsonl</c>.</summary>
    private static async Task<List<string>> StoryPartition(string db)
    {
        var list = await Run((o, e) => StoriesCommand.ListAsync(db, int.MaxValue, "jsonl", o, e, CancellationToken.None));
        Assert.Equal(0, list.Exit);
        return [.. list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => string.Join(",", JsonSerializer.Deserialize<StoryJson>(line, AnalysisJson.Options)!.Articles))
            .Order(StringComparer.Ordinal)];
    }

    [SkippableFact]
    public async Task Ingesting_in_several_runs_gives_the_stories_of_one_run()
    {
        // 60 BBC business reports (undated: no date lending, which looks only within a run, changes their analysis).
        var files = Directory.GetFiles(Path.Combine(TestData.Require("data/corpus/bbc-news-2225/bbc"), "business"), "*.txt")
            .Order(StringComparer.Ordinal).Take(60).ToList();
        var oneRun = Path.Combine(_folder, "one-run.db");
        Assert.Equal(0, (await Run((o, e) => IngestCommand.RunAsync(files, oneRun, new AnalyzeOptions(), o, e, CancellationToken.None))).Exit);

        foreach (var chunk in files.Chunk(7))
        {
            Assert.Equal(0, (await Ingest(chunk)).Exit);
        }

        var expected = await StoryPartition(oneRun);
        Assert.Contains(expected, s => s.Contains(',', StringComparison.Ordinal));
        Assert.Equal(expected, await StoryPartition(Db));
    }

    [SkippableFact]
    public async Task The_stored_seeds_make_one_story_listed_and_shown_with_its_statement_and_labels()
    {
        await Ingest(TestData.Seeds);

        var list = await Run((o, e) => StoriesCommand.ListAsync(Db, 20, "jsonl", o, e, CancellationToken.None));
        var story = JsonSerializer.Deserialize<StoryJson>(Assert.Single(list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)), AnalysisJson.Options)!;
        Assert.Equal(0, list.Exit);
        Assert.Equal(2, story.Articles.Count);

        var shown = await Run((o, e) => StoriesCommand.ShowAsync(story.Id, Db, "text", o, e, CancellationToken.None));
        Assert.Equal(0, shown.Exit);
        Assert.Contains("Dmitry Peskov · 2 sources", shown.Output);
        Assert.Contains("\"Belarusian dictator\"", shown.Output);
        Assert.Contains("2025-02-24", shown.Output);

        var missing = await Run((o, e) => StoriesCommand.ShowAsync("no-such-story", Db, "text", o, e, CancellationToken.None));
        Assert.Equal(1, missing.Exit);
        Assert.Contains("no story 'no-such-story'", missing.Error);
    }

    [Fact]
    public async Task Bad_inputs_are_skipped_and_listed_while_the_rest_is_stored()
    {
        TwoArticles();
        File.WriteAllBytes(Path.Combine(_folder, "in", "binary.txt"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x00]);
        Input("nul.jsonl", "{\"id\": \"nul\", \"text\": \"Text with a \\u0000 inside.\"}\n");

        var (exit, output, error) = await Ingest(Path.Combine(_folder, "in"));

        Assert.Equal(AnalyzeCommand.ExitSkipped, exit);
        Assert.Contains("2 new", output);
        Assert.Contains("2 skipped", output);
        Assert.Contains("binary.txt", error);
        Assert.Contains("NUL", error);
    }

    [Fact]
    public async Task A_save_that_fails_stops_the_ingest_with_exit_1_and_keeps_what_was_stored()
    {
        Input("a.txt", "The first report.");
        Input("boom.txt", "The report the store cannot take.");
        Input("c.txt", "The third report.");
        await Ingest(Input("seed.txt", "An article that creates the store."));
        using (var connection = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            // A write failure on one article, as a full disk would give.
            connection.Open();
            using var trigger = connection.CreateCommand();
            trigger.CommandText = "CREATE TRIGGER fail BEFORE INSERT ON articles WHEN NEW.id = 'boom' BEGIN SELECT RAISE(ABORT, 'simulated disk full'); END";
            trigger.ExecuteNonQuery();
        }

        var (exit, output, error) = await Ingest(Path.Combine(_folder, "in"));

        Assert.Equal(1, exit);
        Assert.Contains("1 new", output);
        Assert.Contains("could not save", error);
        Assert.Contains("boom.txt", error);
        Assert.Contains("simulated disk full", error);
        var list = await Run((o, e) => ArticlesCommand.RunAsync(Db, 20, 0, "jsonl", o, e, CancellationToken.None));
        Assert.Equal(["a", "seed"], list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).Order());
    }

    [Fact]
    public async Task Reading_a_store_that_does_not_exist_fails_clearly_and_creates_nothing()
    {
        var (exit, _, error) = await Run((o, e) => ArticlesCommand.RunAsync(Db, 20, 0, "text", o, e, CancellationToken.None));

        Assert.Equal(1, exit);
        Assert.Contains("no store at", error);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task A_postgres_url_that_cannot_be_used_fails_with_the_reason()
    {
        var (exit, _, error) = await Run((o, e) => IngestCommand.RunAsync(["x.txt"], "postgres://u@host/db?sslmode=sometimes", new AnalyzeOptions(), o, e, CancellationToken.None));

        Assert.Equal(1, exit);
        Assert.Contains("sslmode", error);
    }

    [Fact]
    public async Task Articles_lists_latest_first_and_article_shows_one_as_the_analysis_json()
    {
        TwoArticles();
        await Ingest(Path.Combine(_folder, "in"));

        var list = await Run((o, e) => ArticlesCommand.RunAsync(Db, 20, 0, "text", o, e, CancellationToken.None));
        var json = await Run((o, e) => ArticleCommand.RunAsync("minsk", Db, "json", o, e, CancellationToken.None));
        var text = await Run((o, e) => ArticleCommand.RunAsync("minsk", Db, "text", o, e, CancellationToken.None));
        var missing = await Run((o, e) => ArticleCommand.RunAsync("nope", Db, "text", o, e, CancellationToken.None));

        Assert.Equal(0, list.Exit);
        Assert.True(list.Output.IndexOf("Minsk", StringComparison.Ordinal) < list.Output.IndexOf("Grain prices fall", StringComparison.Ordinal));
        Assert.Contains("1–2 of 2", list.Output);
        var article = Assert.Single(AnalysisJson.Deserialize(json.Output).Articles);
        Assert.Equal(("minsk", "Example News", "2025-03-05"), (article.Id, article.Outlet, article.Published));
        Assert.NotEmpty(article.Sentences);
        Assert.Contains("Stored in SQLite", text.Output);
        Assert.Equal(1, missing.Exit);
        Assert.Contains("no article 'nope'", missing.Error);
    }

    [Fact]
    public async Task Search_finds_and_highlights_and_jsonl_gives_match_offsets()
    {
        TwoArticles();
        await Ingest(Path.Combine(_folder, "in"));

        var table = await Run((o, e) => SearchCommand.RunAsync("wheat", Db, 10, "text", o, e, CancellationToken.None));
        var jsonl = await Run((o, e) => SearchCommand.RunAsync("kremlin", Db, 10, "jsonl", o, e, CancellationToken.None));
        var none = await Run((o, e) => SearchCommand.RunAsync("zeppelin", Db, 10, "text", o, e, CancellationToken.None));

        Assert.Contains("grain", table.Output);
        Assert.DoesNotContain("minsk", table.Output);
        var hit = JsonDocument.Parse(Assert.Single(jsonl.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement;
        Assert.Equal("minsk", hit.GetProperty("id").GetString());
        var snippet = hit.GetProperty("snippet").GetString()!;
        var match = hit.GetProperty("matches")[0];
        Assert.Equal("Kremlin", snippet[match[0].GetInt32()..match[1].GetInt32()]);
        Assert.Contains("No article", none.Output);
    }

    [Fact]
    public void Highlighted_snippets_escape_the_article_text()
    {
        var markup = SearchCommand.Highlighted("[red]x[/] <script> \u0002Minsk\u0003");

        Assert.Equal("[[red]]x[[/]] <script> [bold yellow]Minsk[/]", markup);
    }

    [Fact]
    public async Task Export_writes_csv_with_a_header_and_proper_quoting_and_only_a_complete_file()
    {
        TwoArticles();
        await Ingest(Path.Combine(_folder, "in"));
        var outFile = Path.Combine(_folder, "articles.csv");

        var articles = await Run((o, e) => ExportCommand.RunAsync(Db, ExportTable.Articles, ExportFormat.Csv, outFile, o, e, CancellationToken.None));
        var quotes = await Run((o, e) => ExportCommand.RunAsync(Db, ExportTable.Quotes, ExportFormat.Csv, null, o, e, CancellationToken.None));
        var events = await Run((o, e) => ExportCommand.RunAsync(Db, ExportTable.Events, ExportFormat.Csv, null, o, e, CancellationToken.None));
        var jsonl = await Run((o, e) => ExportCommand.RunAsync(Db, ExportTable.Articles, ExportFormat.Jsonl, null, o, e, CancellationToken.None));

        Assert.Equal(0, articles.Exit);
        var csv = File.ReadAllText(outFile);
        Assert.StartsWith("id,date,outlet,title,url,ingested_at,text\n", csv);
        Assert.Contains("minsk,2025-03-05,Example News,\"Minsk \"\"the best place\"\", Kremlin says\",https://example.org/minsk,", csv);
        Assert.DoesNotContain(Directory.GetFiles(_folder), f => f.EndsWith(".partial", StringComparison.Ordinal));
        Assert.StartsWith("date,speaker,text,direct,outlet,url,article,speaker_id,cue,start,end\n", quotes.Output);
        Assert.Contains("2025-03-05,", quotes.Output.Split('\n')[1]); // the quotes stage's rows, dated by their article
        Assert.StartsWith("date,actor,type,target,location,article,outlet,sentence,url,start,end\n", events.Output);
        // Ingest order: the folder is read in name order.
        var lines = jsonl.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["grain", "minsk"], lines.Select(l => JsonSerializer.Deserialize<ArticleJson>(l, AnalysisJson.Options)!.Id));
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("export --format xml")]
    [InlineData("export --what stories")]
    [InlineData("articles --limit -1")]
    [InlineData("search")]
    public void Usage_errors_are_caught_by_the_parser(string commandLine) =>
        Assert.NotEmpty(Program.BuildRoot().Parse(commandLine).Errors);

    [Fact]
    public void The_store_commands_parse_with_their_options()
    {
        Assert.Empty(Program.BuildRoot().Parse("ingest a b --db x.db --published 2025-03-05 --outlet X").Errors);
        Assert.Empty(Program.BuildRoot().Parse("export --format csv --what quotes --db postgres://u@h/db --out q.csv").Errors);
        Assert.Empty(Program.BuildRoot().Parse("search \"best place\" --limit 5").Errors);
        Assert.Empty(Program.BuildRoot().Parse("article 000_abc --format json").Errors);
    }
}
