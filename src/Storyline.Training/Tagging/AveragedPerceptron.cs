using System.Collections.Immutable;
using Storyline.Tagging;

namespace Storyline.Training.Tagging;

/// <summary>
/// Multiclass averaged perceptron (Collins 2002) over a fixed feature index, with lazy averaging: each weight keeps
/// the step it last changed at, so an update costs O(features) and the average is exact.
/// </summary>
public sealed class AveragedPerceptron
{
    private readonly int classes;
    private readonly Dictionary<ulong, int> index;
    private readonly ulong[] keysByRow;
    private readonly float[] weights;
    private readonly double[] totals;
    private readonly int[] stamps;
    private int step;

    public AveragedPerceptron(int classes, IReadOnlyCollection<ulong> features)
    {
        this.classes = classes;
        index = new Dictionary<ulong, int>(features.Count);
        keysByRow = new ulong[features.Count];
        foreach (var key in features)
        {
            keysByRow[index.Count] = key;
            index.Add(key, index.Count);
        }

        weights = new float[features.Count * classes];
        totals = new double[features.Count * classes];
        stamps = new int[features.Count * classes];
    }

    public int FeatureCount => keysByRow.Length;

    /// <summary>Maps feature keys to rows; unknown features become -1 and are ignored.</summary>
    public int Rows(ReadOnlySpan<ulong> features, Span<int> rows)
    {
        var n = 0;
        foreach (var f in features)
        {
            if (index.TryGetValue(f, out var row))
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
    /// <paramref name="minWeight"/> are dropped, and features left with none are pruned.</summary>
    public LinearModel ToModel(ImmutableArray<string> labels, float minWeight)
    {
        var rows = new List<(ulong, float[])>();
        var divisor = Math.Max(1, step);
        for (var r = 0; r < keysByRow.Length; r++)
        {
            float[]? row = null;
            for (var c = 0; c < classes; c++)
            {
                var i = r * classes + c;
                var total = totals[i] + (double)(step - stamps[i]) * weights[i];
                var average = (float)(total / divisor);
                if (Math.Abs(average) >= minWeight)
                {
                    row ??= new float[classes];
                    row[c] = average;
                }
            }

            if (row is not null)
            {
                rows.Add((keysByRow[r], row));
            }
        }

        return LinearModel.Create(labels, rows);
    }
}
