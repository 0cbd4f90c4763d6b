using System.Diagnostics;
using Storyline.Entities;
using Storyline.Tagging;
using Storyline.Training.Tagging;

namespace Storyline.Training.Evaluation;

/// <summary>Tokens per CPU-second of POS tagging alone, entity recognition alone (on precomputed tags) and both, on
/// one thread, and the bytes allocated in the measured passes (the hot loop should allocate nothing). CPU time, not
/// wall time, because the machines this runs on are shared: a wall clock measures the neighbours.</summary>
public sealed record Throughput(long Tokens, double PosSeconds, double NerSeconds, double BothSeconds, long AllocatedBytes)
{
    public double PosTokensPerSecond => Tokens / PosSeconds;

    public double NerTokensPerSecond => Tokens / NerSeconds;

    /// <summary>POS + NER together.</summary>
    public double TokensPerSecond => Tokens / BothSeconds;
}

public static class TaggingThroughput
{
    /// <summary>Runs each configuration once to warm up, then <paramref name="passes"/> times. Sentences are laid out
    /// before timing, so only tagging is measured.</summary>
    public static Throughput Measure(PosTagger tagger, EntityRecognizer recognizer, IReadOnlyList<TaggedSentence> sentences, int passes = 3)
    {
        var tags = sentences.Select(s => new int[s.Tokens.Length]).ToArray();
        var longest = sentences.Count == 0 ? 1 : sentences.Max(s => s.Tokens.Length);
        var labels = new int[longest];
        var memory = new EntityMemory();

        void Pos()
        {
            for (var i = 0; i < sentences.Count; i++)
            {
                tagger.Tag(sentences[i].Text, sentences[i].Tokens, tags[i]);
            }
        }

        void Ner()
        {
            memory.Clear();
            for (var i = 0; i < sentences.Count; i++)
            {
                recognizer.Label(sentences[i].Text, sentences[i].Tokens, tags[i], labels, memory);
            }
        }

        void Both()
        {
            memory.Clear();
            for (var i = 0; i < sentences.Count; i++)
            {
                tagger.Tag(sentences[i].Text, sentences[i].Tokens, tags[i]);
                recognizer.Label(sentences[i].Text, sentences[i].Tokens, tags[i], labels, memory);
            }
        }

        long tokens = sentences.Sum(s => (long)s.Tokens.Length) * passes;
        Pos();
        Ner();
        Both();
        long allocated = 0;
        var pos = CpuSeconds(Pos, passes, ref allocated);
        var ner = CpuSeconds(Ner, passes, ref allocated);
        var both = CpuSeconds(Both, passes, ref allocated);
        return new Throughput(tokens, pos, ner, both, allocated);
    }

    private static double CpuSeconds(Action pass, int passes, ref long allocated)
    {
        var before = Cpu();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        for (var p = 0; p < passes; p++)
        {
            pass();
        }

        allocated += GC.GetAllocatedBytesForCurrentThread() - bytes;
        return (Cpu() - before).TotalSeconds;
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
