using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Storyline.Tagging;

/// <summary>
/// A multiclass linear model over hashed sparse features: an open-addressing table from 64-bit feature keys to dense
/// weight rows (one float per class, padded). Scoring a token is one table probe and one row add per feature.
/// On disk the rows are sparse (only the classes a feature has weight for) and stored as half floats.
/// </summary>
public sealed class LinearModel
{
    // Key and row offset side by side: a probe touches one cache line of the table, then the row.
    private readonly Slot[] slots;
    private readonly float[] weights;
    private readonly int mask;

    private LinearModel(ImmutableArray<string> labels, Slot[] slots, float[] weights, int featureCount)
    {
        Labels = labels;
        this.slots = slots;
        this.weights = weights;
        mask = slots.Length - 1;
        FeatureCount = featureCount;
    }

    private struct Slot
    {
        public ulong Key;
        public int Offset;
    }

    public ImmutableArray<string> Labels { get; }

    public int ClassCount => Labels.Length;

    public int FeatureCount { get; }

    /// <summary>Adds the weights of <paramref name="feature"/> (if the model knows it) to <paramref name="scores"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ulong feature, Span<float> scores)
    {
        var slot = (int)feature & mask;
        while (true)
        {
            ref readonly var entry = ref slots[slot];
            var key = entry.Key;
            if (key == feature)
            {
                var row = weights.AsSpan(entry.Offset, scores.Length);
                for (var c = 0; c < row.Length; c++)
                {
                    scores[c] += row[c];
                }

                return;
            }

            if (key == 0)
            {
                return;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Sums the weights of all <paramref name="features"/> into <paramref name="scores"/> (cleared first).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features)
        {
            Add(f, scores);
        }
    }

    /// <summary>Builds a model from (key, dense row) pairs; rows must have <c>labels.Length</c> entries.</summary>
    public static LinearModel Create(ImmutableArray<string> labels, IReadOnlyList<(ulong Key, float[] Row)> rows)
    {
        var classes = labels.Length;
        var capacity = 16;
        while (capacity < rows.Count * 2)
        {
            capacity <<= 1;
        }

        var slots = new Slot[capacity];
        var weights = new float[rows.Count * classes];
        for (var r = 0; r < rows.Count; r++)
        {
            var (key, row) = rows[r];
            if (key == 0 || row.Length != classes)
            {
                throw new ArgumentException("feature keys must be non-zero and rows must have one weight per class", nameof(rows));
            }

            var slot = (int)key & (capacity - 1);
            while (slots[slot].Key != 0)
            {
                if (slots[slot].Key == key)
                {
                    throw new ArgumentException($"duplicate feature key {key:x16}", nameof(rows));
                }

                slot = (slot + 1) & (capacity - 1);
            }

            slots[slot] = new Slot { Key = key, Offset = r * classes };
            row.CopyTo(weights, r * classes);
        }

        return new LinearModel(labels, slots, weights, rows.Count);
    }

    /// <summary>Writes labels and sparse half-float rows in key order, so the same weights give the same bytes.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Labels.Length);
        foreach (var label in Labels)
        {
            writer.Write(label);
        }

        var used = slots.Where(s => s.Key != 0).OrderBy(s => s.Key).ToList();
        writer.Write(used.Count);
        var classes = Labels.Length;
        Span<byte> present = stackalloc byte[classes];
        foreach (var slot in used)
        {
            writer.Write(slot.Key);
            var row = weights.AsSpan(slot.Offset, classes);
            var count = 0;
            for (var c = 0; c < classes; c++)
            {
                if ((Half)row[c] != Half.Zero)
                {
                    present[count++] = (byte)c;
                }
            }

            writer.Write((byte)count);
            for (var i = 0; i < count; i++)
            {
                writer.Write(present[i]);
                writer.Write((Half)row[present[i]]);
            }
        }
    }

    public static LinearModel Read(BinaryReader reader)
    {
        var labelCount = reader.ReadInt32();
        var labels = ImmutableArray.CreateBuilder<string>(labelCount);
        for (var i = 0; i < labelCount; i++)
        {
            labels.Add(reader.ReadString());
        }

        var count = reader.ReadInt32();
        var rows = new List<(ulong, float[])>(count);
        for (var r = 0; r < count; r++)
        {
            var key = reader.ReadUInt64();
            var row = new float[labelCount];
            int nonZero = reader.ReadByte();
            for (var i = 0; i < nonZero; i++)
            {
                int c = reader.ReadByte();
                row[c] = (float)reader.ReadHalf();
            }

            rows.Add((key, row));
        }

        return Create(labels.MoveToImmutable(), rows);
    }
}
