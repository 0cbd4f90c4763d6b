namespace Storyline.Tagging;

/// <summary>
/// The features of one prepared sentence, position by position. Static features depend on the words only; dynamic
/// ones also on the tags already chosen to the left. The decoder scores every position's static features before it
/// decodes (their table loads are independent, so their cache misses overlap), then adds the few dynamic ones as it
/// goes. The trainer and the runtime decoder call the same implementation, so training and tagging see the same
/// features.
/// </summary>
public interface ISequenceFeatures
{
    /// <summary>Tokens in the prepared sentence.</summary>
    int Count { get; }

    /// <summary>Upper bound of the static plus dynamic features one position can have.</summary>
    int MaxFeatures { get; }

    /// <summary>Writes the features of <paramref name="position"/> that do not depend on tags; returns how many.</summary>
    int ExtractStatic(int position, Span<ulong> output);

    /// <summary>Writes the features of <paramref name="position"/> that depend on the tags of positions
    /// 0..position-1 (<paramref name="tags"/>); returns how many.</summary>
    int ExtractDynamic(int position, ReadOnlySpan<int> tags, Span<ulong> output);

    /// <summary>Whether <paramref name="tag"/> may go at <paramref name="position"/> after <paramref name="previous"/>
    /// (-1 at the sentence start).</summary>
    bool Allowed(int position, int previous, int tag);
}

/// <summary>Greedy left-to-right decoding: each position takes its best allowed tag given the tags before it.</summary>
public static class SequenceDecoder
{
    // Per-thread scratch for a sentence's static scores; grows to the longest sentence seen, then never allocates.
    [ThreadStatic]
    private static int[]? staticScores;

    /// <summary>All features of a position (static, then dynamic); what the trainer indexes.</summary>
    public static int Extract(ISequenceFeatures features, int position, ReadOnlySpan<int> tags, Span<ulong> output)
    {
        var n = features.ExtractStatic(position, output);
        return n + features.ExtractDynamic(position, tags, output[n..]);
    }

    public static void Greedy(LinearModel model, ISequenceFeatures features, Span<int> tags)
    {
        var count = features.Count;
        var stride = model.Stride;
        var needed = Math.Max(1, count) * stride;
        if (staticScores is null || staticScores.Length < needed)
        {
            staticScores = new int[Math.Max(needed, 64 * stride)];
        }

        var all = staticScores.AsSpan(0, count * stride);
        all.Clear();
        Span<ulong> buffer = stackalloc ulong[features.MaxFeatures];
        Span<ulong> ahead = stackalloc ulong[features.MaxFeatures];
        // The rows of position i + 1 are prefetched while position i is summed: most of a token's rows are cache
        // misses in tables of tens of megabytes, and a prefetch, unlike a load, does not hold up the instructions
        // behind it.
        var n = count > 0 ? features.ExtractStatic(0, buffer) : 0;
        for (var i = 0; i < count; i++)
        {
            var m = i + 1 < count ? features.ExtractStatic(i + 1, ahead) : 0;
            foreach (var f in ahead[..m])
            {
                model.Prefetch(f);
            }

            model.Accumulate(buffer[..n], all.Slice(i * stride, stride));
            var swap = buffer;
            buffer = ahead;
            ahead = swap;
            n = m;
        }

        Span<int> scores = stackalloc int[stride];
        for (var i = 0; i < count; i++)
        {
            all.Slice(i * stride, stride).CopyTo(scores);
            var d = features.ExtractDynamic(i, tags[..i], buffer);
            model.Accumulate(buffer[..d], scores);
            tags[i] = Best(scores[..model.ClassCount], features, i, i == 0 ? -1 : tags[i - 1]);
        }
    }

    /// <summary>The highest-scoring tag allowed at <paramref name="position"/> after <paramref name="previous"/>; ties go
    /// to the lower index.</summary>
    public static int Best(ReadOnlySpan<int> scores, ISequenceFeatures features, int position, int previous)
    {
        var best = -1;
        var bestScore = int.MinValue;
        for (var c = 0; c < scores.Length; c++)
        {
            if ((best < 0 || scores[c] > bestScore) && features.Allowed(position, previous, c))
            {
                best = c;
                bestScore = scores[c];
            }
        }

        return best < 0 ? 0 : best;
    }

    /// <summary>As <see cref="Best(ReadOnlySpan{int}, ISequenceFeatures, int, int)"/> over float scores (training).</summary>
    public static int Best(ReadOnlySpan<float> scores, ISequenceFeatures features, int position, int previous)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < scores.Length; c++)
        {
            if ((best < 0 || scores[c] > bestScore) && features.Allowed(position, previous, c))
            {
                best = c;
                bestScore = scores[c];
            }
        }

        return best < 0 ? 0 : best;
    }
}
