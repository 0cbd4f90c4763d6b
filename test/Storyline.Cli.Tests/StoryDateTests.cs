using System.Text.Json;
using Storyline.Cli.Analysis;
using Storyline.Cli.Commands;
using Storyline.Testing;

namespace Storyline.Cli.Tests;

/// <summary>`storyline analyze` over several articles lends a dated report's date to an undated one of the same story.</summary>
public sealed class StoryDateTests
{
    private static JsonElement AnalyseAsJson(params string[] paths)
    {
        using var output = new StringWriter();
        Assert.Equal(0, AnalyzeCommand.Run(paths, "json", includeTokens: false, new AnalyzeOptions(), output));
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }

    private static string Value(JsonElement article, string surface) =>
        article.GetProperty("times").EnumerateArray().Single(t => t.GetProperty("text").GetString() == surface).GetProperty("value").GetString()!;

    [SkippableFact]
    public void The_undated_seed_analysed_with_the_dated_one_is_inferred_2025_03_05_and_its_weekdays_resolve()
    {
        var root = AnalyseAsJson(TestData.Seed("000_"), TestData.Seed("002_"));

        var undated = root.GetProperty("articles").EnumerateArray().Single(a => a.GetProperty("id").GetString()!.StartsWith("002_", StringComparison.Ordinal));
        Assert.Equal("2025-03-05", undated.GetProperty("published").GetString());
        Assert.Equal("inferred", undated.GetProperty("publishedFrom").GetString());
        Assert.Equal("2025-02-28", Value(undated, "Friday"));
        Assert.Equal("2025-02-27", Value(undated, "February 27"));
        Assert.Equal("2025-03-04", Value(undated, "Tuesday"));
        Assert.Equal("2025-03-05", Value(undated, "Wednesday"));
    }

    [SkippableFact]
    public void The_undated_seed_alone_keeps_no_date_and_unknown_weeks()
    {
        var root = AnalyseAsJson(TestData.Seed("002_"));

        var article = root.GetProperty("articles")[0];
        Assert.Equal(JsonValueKind.Null, article.GetProperty("published").ValueKind);
        Assert.Equal("XXXX-WXX-5", Value(article, "Friday"));
    }
}
