using Storyline.Testing;
using Storyline.Training.Evaluation;

namespace Storyline.Ingest.Tests.Evaluation;

public class ExtractionEvaluationTests
{
    [Fact]
    public void Words_are_runs_of_unicode_letters_digits_and_underscores()
    {
        Assert.Equal(["Zoë", "s", "café", "opened_at", "9", "30", "東京"],
            ExtractionEvaluation.Words("Zoë's café opened_at 9:30 — 東京!"));
    }

    [Fact]
    public void Shingles_are_four_word_windows_with_counts()
    {
        var shingles = ExtractionEvaluation.Shingles(["a", "b", "c", "d", "a", "b", "c", "d"]);

        Assert.Equal(4, shingles.Count);
        Assert.Equal(2, shingles["a b c d"]);
        Assert.Equal(1, shingles["d a b c"]);
    }

    [Fact]
    public void A_text_of_fewer_than_four_words_is_one_shingle()
    {
        var shingles = ExtractionEvaluation.Shingles(["only", "three", "words"]);

        Assert.Equal(1, Assert.Single(shingles).Value);
        Assert.Empty(ExtractionEvaluation.Shingles([]));
    }

    [Fact]
    public void Identical_words_score_one_and_count_as_exact_whatever_the_spacing()
    {
        var page = ExtractionEvaluation.ScorePage("p", "One two three four five.", "One  two\n\nthree four, five");

        Assert.Equal(1.0, page.Precision);
        Assert.Equal(1.0, page.Recall);
        Assert.True(page.Exact);
    }

    [Fact]
    public void Extra_and_missing_shingles_lower_precision_and_recall()
    {
        // truth: 6 words -> 3 shingles; prediction adds "x" at the end -> 4 shingles, 3 shared.
        var page = ExtractionEvaluation.ScorePage("p", "a b c d e f", "a b c d e f x");

        Assert.Equal(3.0 / 4, page.Precision!.Value, 9);
        Assert.Equal(1.0, page.Recall);
        Assert.False(page.Exact);
    }

    [Fact]
    public void An_empty_prediction_is_left_out_of_precision_and_scores_zero_recall()
    {
        var score = ExtractionEvaluation.Summarize([
            ExtractionEvaluation.ScorePage("empty", "a b c d e", ""),
            ExtractionEvaluation.ScorePage("good", "a b c d e", "a b c d e"),
        ]);

        Assert.Equal(1.0, score.Precision);
        Assert.Equal(0.5, score.Recall);
        Assert.Equal(2 * 1.0 * 0.5 / 1.5, score.F1, 9);
        Assert.Equal(0.5, score.Accuracy);
        Assert.Equal(2, score.Pages);
    }

    [Fact]
    public void Both_empty_is_left_out_of_both_means_but_counts_as_exact()
    {
        var page = ExtractionEvaluation.ScorePage("p", "", "");

        Assert.Null(page.Precision);
        Assert.Null(page.Recall);
        Assert.True(page.Exact);
    }

    /// <summary>The floor: SmartReader with the body rules measured 0.986 F1 (P 0.978, R 0.994) on the 91 pages.</summary>
    [SkippableFact]
    public void Extraction_f1_on_the_scrapinghub_pages_stays_above_the_floor()
    {
        var directory = TestData.Require("data/extraction/scrapinghub");

        var score = ExtractionEvaluation.Evaluate(directory);

        Assert.Equal(91, score.Pages);
        Assert.True(score.F1 >= 0.981, $"extraction F1 {score.F1:0.0000} fell below the floor 0.981");
        Assert.True(score.Precision >= 0.973, $"extraction precision {score.Precision:0.0000} fell below the floor 0.973");
        Assert.True(score.Recall >= 0.989, $"extraction recall {score.Recall:0.0000} fell below the floor 0.989");
    }
}
