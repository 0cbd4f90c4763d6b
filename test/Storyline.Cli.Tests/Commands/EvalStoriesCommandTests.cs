using System.Text.Json;
using Storyline.Cli.Analysis;
using Storyline.Cli.Commands;
using Storyline.Testing;

namespace Storyline.Cli.Tests.Commands;

public class EvalStoriesCommandTests
{
    [Theory]
    [InlineData("eval stories")]
    [InlineData("eval stories /data/stories --seed 3 --orders 2 --errors 5 --join 0.3 --merge 0.5")]
    public void Parses_eval_stories_with_its_options(string line)
    {
        Assert.Empty(Program.BuildRoot().Parse(line).Errors);
    }

    [Fact]
    public void Fails_when_the_folder_has_no_data()
    {
        Assert.Equal(1, Program.BuildRoot().Parse("eval stories /nonexistent/stories").Invoke());
    }

    [SkippableTheory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public void Analyze_fills_stories_unless_told_not_to(bool stories, int expected)
    {
        using var output = new StringWriter();
        var exit = AnalyzeCommand.Run([TestData.Seeds], "json", includeTokens: false, new AnalyzeOptions(), output, stories);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString());
        var list = json.RootElement.GetProperty("stories");
        Assert.Equal(expected, list.GetArrayLength());
        if (stories)
        {
            var story = list[0];
            Assert.Equal(2, story.GetProperty("articles").GetArrayLength());
            Assert.Contains(story.GetProperty("statements").EnumerateArray(), s => s.GetProperty("sources").GetInt32() == 2);
        }
    }

    [SkippableFact]
    public void The_text_and_markdown_reports_open_with_the_story()
    {
        foreach (var format in new[] { "text", "markdown" })
        {
            using var output = new StringWriter();
            AnalyzeCommand.Run([TestData.Seeds], format, includeTokens: false, new AnalyzeOptions(), output);
            var report = output.ToString();

            var story = report.IndexOf("Story", StringComparison.Ordinal);
            Assert.True(story >= 0 && story < report.IndexOf("000_1d0450d9dc0eaaa0 ", StringComparison.Ordinal) + 1000, format);
            Assert.Contains("Belarusian dictator", report, StringComparison.Ordinal);
            Assert.Contains("Kremlin spokesman", report, StringComparison.Ordinal);
            Assert.Contains("2 sources", report, StringComparison.Ordinal);
            Assert.Contains("2025-02-24", report, StringComparison.Ordinal);
        }
    }
}
