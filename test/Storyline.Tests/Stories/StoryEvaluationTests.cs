using Storyline.Testing;
using Storyline.Training.Evaluation;

namespace Storyline.Tests.Stories;

public class StoryEvaluationTests
{
    /// <summary>Measured with the default options and shuffle seed (StoryEvaluation.DefaultSeed): see the report in
    /// the README; floors sit 0.005 below.</summary>
    private const double EcbPlusFloor = 0.881;
    private const double NewsWcl50Floor = 0.995;

    [SkippableFact]
    public void Story_clustering_on_ECB_plus_stays_above_the_floor()
    {
        var documents = StoryEvaluation.LoadEcbPlus(TestData.Require("data/stories/ecbplus"));

        var scores = StoryEvaluation.Evaluate(documents);

        Assert.Equal((982, 86), (scores.Documents, scores.GoldClusters));
        Assert.True(scores.F1 >= EcbPlusFloor, $"ECB+ B-cubed F1 {scores.F1:0.000} fell below {EcbPlusFloor}");
    }

    [SkippableFact]
    public void Story_clustering_on_NewsWCL50_stays_above_the_floor()
    {
        var documents = StoryEvaluation.LoadNewsWcl50(TestData.Require("data/stories/newswcl50"));

        var scores = StoryEvaluation.Evaluate(documents);

        Assert.Equal((50, 10), (scores.Documents, scores.GoldClusters));
        Assert.Equal(37, documents.Count(d => d.Published is not null)); // dates from the URLs that carry one
        Assert.True(scores.F1 >= NewsWcl50Floor, $"NewsWCL50 B-cubed F1 {scores.F1:0.000} fell below {NewsWcl50Floor}");
    }

    [Fact]
    public void B_cubed_is_one_for_the_gold_clustering_and_penalises_merges_and_splits()
    {
        string[] gold = ["x", "x", "y", "y"];

        var perfect = StoryEvaluation.BCubed(gold, [1, 1, 2, 2]);
        var merged = StoryEvaluation.BCubed(gold, [1, 1, 1, 1]);
        var split = StoryEvaluation.BCubed(gold, [1, 2, 3, 4]);

        Assert.Equal((1.0, 1.0), (perfect.Precision, perfect.Recall));
        Assert.Equal((0.5, 1.0), (merged.Precision, merged.Recall));
        Assert.Equal((1.0, 0.5), (split.Precision, split.Recall));
    }

    [Fact]
    public void The_shuffle_is_reproducible_and_keeps_every_document()
    {
        var documents = Enumerable.Range(0, 20).Select(i => new ClusterDocument($"d{i}", "text", "g")).ToList();

        var a = StoryEvaluation.Shuffle(documents, 7);
        var b = StoryEvaluation.Shuffle(documents, 7);

        Assert.Equal(a.Select(d => d.Id), b.Select(d => d.Id));
        Assert.NotEqual(documents.Select(d => d.Id), a.Select(d => d.Id));
        Assert.Equal(documents.Select(d => d.Id).Order(), a.Select(d => d.Id).Order());
    }
}
