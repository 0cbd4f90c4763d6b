using Storyline.Tagging;

namespace Storyline.Training.Tagging;

/// <summary>
/// Builds the POS tagger's lexicon (word → the set of tags it takes). For training, the lexicon of each sentence is
/// built without that sentence's fold (jackknifing, 10 folds), so the words of a training sentence look to the
/// model as they will at run time: rare words often unknown, and tag sets not tailored to the sentence.
/// </summary>
public sealed class TagLexiconBuilder
{
    private const int Folds = 10;
    private readonly Dictionary<ulong, int[]> total = [];
    private readonly Dictionary<ulong, int[]>[] byFold = Enumerable.Range(0, Folds).Select(_ => new Dictionary<ulong, int[]>()).ToArray();
    private readonly int tags;

    public TagLexiconBuilder(int tags) => this.tags = tags;

    /// <summary>A tag enters a word's set when it covers at least this share of the word's occurrences.</summary>
    public double MinShare { get; init; } = 0.05;

    public static int FoldOf(int sentence) => sentence % Folds;

    public void Add(int sentence, ulong word, int tag)
    {
        Count(total, word)[tag]++;
        Count(byFold[FoldOf(sentence)], word)[tag]++;
    }

    /// <summary>The lexicon from all the data (what ships in the model).</summary>
    public KeyTable Full() => Build(null);

    /// <summary>The lexicon without <paramref name="fold"/>'s sentences (what that fold's sentences train with).</summary>
    public KeyTable WithoutFold(int fold) => Build(byFold[fold]);

    private KeyTable Build(Dictionary<ulong, int[]>? exclude)
    {
        var entries = new Dictionary<ulong, uint>();
        Span<int> counts = stackalloc int[tags];
        foreach (var (word, all) in total)
        {
            all.CopyTo(counts);
            if (exclude is not null && exclude.TryGetValue(word, out var left))
            {
                for (var t = 0; t < tags; t++)
                {
                    counts[t] -= left[t];
                }
            }

            var sum = 0;
            foreach (var c in counts)
            {
                sum += c;
            }

            if (sum == 0)
            {
                continue;
            }

            uint mask = 0;
            for (var t = 0; t < tags; t++)
            {
                if (counts[t] > 0 && counts[t] >= MinShare * sum)
                {
                    mask |= 1u << t;
                }
            }

            entries[word] = mask;
        }

        return new KeyTable(entries);
    }

    private int[] Count(Dictionary<ulong, int[]> table, ulong word)
    {
        if (!table.TryGetValue(word, out var counts))
        {
            table[word] = counts = new int[tags];
        }

        return counts;
    }
}
