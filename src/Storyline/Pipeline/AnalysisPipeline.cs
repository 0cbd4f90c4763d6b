using System.Collections.Immutable;
using Storyline.Text;

namespace Storyline.Pipeline;

/// <summary>Thrown when stages are put together in an order that cannot work; a programming error, found at build time.</summary>
public sealed class PipelineConfigurationException(string message) : Exception(message);

/// <summary>
/// An ordered list of stages whose requirements were checked once, when it was built: every stage finds the layers
/// it needs produced by ingestion or by a stage before it, and no layer is produced twice.
/// </summary>
public sealed class AnalysisPipeline
{
    /// <summary>What ingestion gives every article before any stage runs.</summary>
    public const Layers IngestedLayers = Layers.Text | Layers.Ignored;

    private AnalysisPipeline(ImmutableArray<IStage> stages, Layers produces)
    {
        Stages = stages;
        Produces = produces;
    }

    public ImmutableArray<IStage> Stages { get; }

    /// <summary>Every layer an article carries after <see cref="Run"/>.</summary>
    public Layers Produces { get; }

    public static AnalysisPipeline Build(params IEnumerable<IStage> stages)
    {
        var available = IngestedLayers;
        var list = stages.ToImmutableArray();
        foreach (var stage in list)
        {
            var missing = stage.Requires & ~available;
            if (missing != Layers.None)
            {
                throw new PipelineConfigurationException(
                    $"Stage '{stage.Name}' requires {missing}, which no earlier stage produces (available: {available}).");
            }

            var twice = stage.Produces & available;
            if (twice != Layers.None)
            {
                throw new PipelineConfigurationException(
                    $"Stage '{stage.Name}' produces {twice}, which an earlier stage or ingestion already produced.");
            }

            available |= stage.Produces;
        }

        return new AnalysisPipeline(list, available);
    }

    /// <summary>Runs every stage in order. <paramref name="afterStage"/> sees each stage's output (tests check invariants there).</summary>
    public Article Run(Article article, Action<IStage, Article>? afterStage = null, CancellationToken cancellationToken = default)
    {
        foreach (var stage in Stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            article = stage.Process(article, cancellationToken) with { Layers = article.Layers | stage.Produces };
            afterStage?.Invoke(stage, article);
        }

        return article;
    }
}
