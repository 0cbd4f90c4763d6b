using System.Text;
using System.Text.Json;
using Storyline.Cli.Analysis;
using Storyline.Cli.Commands;
using Storyline.Output;
using Storyline.Pipeline;
using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Cli.Tests;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("storyline-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Output) Analyze(string format, params string[] paths)
    {
        using var output = new StringWriter();
        var exit = AnalyzeCommand.Run(paths, format, includeTokens: format == "json", new AnalyzeOptions(), output);
        return (exit, output.ToString());
    }

    [SkippableFact]
    public void Json_for_the_seeds_has_both_articles_and_every_layer_as_an_array()
    {
        var (exit, json) = Analyze("json", TestData.Seeds);

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        foreach (var table in new[] { "articles", "entities", "stories", "errors" })
        {
            Assert.Equal(JsonValueKind.Array, root.GetProperty(table).ValueKind);
        }

        var articles = root.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(["000_1d0450d9dc0eaaa0", "002_c984178ca89a0f10"], articles.Select(a => a.GetProperty("id").GetString()));
        foreach (var article in articles)
        {
            foreach (var layer in new[] { "ignored", "sentences", "tokens", "entities", "times", "quotes", "events" })
            {
                Assert.Equal(JsonValueKind.Array, article.GetProperty(layer).ValueKind);
            }
        }

        Assert.Equal("2025-03-05", articles[0].GetProperty("published").GetString());
        Assert.Equal("metadata", articles[0].GetProperty("publishedFrom").GetString());
        Assert.Equal("header", articles[0].GetProperty("ignored")[0].GetProperty("reason").GetString());
        Assert.Contains(articles[1].GetProperty("ignored").EnumerateArray(), i => i.GetProperty("reason").GetString()!.Contains("syndication"));
    }

    [SkippableFact]
    public void Json_for_the_seeds_has_the_entity_table_and_names_every_resolved_speaker()
    {
        using var output = new StringWriter();
        AnalyzeCommand.Run([TestData.Seeds], "json", includeTokens: false, new AnalyzeOptions(), output, stories: false);
        var document = AnalysisJson.Deserialize(output.ToString());

        var peskov = Assert.Single(document.Entities, e => e.Id == "dmitry-peskov");
        Assert.Equal("Dmitry Peskov", peskov.Name);
        Assert.Contains("Peskov", peskov.Aliases);
        Assert.Contains("Kremlin spokesperson", peskov.Descriptors);
        Assert.Equal(["000_1d0450d9dc0eaaa0", "002_c984178ca89a0f10"], peskov.Articles);
        Assert.Empty(document.Stories);
        var ally = Assert.Single(document.Articles[1].Quotes, q => q.Text.Contains("Minsk is our ally", StringComparison.Ordinal));
        Assert.Equal(("dmitry-peskov", "Dmitry Peskov"), (ally.Speaker, ally.SpeakerName));
        Assert.All(document.Articles.SelectMany(a => a.Quotes).Where(q => q.Speaker is not null), q => Assert.NotNull(q.SpeakerName));
    }

    [SkippableFact]
    public void Json_offsets_index_the_original_file_text()
    {
        var (_, json) = Analyze("json", TestData.Seed("000_"));
        var article = AnalysisJson.Deserialize(json).Articles.Single();
        var original = File.ReadAllText(TestData.Seed("000_"));

        Assert.Equal(original, article.Text);
        foreach (var span in article.Ignored)
        {
            Assert.InRange(span.End, span.Start + 1, original.Length);
        }
    }

    [SkippableFact]
    public void A_jsonl_round_trip_keeps_every_text_byte_identical()
    {
        var (_, firstPass) = Analyze("jsonl", TestData.Seeds);
        var jsonl = Path.Combine(_folder, "seeds.jsonl");
        File.WriteAllText(jsonl, firstPass, new UTF8Encoding(false));

        var (exit, secondPass) = Analyze("jsonl", jsonl);

        Assert.Equal(0, exit);
        var before = firstPass.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<ArticleJson>(l, AnalysisJson.Options)!).ToList();
        var after = secondPass.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<ArticleJson>(l, AnalysisJson.Options)!).ToList();
        Assert.Equal(before.Select(a => a.Id), after.Select(a => a.Id));
        Assert.Equal(before.Select(a => Encoding.UTF8.GetBytes(a.Text)), after.Select(a => Encoding.UTF8.GetBytes(a.Text)));
        Assert.Equal(File.ReadAllBytes(TestData.Seed("002_")), Encoding.UTF8.GetBytes(after[1].Text));
        Assert.Equal(before.Select(a => a.Published), after.Select(a => a.Published));
    }

    [Fact]
    public void Skipped_inputs_are_listed_in_errors_and_the_exit_code_is_2()
    {
        File.WriteAllText(Path.Combine(_folder, "good.txt"), "Minsk could host talks.");
        File.WriteAllBytes(Path.Combine(_folder, "bad.txt"), [0x41, 0xFF]);

        var (exit, json) = Analyze("json", _folder);

        Assert.Equal(AnalyzeCommand.ExitSkipped, exit);
        var document = AnalysisJson.Deserialize(json);
        Assert.Equal("good", Assert.Single(document.Articles).Id);
        var error = Assert.Single(document.Errors);
        Assert.EndsWith("bad.txt", error.Source);
        Assert.Contains("not valid utf-8", error.Error);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("analyze x.txt --format yaml")]
    [InlineData("analyze x.txt --published 05/03/2025")]
    [InlineData("analyze x.txt --no-such-option")]
    public void A_usage_error_exits_with_1(string commandLine)
    {
        var error = Console.Error;
        try
        {
            Console.SetError(TextWriter.Null);
            Assert.Equal(1, Program.BuildRoot().Parse(commandLine.Split(' ')).Invoke());
        }
        finally
        {
            Console.SetError(error);
        }
    }

    [SkippableFact]
    public void The_text_report_names_each_article_its_date_and_what_was_ignored()
    {
        var (exit, text) = Analyze("text", TestData.Seeds);

        Assert.Equal(0, exit);
        Assert.Contains("2 articles analysed, 0 skipped", text);
        Assert.Contains("2025-03-05 (from metadata)", text);
        Assert.Contains("header: date 2025-03-05", text);
        Assert.Contains("boilerplate: syndication disclaimer", text);
        Assert.Contains("Top entities", text);
        Assert.Contains("Dmitry Peskov PERSON · ", text);
        Assert.DoesNotContain("\u001b[", text); // no terminal escapes when the output is not a terminal
    }

    [SkippableFact]
    public void The_markdown_report_escapes_article_text()
    {
        File.WriteAllText(Path.Combine(_folder, "x.txt"), "title: <script>alert(1)</script>\n\nA *bold* claim | with a pipe.");
        var (_, markdown) = Analyze("markdown", _folder);

        Assert.Contains("## \\<script\\>alert(1)\\</script\\>", markdown);
        Assert.DoesNotContain("<script>", markdown);
    }

    [Fact]
    public void The_published_and_outlet_options_fill_only_what_an_article_lacks()
    {
        File.WriteAllText(Path.Combine(_folder, "a.txt"), "date 2024-01-02\n\nDated text.");
        File.WriteAllText(Path.Combine(_folder, "b.txt"), "Undated text.");
        var analyzer = new BatchAnalyzer(StandardPipeline.Create(), new AnalyzeOptions { Published = new DateOnly(2025, 3, 5), Outlet = "AFP" });

        var result = analyzer.Run([_folder]);

        Assert.Equal((new DateOnly(2024, 1, 2), PublishedFrom.Metadata), (result.Articles[0].Metadata.Published, result.Articles[0].Metadata.PublishedFrom));
        Assert.Equal((new DateOnly(2025, 3, 5), PublishedFrom.Option), (result.Articles[1].Metadata.Published, result.Articles[1].Metadata.PublishedFrom));
        Assert.All(result.Articles, a => Assert.Equal("AFP", a.Metadata.Outlet));
    }

    [Fact]
    public void Articles_with_the_same_name_get_distinct_ids()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "x"));
        Directory.CreateDirectory(Path.Combine(_folder, "y"));
        File.WriteAllText(Path.Combine(_folder, "x", "story.txt"), "One.");
        File.WriteAllText(Path.Combine(_folder, "y", "story.txt"), "Two.");

        var result = new BatchAnalyzer(StandardPipeline.Create(), new AnalyzeOptions()).Run([_folder]);

        Assert.Equal(["story", "story-2"], result.Articles.Select(a => a.Id));
    }
}
