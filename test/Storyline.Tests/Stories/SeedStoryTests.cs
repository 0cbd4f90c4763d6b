using Storyline.Ingest;
using Storyline.Ingest.Text;
using Storyline.Pipeline;
using Storyline.Stories;
using Storyline.Testing;
using Storyline.Text;
using Storyline.Time;

namespace Storyline.Tests.Stories;

/// <summary>The seed case (PRODUCT.md): two outlets, one story, Peskov's statement corroborated by both, the labels
/// each outlet gives Lukashenko and Peskov, and a timeline.</summary>
public class SeedStoryTests
{
    private static Article Seed(string prefix)
    {
        var path = TestData.Seed(prefix);
        var read = Assert.IsType<ArticleRead>(TextArticleReader.Read(path, File.ReadAllBytes(path)));
        return StandardPipeline.Create().Run(read.Article);
    }

    /// <summary>The seeds as a batch analyses them: the undated WION copy borrows the Kyiv Independent's date
    /// (<see cref="StoryDateEvidence"/>) and is analysed again with it, as BatchAnalyzer does.</summary>
    private static (Story Story, Article Kyiv, Article Wion) SeedStory()
    {
        var kyiv = Seed("000_");
        var wion = Seed("002_");
        var lent = Assert.NotNull(StoryDateEvidence.Lend(wion, [kyiv, wion]));
        wion = StandardPipeline.Create().Run(wion with
        {
            Metadata = wion.Metadata with { Published = lent.Date, PublishedFrom = PublishedFrom.Inferred },
            Layers = Layers.Text | Layers.Ignored,
            Sentences = [],
            Tokens = [],
            Times = [],
            Quotes = [],
        });
        var story = Assert.Single(new StoryBuilder().Build([kyiv, wion]));
        return (story, kyiv, wion);
    }

    [SkippableFact]
    public void The_two_seed_articles_are_one_story()
    {
        var (story, kyiv, wion) = SeedStory();

        Assert.Equal([kyiv.Id, wion.Id], story.Articles.AsEnumerable());
        Assert.Empty(story.CopyOf);
    }

    [SkippableFact]
    public void Peskovs_statement_is_grouped_with_two_sources_and_the_wording_difference()
    {
        var (story, kyiv, wion) = SeedStory();

        var statement = Assert.Single(story.Statements, s => s.Sources == 2);
        Assert.Equal("Dmitry Peskov", statement.SpeakerName);
        Assert.Contains(statement.Quotes, q => q.Article == kyiv.Id && q.Text.Contains("Minsk is the best place for us", StringComparison.Ordinal));
        Assert.Contains(statement.Quotes, q => q.Article == wion.Id && q.Text.Contains("Minsk is our ally", StringComparison.Ordinal));
        var diff = Assert.Single(statement.Diffs);
        Assert.Equal((kyiv.Id, wion.Id), (diff.From, diff.To));
        Assert.Contains(diff.Pieces, p => p.Op == DiffOp.Removed && p.Text.Contains("main", StringComparison.Ordinal));
        Assert.Contains(diff.Pieces, p => p.Op == DiffOp.Same && p.Text.Contains("Minsk is the best place for", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData("Alexander Lukashenko", "Belarusian dictator", "Belarusian President")]
    [InlineData("Dmitry Peskov", "Kremlin spokesperson", "Kremlin spokesman")]
    public void Each_outlet_labels_the_same_person_in_its_own_words(string name, string kyivLabel, string wionLabel)
    {
        var (story, kyiv, wion) = SeedStory();

        var entity = Assert.Single(story.Labels, e => e.Name == name);
        Assert.Contains(entity.Labels, l => l.Article == kyiv.Id && l.Text == kyivLabel);
        Assert.Contains(entity.Labels, l => l.Article == wion.Id && l.Text == wionLabel);
        Assert.All(entity.Labels, l => Assert.Equal(l.Text, (l.Article == kyiv.Id ? kyiv : wion).Text[l.Span.Start..l.Span.End]));
    }

    [SkippableFact]
    public void The_timeline_orders_the_dated_events_and_cites_their_articles()
    {
        var (story, kyiv, wion) = SeedStory();

        var dates = story.Timeline.Select(t => t.Date).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Contains("2014", dates);  // the Minsk agreements (background)
        Assert.Contains("2022", dates);  // troops via Belarus
        Assert.Contains("2025-02-24", dates);
        Assert.Contains("2025-03-04", dates);
        Assert.Contains("2025-03-05", dates);
        // The WION copy carries no date; with the date lent to it, its relative dates resolve too.
        Assert.Equal(new DateOnly(2025, 3, 5), wion.Metadata.Published);
        Assert.Contains("2025-02-27", dates); // interview recorded
        Assert.Contains("2025-02-28", dates); // Oval Office clash, "on Friday"

        var un = Assert.Single(story.Timeline, t => t.Date == "2025-02-24");
        Assert.Equal(kyiv.Id, Assert.Single(un.Sources).Article);
        Assert.Contains("U.N. resolution", un.Text, StringComparison.Ordinal);
    }
}
