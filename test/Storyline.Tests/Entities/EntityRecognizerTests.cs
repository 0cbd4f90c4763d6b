using Storyline.Entities;
using Storyline.Tagging;
using Storyline.Testing;
using Storyline.Training.Corpora;
using Storyline.Training.Evaluation;

namespace Storyline.Tests.Entities;

public class EntityRecognizerTests
{
    [Fact]
    public void The_committed_model_records_how_it_was_trained()
    {
        var info = EntityRecognizer.Default.Info;
        Assert.Matches("^[0-9a-f]{64}$", info["data.sha256"]);
        Assert.StartsWith("storyline train ner", info["command"], StringComparison.Ordinal);
        Assert.Equal(EntityRecognizer.BilouLabels.ToArray(), EntityRecognizer.Default.Labels.ToArray());
        Assert.True(EntityRecognizer.Default.Gazetteer.Table.Count > 10_000);
        Assert.Equal("Belarus", EntityRecognizer.Default.Names.Demonyms["Belarusian"]);
    }

    [Fact]
    public void Scoring_counts_only_exact_spans_of_the_right_type()
    {
        var score = NerEvaluation.Score([
            ([(0, 2, "PERSON"), (5, 6, "LOCATION")], [(0, 2, "PERSON"), (5, 6, "ORGANIZATION")]),
            ([(1, 3, "PERSON")], [(1, 2, "PERSON")]),
        ]);
        Assert.Equal(new PrfScore(1, 2, 2), score.ByType["PERSON"]);
        Assert.Equal(new PrfScore(0, 0, 1), score.ByType["LOCATION"]);
        Assert.Equal(1.0 / 3, score.Micro(NerEvaluation.CoreTypes).F1, 6);
    }

    [SkippableFact]
    public void GMB_dev_F1_holds_its_floor()
    {
        var csv = TestData.Require("data/ner/gmb/ner_dataset.csv");
        var (_, dev) = GmbReader.Split(GmbReader.ReadAll(csv));
        var score = NerEvaluation.Evaluate(EntityRecognizer.Default, PosTagger.Default, dev);
        var core = score.Micro(NerEvaluation.CoreTypes);
        Assert.True(core.F1 >= Floor, $"PER/ORG/LOC/NORP micro F1 {core.F1:F4} < floor {Floor}");
    }

    // Measured 2026-11-22 (storyline eval ner): 0.835 (BILOU, hashed features, sentence-start rule); the target of 0.86 is not reached yet.
    private const double Floor = 0.830;
}
