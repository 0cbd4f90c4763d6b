namespace Storyline.Tagging;

/// <summary>
/// The features of one prepared sentence, position by position, given the tags already chosen to the left.
/// The trainer and the runtime decoder call the same implementation, so training and tagging see the same features.
/// </summary>
public interface ISequenceFeatures
{
    /// <summary>Tokens in the prepared sentence.</summary>
    int Count { get; }

    /// <summary>Upper bound of the features one position can have.</summary>
    int MaxFeatures { get; }

    /// <summary>Writes the features of <paramref name="position"/> into <paramref name="output"/>; returns how many.
    /// <paramref name="tags"/> holds the tags of positions 0..position-1.</summary>
    int Extract(int position, ReadOnlySpan<int> tags, Span<ulong> output);

    /// <summary>Whether <paramref name="tag"/> may go at <paramref name="position"/> after <paramref name="previous"/>
    /// (-1 at the sentence start).</summary>
    bool Allowed(int position, int previous, int tag);
}

/// <summary>Greedy left-to-right decoding: each position takes its best allowed tag given the tags before it.</summary>
public static class SequenceDecoder
{
    public static void Greedy(LinearModel model, ISequenceFeatures features, Span<int> tags)
    {
        var classes = model.ClassCount;
        Span<float> scores = stackalloc float[classes];
        Span<ulong> buffer = stackalloc ulong[features.MaxFeatures];
        for (var i = 0; i < features.Count; i++)
        {
            var n = features.Extract(i, tags[..i], buffer);
            model.Score(buffer[..n], scores);
            tags[i] = Best(scores, features, i, i == 0 ? -1 : tags[i - 1]);
        }
    }

    /// <summary>The highest-scoring tag allowed at <paramref name="position"/> after <paramref name="previous"/>; ties go
    /// to the lower index.</summary>
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
