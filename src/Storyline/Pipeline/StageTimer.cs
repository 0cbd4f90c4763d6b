using System.Diagnostics;
using Storyline.Text;

namespace Storyline.Pipeline;

/// <summary>Runs a pipeline and adds up the wall time of each stage across runs (for benchmarks: a timestamp between
/// stages is enough to see the hot spots, and costs nothing next to a stage).</summary>
public sealed class StageTimer(AnalysisPipeline pipeline)
{
    private readonly Dictionary<string, TimeSpan> _totals = new(StringComparer.Ordinal);

    /// <summary>Time per stage name, summed over every <see cref="Run"/>, in pipeline order.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Totals => _totals;

    public Article Run(Article article, CancellationToken cancellationToken = default)
    {
        var last = Stopwatch.GetTimestamp();
        return pipeline.Run(article, (stage, _) =>
        {
            var now = Stopwatch.GetTimestamp();
            _totals[stage.Name] = _totals.GetValueOrDefault(stage.Name) + Stopwatch.GetElapsedTime(last, now);
            last = now;
        }, cancellationToken);
    }
}
