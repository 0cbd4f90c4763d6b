using Storyline.Text;

namespace Storyline.Tagging;

/// <summary>
/// Feature templates of the part-of-speech tagger: the word and its neighbours (lowercase), affixes, shapes,
/// word bigrams and the two previous tags, in the manner of the greedy averaged-perceptron taggers
/// (Collins 2002; Honnibal's "A good POS tagger in 200 lines of Python").
/// One instance is reused sentence after sentence; not thread-safe.
/// </summary>
public sealed class PosFeatures : ISequenceFeatures
{
    private static readonly ulong Start = FeatureHash.Exact("-START-");
    private static readonly ulong End = FeatureHash.Exact("-END-");

    private WordInfo[] words = new WordInfo[64];
    private uint[] classes = new uint[64];
    private uint[] exactClasses = new uint[64];
    private int[] firstPass = new int[64];
    private bool hasFirstPass;

    public int Count { get; private set; }

    /// <summary>How the sentence is cased overall: 0 mixed, 1 no capitals at all, 2 all capitals.</summary>
    private ulong sentenceCase;

    public int MaxFeatures => 60;

    /// <summary>Precomputes the per-word hashes of a sentence given as spans into <paramref name="text"/>, and
    /// each word's ambiguity class (the set of tags the lexicon has seen it with; 0 when unknown).</summary>
    public void Prepare(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, KeyTable? lexicon)
    {
        if (words.Length < tokens.Length)
        {
            words = new WordInfo[Math.Max(tokens.Length, words.Length * 2)];
            classes = new uint[words.Length];
            firstPass = new int[words.Length];
            exactClasses = new uint[words.Length];
        }

        hasFirstPass = false;

        for (var i = 0; i < tokens.Length; i++)
        {
            words[i] = WordInfo.Compute(text.Slice(tokens[i].Start, tokens[i].Length));
            classes[i] = lexicon?.Get(words[i].Lower) ?? 0;
            exactClasses[i] = lexicon?.Get(ExactKey(words[i].Exact)) ?? 0;
        }

        Count = tokens.Length;
        int upper = 0, lower = 0, lettered = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var flags = words[i].Flags;
            lettered += (flags & WordTraits.HasLetter) != 0 ? 1 : 0;
            upper += (flags & WordTraits.AllUpper) != 0 && words[i].Length > 1 ? 1 : 0;
            lower += (flags & WordTraits.AllLower) != 0 ? 1 : 0;
        }

        sentenceCase = lettered >= 3 && lower == lettered ? 1UL : lettered >= 3 && upper * 10 >= lettered * 8 ? 2UL : 0UL;
    }

    public bool Allowed(int position, int previous, int tag) => true;

    /// <summary>The lexicon key of a case-sensitive form ("Will" and "will" take different tags), distinct from
    /// the lowercase keys.</summary>
    public static ulong ExactKey(ulong exact) => FeatureHash.Combine(0xCA5E, exact);

    /// <summary>Gives the second pass the first pass's tags: the words to the right then have predicted tags too
    /// (a stacked, in effect bidirectional, tagger).</summary>
    public void SetFirstPass(ReadOnlySpan<int> tags)
    {
        tags[..Count].CopyTo(firstPass);
        hasFirstPass = true;
    }

    private static ulong CaseBits(WordTraits flags) =>
        (flags & WordTraits.AllUpper) != 0 ? 1UL : (flags & WordTraits.Capitalized) != 0 ? 2UL : (flags & WordTraits.AllLower) != 0 ? 3UL : 4UL;

    public int ExtractStatic(int position, Span<ulong> output)
    {
        ref readonly var w = ref words[position];
        var previousLower = position > 0 ? words[position - 1].Lower : Start;
        var previous2Lower = position > 1 ? words[position - 2].Lower : Start;
        var nextLower = position + 1 < Count ? words[position + 1].Lower : End;
        var next2Lower = position + 2 < Count ? words[position + 2].Lower : End;

        var n = 0;
        output[n++] = FeatureHash.Feature(0, 0);
        output[n++] = FeatureHash.Feature(1, w.Lower);
        output[n++] = FeatureHash.Feature(2, w.Exact);
        output[n++] = FeatureHash.Feature(3, w.Suffix1);
        output[n++] = FeatureHash.Feature(4, w.Suffix2);
        output[n++] = FeatureHash.Feature(5, w.Suffix3);
        output[n++] = FeatureHash.Feature(6, w.Suffix4);
        output[n++] = FeatureHash.Feature(7, w.Prefix1);
        output[n++] = FeatureHash.Feature(8, w.Prefix2);
        output[n++] = FeatureHash.Feature(9, w.Prefix3);
        output[n++] = FeatureHash.Feature(10, w.Shape);
        output[n++] = FeatureHash.Feature(11, w.ShortShape);
        output[n++] = FeatureHash.Feature(12, previousLower);
        output[n++] = FeatureHash.Feature(13, previous2Lower);
        output[n++] = FeatureHash.Feature(14, nextLower);
        output[n++] = FeatureHash.Feature(15, next2Lower);
        output[n++] = FeatureHash.Feature(16, position > 0 ? words[position - 1].Suffix3 : Start);
        output[n++] = FeatureHash.Feature(17, position + 1 < Count ? words[position + 1].Suffix3 : End);
        output[n++] = FeatureHash.Feature(18, position > 0 ? words[position - 1].ShortShape : Start);
        output[n++] = FeatureHash.Feature(19, position + 1 < Count ? words[position + 1].ShortShape : End);
        output[n++] = FeatureHash.Feature(24, FeatureHash.Combine(previousLower, w.Lower));
        output[n++] = FeatureHash.Feature(25, FeatureHash.Combine(w.Lower, nextLower));
        output[n++] = FeatureHash.Feature(26, (ulong)w.Flags);
        output[n++] = FeatureHash.Feature(27, (ulong)w.Flags << 1 | (position == 0 ? 1UL : 0UL));
        output[n++] = FeatureHash.Feature(29, position + 1 < Count ? words[position + 1].Suffix2 : End);
        output[n++] = FeatureHash.Feature(30, FeatureHash.Combine(nextLower, next2Lower));

        // Ambiguity classes: which tags the words here and to the right can take. The right context has no tags
        // yet in a greedy left-to-right pass; its tag sets are the next best thing.
        ulong a0 = classes[position];
        ulong a1 = position + 1 < Count ? classes[position + 1] : 1UL << 40;
        ulong a2 = position + 2 < Count ? classes[position + 2] : 1UL << 40;
        ulong am1 = position > 0 ? classes[position - 1] : 1UL << 40;
        output[n++] = FeatureHash.Feature(32, a0);
        output[n++] = FeatureHash.Feature(33, a1);
        output[n++] = FeatureHash.Feature(34, a2);
        output[n++] = FeatureHash.Feature(35, am1);
        output[n++] = FeatureHash.Feature(37, FeatureHash.Combine(a0, a1));
        output[n++] = FeatureHash.Feature(38, FeatureHash.Combine(a0, w.Suffix3));

        // Capitalisation in context: PROPN against NOUN is the commonest confusion on EWT dev (330 of 1,192 errors
        // before these features).
        var previousCase = position > 0 ? CaseBits(words[position - 1].Flags) : 7UL;
        var nextCase = position + 1 < Count ? CaseBits(words[position + 1].Flags) : 7UL;
        output[n++] = FeatureHash.Feature(39, previousCase << 6 | CaseBits(w.Flags) << 3 | nextCase);
        output[n++] = FeatureHash.Feature(40, position > 0 ? words[position - 1].Exact : Start);
        output[n++] = FeatureHash.Feature(41, position + 1 < Count ? words[position + 1].Exact : End);
        output[n++] = FeatureHash.Feature(42, sentenceCase << 8 | CaseBits(w.Flags) << 1 | (position == 0 ? 1UL : 0UL));
        output[n++] = FeatureHash.Feature(43, FeatureHash.Combine(sentenceCase, w.Lower));
        output[n++] = FeatureHash.Feature(44, exactClasses[position]);
        output[n++] = FeatureHash.Feature(45, position + 1 < Count ? exactClasses[position + 1] : 1UL << 40);
        output[n++] = FeatureHash.Feature(46, position > 0 ? exactClasses[position - 1] : 1UL << 40);
        if (hasFirstPass)
        {
            ulong p0 = (ulong)firstPass[position];
            ulong p1 = position + 1 < Count ? (ulong)firstPass[position + 1] : 99;
            ulong p2 = position + 2 < Count ? (ulong)firstPass[position + 2] : 99;
            output[n++] = FeatureHash.Feature(50, p0);
            output[n++] = FeatureHash.Feature(51, p1);
            output[n++] = FeatureHash.Feature(52, p1 << 8 | p2);
            output[n++] = FeatureHash.Feature(54, FeatureHash.Combine(p1, w.Lower));
            output[n++] = FeatureHash.Feature(55, FeatureHash.Combine(p0, w.Lower));
        }

        return n;
    }

    public int ExtractDynamic(int position, ReadOnlySpan<int> tags, Span<ulong> output)
    {
        ref readonly var w = ref words[position];
        var nextLower = position + 1 < Count ? words[position + 1].Lower : End;
        ulong t1 = position > 0 ? (ulong)tags[position - 1] : 99;
        ulong t2 = position > 1 ? (ulong)tags[position - 2] : 99;
        ulong a0 = classes[position];
        var n = 0;
        output[n++] = FeatureHash.Feature(20, t1);
        output[n++] = FeatureHash.Feature(21, t2);
        output[n++] = FeatureHash.Feature(22, t1 << 8 | t2);
        output[n++] = FeatureHash.Feature(23, FeatureHash.Combine(t1, w.Lower));
        output[n++] = FeatureHash.Feature(28, FeatureHash.Combine(t1, w.Suffix3));
        output[n++] = FeatureHash.Feature(31, FeatureHash.Combine(t1, nextLower));
        output[n++] = FeatureHash.Feature(36, FeatureHash.Combine(t1, a0));
        if (hasFirstPass)
        {
            ulong p1 = position + 1 < Count ? (ulong)firstPass[position + 1] : 99;
            output[n++] = FeatureHash.Feature(53, t1 << 8 | p1);
        }

        return n;
    }
}
