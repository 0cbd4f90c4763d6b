using System.Diagnostics;
using Storyline.Entities;
using Storyline.Tagging;
using Storyline.Training.Tagging;

namespace Storyline.Training.Evaluation;

/// <summary>Tokens per second of POS tagging plus entity recognition on one thread, and the bytes allocated per
/// token in the measured pass (the hot loop should allocate nothing).</summary>
public sealed record Throughput(long Tokens, double Seconds, long AllocatedBytes)
{
    public double TokensPerSecond => Tokens / Seconds;
}

public static class TaggingThroughput
{
    /// <summary>Runs POS + NER over the sentences once to warm up, then <paramref name="passes"/> times under a
    /// stopwatch. Sentences are laid out before timing, so only tagging is measured.</summary>
    public static Throughput Measure(PosTagger tagger, EntityRecognizer recognizer, IReadOnlyList<TaggedSentence> sentences, int passes = 3)
    {
        var longest = sentences.Count == 0 ? 1 : sentences.Max(s => s.Tokens.Length);
        var pos = new int[longest];
        var labels = new int[longest];
        var memory = new EntityMemory();

        void Pass()
        {
            memory.Clear();
            foreach (var s in sentences)
            {
                tagger.Tag(s.Text, s.Tokens, pos);
                recognizer.Label(s.Text, s.Tokens, pos, labels, memory);
            }
        }

        Pass();
        long tokens = 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var p = 0; p < passes; p++)
        {
            Pass();
            foreach (var s in sentences)
            {
                tokens += s.Tokens.Length;
            }
        }

        clock.Stop();
        return new Throughput(tokens, clock.Elapsed.TotalSeconds, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }
}
