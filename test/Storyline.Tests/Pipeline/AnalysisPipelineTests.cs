using Storyline.Pipeline;
using Storyline.Text;

namespace Storyline.Tests.Pipeline;

public class AnalysisPipelineTests
{
    private sealed class FakeStage(string name, Layers requires, Layers produces) : IStage
    {
        public string Name => name;
        public Layers Requires => requires;
        public Layers Produces => produces;
        public int Calls { get; private set; }

        public Article Process(Article article, CancellationToken cancellationToken)
        {
            Calls++;
            return article;
        }
    }

    private static Article Sample() => new() { Id = "a", Text = "Text.", Metadata = new ArticleMetadata { Source = "test" } };

    [Fact]
    public void A_stage_that_needs_a_layer_nobody_makes_is_refused_when_the_pipeline_is_built()
    {
        var error = Assert.Throws<PipelineConfigurationException>(() =>
            AnalysisPipeline.Build(new FakeStage("quotes", Layers.Entities, Layers.Quotes)));
        Assert.Contains("quotes", error.Message);
        Assert.Contains("Entities", error.Message);
    }

    [Fact]
    public void Stages_in_the_wrong_order_are_refused()
    {
        Assert.Throws<PipelineConfigurationException>(() => AnalysisPipeline.Build(
            new FakeStage("pos", Layers.Tokens, Layers.PartsOfSpeech),
            new FakeStage("tokens", Layers.Text, Layers.Tokens)));
    }

    [Fact]
    public void A_layer_produced_twice_is_refused()
    {
        Assert.Throws<PipelineConfigurationException>(() => AnalysisPipeline.Build(
            new FakeStage("a", Layers.Text, Layers.Tokens),
            new FakeStage("b", Layers.Text, Layers.Tokens)));
    }

    [Fact]
    public void Running_adds_each_stage_layers_and_shows_every_stage_output()
    {
        var tokens = new FakeStage("tokens", Layers.Text, Layers.Tokens | Layers.Sentences);
        var pos = new FakeStage("pos", Layers.Tokens | Layers.Sentences, Layers.PartsOfSpeech);
        var pipeline = AnalysisPipeline.Build(tokens, pos);
        var seen = new List<string>();

        var result = pipeline.Run(Sample(), (stage, _) => seen.Add(stage.Name));

        Assert.Equal(["tokens", "pos"], seen);
        Assert.Equal(Layers.Text | Layers.Ignored | Layers.Tokens | Layers.Sentences | Layers.PartsOfSpeech, result.Layers);
        Assert.Equal(pipeline.Produces, result.Layers);
    }

    [Fact]
    public void A_cancelled_run_stops_before_the_next_stage()
    {
        var stage = new FakeStage("tokens", Layers.Text, Layers.Tokens);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => AnalysisPipeline.Build(stage).Run(Sample(), cancellationToken: cancelled.Token));
        Assert.Equal(0, stage.Calls);
    }

    [Fact]
    public void The_standard_pipeline_builds()
    {
        var pipeline = StandardPipeline.Create();
        Assert.True(pipeline.Produces.HasFlag(Layers.Text));
    }
}
