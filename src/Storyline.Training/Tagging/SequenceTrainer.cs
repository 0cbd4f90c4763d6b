using System.Diagnostics;
using Storyline.Tagging;

namespace Storyline.Training.Tagging;

/// <summary>
/// Trains a greedy sequence tagger with an averaged perceptron: features come from the same
/// <see cref="ISequenceFeatures"/> the runtime decoder uses, the history is the model's own predictions (so training
/// sees the errors it will make at run time), and the sentence order is shuffled each epoch with a fixed seed.
/// </summary>
public static class SequenceTrainer
{
    /// <param name="count">Number of training sentences.</param>
    /// <param name="prepare">Prepares sentence i and returns its features and gold tags.</param>
    public static AveragedPerceptron Train(
        int count,
        Func<int, (ISequenceFeatures Features, int[] Gold)> prepare,
        int classes,
        int epochs,
        int seed,
        int minFeatureCount,
        int bits,
        TextWriter? log,
        Func<AveragedPerceptron, string>? afterEpoch = null,
        int blockSize = 1,
        Action<int, int[]>? afterSentence = null,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();

        // Rows of the hashed table that features seen at least minFeatureCount times (with the gold history) fall in.
        var counts = new int[1 << bits];
        var buffer = new ulong[256];
        long seen = 0;
        for (var s = 0; s < count; s++)
        {
            var (features, gold) = prepare(s);
            for (var i = 0; i < features.Count; i++)
            {
                var n = SequenceDecoder.Extract(features, i, gold, buffer);
                for (var k = 0; k < n; k++)
                {
                    counts[LinearModel.RowOf(buffer[k], bits)]++;
                }

                seen += n;
            }

            afterSentence?.Invoke(s, gold);
        }

        var live = counts.Select(c => c >= minFeatureCount && c > 0).ToArray();
        var model = new AveragedPerceptron(classes, bits, live);
        log?.WriteLine($"  {seen:N0} feature occurrences; {counts.Count(c => c > 0):N0} of {counts.Length:N0} rows used, {model.FeatureCount:N0} kept (count >= {minFeatureCount}) in {clock.Elapsed.TotalSeconds:F1}s");

        // Sentences are shuffled in blocks of blockSize consecutive sentences (kept in order inside a block), so
        // features that remember earlier sentences of a document see them.
        var blocks = Enumerable.Range(0, (count + blockSize - 1) / blockSize).ToArray();
        var random = new Random(seed);
        var scores = new float[classes];
        var rows = new int[256];
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(blocks);
            long tokens = 0, correct = 0;
            foreach (var s in blocks.SelectMany(b => Enumerable.Range(b * blockSize, Math.Min(blockSize, count - b * blockSize))))
            {
                var (features, gold) = prepare(s);
                var guesses = new int[features.Count];
                for (var i = 0; i < features.Count; i++)
                {
                    var n = SequenceDecoder.Extract(features, i, guesses, buffer);
                    var r = model.Rows(buffer.AsSpan(0, n), rows);
                    model.Score(rows.AsSpan(0, r), scores);
                    var guess = SequenceDecoder.Best(scores, features, i, i == 0 ? -1 : guesses[i - 1]);
                    model.Tick();
                    model.Update(rows.AsSpan(0, r), gold[i], guess);
                    // Continue from the model's own guess, as at run time.
                    guesses[i] = guess;
                    tokens++;
                    correct += guess == gold[i] ? 1 : 0;
                }

                afterSentence?.Invoke(s, guesses);
            }

            var extra = afterEpoch is null ? "" : "; " + afterEpoch(model);
            log?.WriteLine($"  epoch {epoch}: train accuracy {(double)correct / tokens:P2}{extra} ({clock.Elapsed.TotalSeconds:F0}s)");
        }

        return model;
    }
}
