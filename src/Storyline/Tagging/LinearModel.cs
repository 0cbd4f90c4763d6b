using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Storyline.Tagging;

/// <summary>
/// A multiclass linear model over hashed sparse features (the "hashing trick"): a feature key's top
/// <see cref="Bits"/> bits pick a row of a flat table; each row holds one 16-bit weight per class, padded to a multiple
/// of 8 classes so a row is added with 128-bit vector instructions. No keys are stored and there is no probing: a
/// feature costs one multiply-free index and one row load, and the loads of different features do not depend on each
/// other, so the processor overlaps their cache misses. Features that share a row were trained sharing it (the trainer
/// indexes the same way), so collisions are learned around rather than corrupting the model.
/// Weights are quantised to <see cref="short"/> with one scale per model; scores are summed in 32-bit integers.
/// On disk only the non-zero rows are written, in row order, so the same weights give the same bytes.
/// </summary>
public sealed class LinearModel
{
    private const string SectionFormat = "hashed-int16-1";

    // The rows live in a pinned array from `start` on, `start` chosen so that the first row is 64-byte aligned.
    private readonly short[] storage;
    private readonly int start;
    private readonly int shift;

    private LinearModel(ImmutableArray<string> labels, int bits, short[] rows, float scale)
    {
        Labels = labels;
        Bits = bits;
        Stride = StrideOf(labels.Length);
        shift = 64 - bits;
        storage = GC.AllocateUninitializedArray<short>(rows.Length + 32, pinned: true);
        start = Aligned(storage);
        storage.AsSpan().Clear();
        rows.CopyTo(storage, start);
        Scale = scale;
        var used = 0;
        for (var r = 0; r < rows.Length; r += Stride)
        {
            used += rows.AsSpan(r, Stride).ContainsAnyExcept((short)0) ? 1 : 0;
        }

        FeatureCount = used;
    }

    private Span<short> Weights => storage.AsSpan(start, (1 << Bits) * Stride);

    private static unsafe int Aligned(short[] pinned)
    {
        var address = (nint)Unsafe.AsPointer(ref pinned[0]);
        return (int)((64 - (address & 63)) & 63) / sizeof(short);
    }

    /// <summary>Asks the processor to start loading the row of <paramref name="feature"/> (a hint; no effect where
    /// prefetching is not available).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong feature)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref storage[start + (int)(feature >> shift) * Stride]));
        }
    }

    public ImmutableArray<string> Labels { get; }

    public int ClassCount => Labels.Length;

    /// <summary>Weights per row (<see cref="StrideOf"/>). Score buffers must be this long.</summary>
    public int Stride { get; }

    /// <summary>log2 of the number of rows.</summary>
    public int Bits { get; }

    /// <summary>Rows that hold at least one non-zero weight.</summary>
    public int FeatureCount { get; }

    /// <summary>What one unit of an integer score is worth in perceptron weight.</summary>
    public float Scale { get; }

    /// <summary>The class count rounded up to 8, 16 or 32 (then to a multiple of 32): with the table aligned to 64 bytes a
    /// row never straddles two cache lines.</summary>
    public static int StrideOf(int classes) => classes <= 8 ? 8 : classes <= 16 ? 16 : (classes + 31) & ~31;

    /// <summary>The row a feature key falls in, for a table of 2^<paramref name="bits"/> rows. Keys from
    /// <see cref="FeatureHash.Feature"/> are already mixed, so their top bits are as good as any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RowOf(ulong feature, int bits) => (int)(feature >> (64 - bits));

    /// <summary>Adds the rows of <paramref name="features"/> to <paramref name="scores"/> (at least <see cref="Stride"/>
    /// long; not cleared).</summary>
    public void Accumulate(ReadOnlySpan<ulong> features, Span<int> scores)
    {
        if (scores.Length < Stride)
        {
            throw new ArgumentException("scores must hold Stride entries", nameof(scores));
        }

        ref var table = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(storage), start);
        ref var acc = ref MemoryMarshal.GetReference(scores);
        var stride = Stride;
        var s = shift;
        if (stride == 8)
        {
            var a0 = Vector128.LoadUnsafe(ref acc);
            var a1 = Vector128.LoadUnsafe(ref acc, 4);
            foreach (var f in features)
            {
                var (lo, hi) = Vector128.Widen(Vector128.LoadUnsafe(ref table, (nuint)((int)(f >> s) << 3)));
                a0 += lo;
                a1 += hi;
            }

            a0.StoreUnsafe(ref acc);
            a1.StoreUnsafe(ref acc, 4);
            return;
        }

        if (stride == 16)
        {
            var a0 = Vector128.LoadUnsafe(ref acc);
            var a1 = Vector128.LoadUnsafe(ref acc, 4);
            var a2 = Vector128.LoadUnsafe(ref acc, 8);
            var a3 = Vector128.LoadUnsafe(ref acc, 12);
            foreach (var f in features)
            {
                var offset = (nuint)((int)(f >> s) << 4);
                var (l0, h0) = Vector128.Widen(Vector128.LoadUnsafe(ref table, offset));
                var (l1, h1) = Vector128.Widen(Vector128.LoadUnsafe(ref table, offset + 8));
                a0 += l0;
                a1 += h0;
                a2 += l1;
                a3 += h1;
            }

            a0.StoreUnsafe(ref acc);
            a1.StoreUnsafe(ref acc, 4);
            a2.StoreUnsafe(ref acc, 8);
            a3.StoreUnsafe(ref acc, 12);
            return;
        }

        if (stride == 32)
        {
            var a0 = Vector128.LoadUnsafe(ref acc);
            var a1 = Vector128.LoadUnsafe(ref acc, 4);
            var a2 = Vector128.LoadUnsafe(ref acc, 8);
            var a3 = Vector128.LoadUnsafe(ref acc, 12);
            var a4 = Vector128.LoadUnsafe(ref acc, 16);
            var a5 = Vector128.LoadUnsafe(ref acc, 20);
            var a6 = Vector128.LoadUnsafe(ref acc, 24);
            var a7 = Vector128.LoadUnsafe(ref acc, 28);
            foreach (var f in features)
            {
                var offset = (nuint)((int)(f >> s) << 5);
                var (l0, h0) = Vector128.Widen(Vector128.LoadUnsafe(ref table, offset));
                var (l1, h1) = Vector128.Widen(Vector128.LoadUnsafe(ref table, offset + 8));
                var (l2, h2) = Vector128.Widen(Vector128.LoadUnsafe(ref table, offset + 16));
                var (l3, h3) = Vector128.Widen(Vector128.LoadUnsafe(ref table, offset + 24));
                a0 += l0;
                a1 += h0;
                a2 += l1;
                a3 += h1;
                a4 += l2;
                a5 += h2;
                a6 += l3;
                a7 += h3;
            }

            a0.StoreUnsafe(ref acc);
            a1.StoreUnsafe(ref acc, 4);
            a2.StoreUnsafe(ref acc, 8);
            a3.StoreUnsafe(ref acc, 12);
            a4.StoreUnsafe(ref acc, 16);
            a5.StoreUnsafe(ref acc, 20);
            a6.StoreUnsafe(ref acc, 24);
            a7.StoreUnsafe(ref acc, 28);
            return;
        }

        foreach (var f in features)
        {
            var offset = (nuint)((int)(f >> s) * stride);
            for (var c = 0; c < stride; c += 8)
            {
                var (lo, hi) = Vector128.Widen(Vector128.LoadUnsafe(ref table, offset + (nuint)c));
                (Vector128.LoadUnsafe(ref acc, (nuint)c) + lo).StoreUnsafe(ref acc, (nuint)c);
                (Vector128.LoadUnsafe(ref acc, (nuint)c + 4) + hi).StoreUnsafe(ref acc, (nuint)c + 4);
            }
        }
    }

    /// <summary>Sums the weights of all <paramref name="features"/> into <paramref name="scores"/> (cleared first), in
    /// perceptron units. Convenience for tests and cold paths; the decoders use <see cref="Accumulate"/>.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        Span<int> sums = stackalloc int[Stride];
        sums.Clear();
        Accumulate(features, sums);
        for (var c = 0; c < ClassCount; c++)
        {
            scores[c] = sums[c] * Scale;
        }
    }

    /// <summary>Builds a model from dense float weights (<c>2^bits × labels.Length</c>, row-major), quantising them
    /// to 16 bits with one scale (the largest magnitude maps to 32,767).</summary>
    public static LinearModel Create(ImmutableArray<string> labels, int bits, ReadOnlySpan<float> dense)
    {
        var classes = labels.Length;
        if (bits is < 4 or > 22 || dense.Length != (1 << bits) * classes)
        {
            throw new ArgumentException("dense weights must hold 2^bits rows of one weight per class", nameof(dense));
        }

        var max = 0f;
        foreach (var w in dense)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        var scale = max == 0 ? 1f : max / short.MaxValue;
        var stride = StrideOf(classes);
        var weights = new short[(1 << bits) * stride];
        for (var r = 0; r < 1 << bits; r++)
        {
            for (var c = 0; c < classes; c++)
            {
                weights[r * stride + c] = (short)Math.Clamp(MathF.Round(dense[r * classes + c] / scale), -short.MaxValue, short.MaxValue);
            }
        }

        return new LinearModel(labels, bits, weights, scale);
    }

    /// <summary>Builds a model from (feature key, weight per class) pairs; keys that share a row add up.</summary>
    public static LinearModel Create(ImmutableArray<string> labels, int bits, IEnumerable<(ulong Key, float[] Row)> rows)
    {
        var classes = labels.Length;
        var dense = new float[(1 << bits) * classes];
        foreach (var (key, row) in rows)
        {
            if (row.Length != classes)
            {
                throw new ArgumentException("rows must have one weight per class", nameof(rows));
            }

            var r = RowOf(key, bits);
            for (var c = 0; c < classes; c++)
            {
                dense[r * classes + c] += row[c];
            }
        }

        return Create(labels, bits, dense);
    }

    /// <summary>Writes labels, bits, scale and the non-zero rows sparsely (class, weight) in row order.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(SectionFormat);
        writer.Write(Labels.Length);
        foreach (var label in Labels)
        {
            writer.Write(label);
        }

        writer.Write(Bits);
        writer.Write(Scale);
        writer.Write(FeatureCount);
        var classes = Labels.Length;
        var previous = -1;
        for (var r = 0; r < 1 << Bits; r++)
        {
            var row = Weights.Slice(r * Stride, classes);
            var count = 0;
            foreach (var w in row)
            {
                count += w != 0 ? 1 : 0;
            }

            if (count == 0)
            {
                continue;
            }

            // Row gaps rather than row numbers: small numbers compress better.
            writer.Write7BitEncodedInt(r - previous);
            previous = r;
            writer.Write((byte)count);
            for (var c = 0; c < classes; c++)
            {
                if (row[c] != 0)
                {
                    writer.Write((byte)c);
                    writer.Write(row[c]);
                }
            }
        }
    }

    public static LinearModel Read(BinaryReader reader)
    {
        var format = reader.ReadString();
        if (format != SectionFormat)
        {
            throw new InvalidDataException($"weights section format '{format}' is not '{SectionFormat}'; retrain the model");
        }

        var labelCount = reader.ReadInt32();
        var labels = ImmutableArray.CreateBuilder<string>(labelCount);
        for (var i = 0; i < labelCount; i++)
        {
            labels.Add(reader.ReadString());
        }

        var bits = reader.ReadInt32();
        var scale = reader.ReadSingle();
        var rows = reader.ReadInt32();
        var stride = StrideOf(labelCount);
        var weights = new short[(1 << bits) * stride];
        var r = -1;
        for (var k = 0; k < rows; k++)
        {
            r += reader.Read7BitEncodedInt();
            int count = reader.ReadByte();
            for (var i = 0; i < count; i++)
            {
                int c = reader.ReadByte();
                weights[r * stride + c] = reader.ReadInt16();
            }
        }

        return new LinearModel(labels.MoveToImmutable(), bits, weights, scale);
    }
}
