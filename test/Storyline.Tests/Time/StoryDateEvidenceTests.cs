using Storyline.Pipeline;
using Storyline.Sentences;
using Storyline.Text;
using Storyline.Time;

namespace Storyline.Tests.Time;

/// <summary>A publication date lent across reports of one story, and never across unrelated ones.</summary>
public sealed class StoryDateEvidenceTests
{
    private static readonly AnalysisPipeline Sentences = AnalysisPipeline.Build(new SentenceStage());

    private static Article Read(string id, string text, DateOnly? published) => Sentences.Run(new Article
    {
        Id = id,
        Text = text,
        Metadata = new ArticleMetadata { Source = id, Published = published, PublishedFrom = published is null ? PublishedFrom.None : PublishedFrom.Metadata },
        Layers = Layers.Text,
    });

    // No year anywhere: alone, "March 3" and "Friday" cannot be placed.
    private const string Undated =
        "Ministers from Norway and Iceland met in Reykjavik on Friday to discuss fishing quotas, Halvorsen told reporters. " +
        "The talks, first proposed by Sigurdsson on March 3, ended without a deal. Halvorsen said the Reykjavik round would resume.";

    private const string SameStory =
        "Norway's fisheries minister Halvorsen and his Icelandic counterpart Sigurdsson failed to agree on quotas in Reykjavik, " +
        "officials said on Saturday.";

    private const string Unrelated =
        "Liverpool beat Arsenal 2-1 at Anfield on Saturday, with Salah scoring twice. Klopp praised his defence.";

    [Fact]
    public void An_undated_report_takes_the_date_its_own_weekdays_give_near_a_dated_report_of_the_same_story()
    {
        var undated = Read("undated", Undated, null);
        var dated = Read("dated", SameStory, new DateOnly(2025, 3, 8));

        Assert.Null(PublicationDateInference.Infer(undated).Date);
        var lent = StoryDateEvidence.Lend(undated, [undated, dated]);

        Assert.NotNull(lent);
        // "March 3" (a Monday) is the latest explicit date; "Friday" after it is March 7, the publication day.
        Assert.Equal(new DateOnly(2025, 3, 7), lent.Value.Date);
        Assert.Contains("\"dated\"", lent.Value.Evidence);
    }

    [Fact]
    public void An_unrelated_dated_article_does_not_lend_its_date()
    {
        var undated = Read("undated", Undated, null);
        var unrelated = Read("football", Unrelated, new DateOnly(2025, 3, 8));

        Assert.True(StoryDateEvidence.SharedNames(StoryDateEvidence.Names(Undated), StoryDateEvidence.Names(Unrelated)) < StoryDateEvidence.MinimumSharedNames);
        Assert.Null(StoryDateEvidence.Lend(undated, [undated, unrelated]));
    }

    [Fact]
    public void A_sibling_whose_date_the_article_s_own_evidence_contradicts_lends_nothing()
    {
        // The same names, but published two months later: "March 3 … Friday" cannot be a May article's week.
        var undated = Read("undated", Undated, null);
        var far = Read("later", SameStory, new DateOnly(2025, 5, 10));

        Assert.Null(StoryDateEvidence.Lend(undated, [undated, far]));
    }

    [Fact]
    public void An_article_with_no_evidence_of_its_own_never_borrows_a_date()
    {
        var bare = Read("bare", "Halvorsen and Sigurdsson met in Reykjavik to discuss quotas.", null);
        var dated = Read("dated", SameStory, new DateOnly(2025, 3, 8));

        Assert.Null(StoryDateEvidence.Lend(bare, [bare, dated]));
    }

    [Fact]
    public void Names_are_capitalised_words_never_written_in_lower_case_without_titles_months_or_weekdays()
    {
        var names = StoryDateEvidence.Names("The President met Halvorsen in Reykjavik on Friday in March. The talks were the first.");

        Assert.Equal(["halvorsen", "reykjavik"], names.Order());
    }
}
