using Storyline.Text;
using Storyline.Time;
using Storyline.Training.Corpora;
using Storyline.Training.Evaluation;

namespace Storyline.Tests.Time;

/// <summary>The TempEval-3 scoring itself, on a hand-made document: what counts as a match, a right value, an error.</summary>
public sealed class TimeEvaluationTests
{
    private const string Text = "Talks began Friday and resume next week, now.";

    private static readonly TimeMlDocument Document = new("doc", Text, new DateOnly(2025, 3, 5),
    [
        new TimeMlTimex("t1", new TextSpan(12, 18), "DATE", "2025-02-28", null),
        new TimeMlTimex("t2", new TextSpan(30, 39), "DATE", "2025-W11", null),
    ]);

    private static TimeEvaluationResult Score(params TimeExpression[] found) =>
        TimeEvaluation.Evaluate("test", [Document], _ => found);

    [Fact]
    public void Lists_every_right_value_as_correct_and_every_wrong_one_as_an_error()
    {
        var result = Score(
            new TimeExpression(new TextSpan(12, 18), "DATE", "2025-02-28"),
            new TimeExpression(new TextSpan(25, 39), "DATE", "2025-W10"),
            new TimeExpression(new TextSpan(41, 44), "DATE", "PRESENT_REF"));

        Assert.Equal(["Friday"], result.Correct.Select(c => c.Text));
        Assert.Equal(result.Scores.ValueCorrect, result.Correct.Count);
        Assert.Equal(["value next week 2025-W11 2025-W10", "spurious now  PRESENT_REF"],
            result.Errors.Select(e => $"{e.Kind} {e.Text} {e.GoldValue} {e.SystemValue}"));
    }

    [Fact]
    public void Compares_values_as_strings_as_the_official_scorer_does()
    {
        // TempEval-3's evaluate_entities.py tests g.value == s.value: "2025-W11" and "2025-W011" differ.
        var result = Score(
            new TimeExpression(new TextSpan(12, 18), "DATE", "2025-02-28"),
            new TimeExpression(new TextSpan(30, 39), "DATE", "2025-W011"));

        Assert.Equal(2, result.Scores.RelaxedMatches);
        Assert.Equal(1, result.Scores.ValueCorrect);
        Assert.Equal(0.5, result.Scores.ValueAccuracy);
    }
}
