using System.Collections.Immutable;
using Storyline.Tagging;

namespace Storyline.Training.Tagging;

/// <summary>
/// Multiclass averaged perceptron (Collins 2002) over a hashed feature table of 2^bits rows, indexed exactly as the
/// runtime <see cref="LinearModel"/> indexes it (<see cref="LinearModel.RowOf"/>), with lazy averaging: each weight
/// keeps the step it last changed at, so an update costs O(features) and the average is exact.
/// </summary>
public sealed class AveragedPerceptron
{
    private readonly int classes;
    private readonly int bits;
    private readonly bool[] live;
    private readonly float[] weights;
    private readonly double[] totals;
    private readonly int[] stamps;
    private int step;

    /// <param name="live">Rows that may carry weight (those whose features were seen often enough); null for all.</param>
    public AveragedPerceptron(int classes, int bits, bool[]? live = null)
    {
        this.classes = classes;
        this.bits = bits;
        var rows = 1 << bits;
        this.live = live ?? Enumerable.Repeat(true, rows).ToArray();
        weights = new float[rows * classes];
        totals = new double[rows * classes];
        stamps = new int[rows * classes];
    }

    /// <summary>Rows that may carry weight.</summary>
    public int FeatureCount => live.Count(l => l);

    /// <summary>Maps feature keys to rows; features in dead rows are dropped.</summary>
    public int Rows(ReadOnlySpan<ulong> features, Span<int> rows)
    {
        var n = 0;
        foreach (var f in features)
        {
            var row = LinearModel.RowOf(f, bits);
            if (live[row])
            {
                rows[n++] = row;
            }
        }

        return n;
    }

    public void Score(ReadOnlySpan<int> rows, Span<float> scores)
    {
        scores.Clear();
        foreach (var row in rows)
        {
            var w = weights.AsSpan(row * classes, classes);
            for (var c = 0; c < classes; c++)
            {
                scores[c] += w[c];
            }
        }
    }

    /// <summary>Counts one training instance; call once per token, before <see cref="Update"/>.</summary>
    public void Tick() => step++;

    public void Update(ReadOnlySpan<int> rows, int gold, int guess)
    {
        if (gold == guess)
        {
            return;
        }

        foreach (var row in rows)
        {
            Change(row * classes + gold, 1f);
            Change(row * classes + guess, -1f);
        }
    }

    private void Change(int i, float delta)
    {
        totals[i] += (double)(step - stamps[i]) * weights[i];
        stamps[i] = step;
        weights[i] += delta;
    }

    /// <summary>The averaged weights as a runtime model. Weights whose magnitude is below
    /// <paramref name="minWeight"/> are dropped.</summary>
    public LinearModel ToModel(ImmutableArray<string> labels, float minWeight)
    {
        var divisor = Math.Max(1, step);
        var dense = new float[weights.Length];
        for (var i = 0; i < dense.Length; i++)
        {
            var total = totals[i] + (double)(step - stamps[i]) * weights[i];
            var average = (float)(total / divisor);
            dense[i] = Math.Abs(average) >= minWeight ? average : 0f;
        }

        return LinearModel.Create(labels, bits, dense);
    }
}
