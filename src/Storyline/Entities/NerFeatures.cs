using Storyline.Tagging;
using Storyline.Text;

namespace Storyline.Entities;

/// <summary>
/// Feature templates of the named-entity recogniser: the word, its lowercase form, shape, affixes and neighbours,
/// UPOS tags around it, gazetteer matches, capitalisation in context (sentence-initial, all-caps headlines) and the
/// two previous labels. Labels are BIO; an I- label may only continue its own type.
/// One instance is reused sentence after sentence; not thread-safe.
/// </summary>
public sealed class NerFeatures : ISequenceFeatures
{
    private static readonly ulong Start = FeatureHash.Exact("-START-");
    private static readonly ulong End = FeatureHash.Exact("-END-");

    private readonly Gazetteer? gazetteer;
    private readonly int[] typeOf;
    // I-/L- labels continue a name; after B-/I- a BILOU name must continue.
    private readonly bool[] continuing;
    private readonly bool[] open;
    private readonly bool bilou;
    private readonly bool sentenceStartRule;
    private WordInfo[] words = new WordInfo[64];
    private int[] pos = new int[64];
    private ulong[] lower = new ulong[64];
    private bool[] canStart = new bool[64];
    private uint[] gazetteerBegin = new uint[64];
    private uint[] gazetteerInside = new uint[64];
    private uint[] remembered = new uint[64];
    private ulong sentenceCase;

    /// <param name="labels">The labels ("O", "B-PERSON", "I-PERSON", "L-PERSON", "U-PERSON", …; BIO models have no L-/U-) in model order.</param>
    /// <param name="sentenceStartRule">Apply <see cref="CanBeginName"/> (run time). The trainer leaves it off: with it
    /// on in training too, GMB dev F1 was 0.831 against 0.835 with it at decoding only.</param>
    public NerFeatures(IReadOnlyList<string> labels, Gazetteer? gazetteer, bool sentenceStartRule = true)
    {
        this.sentenceStartRule = sentenceStartRule;
        this.gazetteer = gazetteer;
        typeOf = new int[labels.Count];
        continuing = new bool[labels.Count];
        open = new bool[labels.Count];
        bilou = labels.Any(l => l.StartsWith("L-", StringComparison.Ordinal));
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            if (label == "O")
            {
                typeOf[i] = -1;
                continue;
            }

            var type = label[2..];
            if (!types.TryGetValue(type, out var t))
            {
                types[type] = t = types.Count;
            }

            typeOf[i] = t;
            continuing[i] = label[0] is 'I' or 'L';
            open[i] = bilou && label[0] is 'B' or 'I';
        }
    }

    public int Count { get; private set; }

    public int MaxFeatures => 48;

    /// <summary>Precomputes the per-token facts of a sentence: spans into <paramref name="text"/> and their UPOS
    /// indices (<see cref="Upos.Tags"/>).</summary>
    public void Prepare(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, ReadOnlySpan<int> partsOfSpeech, EntityMemory? memory = null)
    {
        var n = tokens.Length;
        if (words.Length < n)
        {
            var size = Math.Max(n, words.Length * 2);
            words = new WordInfo[size];
            pos = new int[size];
            lower = new ulong[size];
            canStart = new bool[size];
            gazetteerBegin = new uint[size];
            gazetteerInside = new uint[size];
            remembered = new uint[size];
        }

        int upper = 0, lowerWords = 0, lettered = 0;
        for (var i = 0; i < n; i++)
        {
            words[i] = WordInfo.Compute(text.Slice(tokens[i].Start, tokens[i].Length));
            lower[i] = words[i].Lower;
            pos[i] = partsOfSpeech[i];
            var flags = words[i].Flags;
            lettered += (flags & WordTraits.HasLetter) != 0 ? 1 : 0;
            upper += (flags & WordTraits.AllUpper) != 0 && words[i].Length > 1 ? 1 : 0;
            lowerWords += (flags & WordTraits.AllLower) != 0 ? 1 : 0;
        }

        Count = n;
        // 1: no capitals at all; 2: a headline in capitals; 0: ordinary text.
        sentenceCase = lettered >= 3 && lowerWords == lettered ? 1UL : lettered >= 3 && upper * 10 >= lettered * 8 ? 2UL : 0UL;
        for (var i = 0; i < n; i++)
        {
            // In ordinary text a name starts with a capital; in caseless text anything may.
            canStart[i] = sentenceCase != 0 || (words[i].Flags & (WordTraits.Capitalized | WordTraits.AllUpper)) != 0;
        }

        for (var i = 0; i < n; i++)
        {
            remembered[i] = memory is not null && canStart[i] ? memory.Get(words[i].Exact) : 0;
        }

        if (gazetteer is not null)
        {
            gazetteer.Match(lower.AsSpan(0, n), canStart.AsSpan(0, n), gazetteerBegin.AsSpan(0, n), gazetteerInside.AsSpan(0, n));
        }
    }

    /// <summary>Records the labels of the prepared sentence in <paramref name="memory"/>, for the sentences after it.</summary>
    public void Remember(ReadOnlySpan<int> labels, EntityMemory memory)
    {
        for (var i = 0; i < Count; i++)
        {
            var type = typeOf[labels[i]];
            if (type >= 0)
            {
                memory.Add(words[i].Exact, 1u << type);
            }
            else if (i > 0 && sentenceCase == 0 && (words[i].Flags & WordTraits.Capitalized) != 0)
            {
                memory.Add(words[i].Exact, EntityMemory.OutsideName);
            }
        }
    }

    /// <summary>An I- or L- label continues its own type only, and after B- or I- the name must go on (BILOU); in
    /// ordinary-cased text a name never goes on over a lowercase word of four or more letters ("Kremlin spokesperson
    /// Dmitry Peskov" is not one name): in the GMB data 290 of 37,379 PER/ORG/GEO/GPE inside tokens are such words
    /// (0.8%), most of them annotation slips. When nothing is allowed the decoder takes O, which closes the name.</summary>
    public bool Allowed(int position, int previous, int tag)
    {
        var previousOpen = previous >= 0 && open[previous];
        if (!continuing[tag])
        {
            return !previousOpen && (typeOf[tag] < 0 || !sentenceStartRule || CanBeginName(position));
        }

        if (previous < 0 || typeOf[previous] != typeOf[tag] || bilou && !previousOpen)
        {
            return false;
        }

        ref readonly var w = ref words[position];
        return sentenceCase != 0 || (w.Flags & WordTraits.AllLower) == 0 || w.Length < 4 || (w.Flags & WordTraits.HasHyphen) != 0;
    }

    /// <summary>Whether a name may start at <paramref name="position"/>: never on punctuation (a hyphen split off
    /// "Russia-Ukraine"), and not on a verb, auxiliary, pronoun, adposition, conjunction or particle that opens the
    /// sentence (after any quotation marks), where its capital says nothing ("Tell Trump that…"). In the GMB data 161 of
    /// 81,165 PER/ORG/GEO/GPE names start on such a part of speech anywhere in the sentence; forbidding them everywhere
    /// cost 0.006 dev F1 (our POS tagger calls some rare names verbs); at the sentence start only, 0.001 (0.836 to 0.835).</summary>
    private bool CanBeginName(int position)
    {
        var upos = pos[position];
        if (upos == Upos.Punct)
        {
            return false;
        }

        if (upos is not (Upos.Verb or Upos.Aux or Upos.Pron or Upos.Adp or Upos.Cconj or Upos.Sconj or Upos.Part))
        {
            return true;
        }

        for (var i = 0; i < position; i++)
        {
            if (pos[i] != Upos.Punct)
            {
                return true;
            }
        }

        return false;
    }

    public int ExtractStatic(int position, Span<ulong> output)
    {
        ref readonly var w = ref words[position];
        var hasPrevious = position > 0;
        var hasNext = position + 1 < Count;
        var previousLower = hasPrevious ? lower[position - 1] : Start;
        var nextLower = hasNext ? lower[position + 1] : End;
        ulong p0 = (ulong)pos[position];
        ulong pm1 = hasPrevious ? (ulong)pos[position - 1] : 99;
        ulong pp1 = hasNext ? (ulong)pos[position + 1] : 99;
        var caseBits = CaseBits(w.Flags);
        var first = position == 0 ? 1UL : 0UL;

        var n = 0;
        output[n++] = FeatureHash.Feature(100, 0);
        output[n++] = FeatureHash.Feature(101, w.Exact);
        output[n++] = FeatureHash.Feature(102, w.Lower);
        output[n++] = FeatureHash.Feature(103, w.Shape);
        output[n++] = FeatureHash.Feature(104, w.ShortShape);
        output[n++] = FeatureHash.Feature(105, w.Suffix2);
        output[n++] = FeatureHash.Feature(106, w.Suffix3);
        output[n++] = FeatureHash.Feature(107, w.Suffix4);
        output[n++] = FeatureHash.Feature(108, w.Prefix2);
        output[n++] = FeatureHash.Feature(109, w.Prefix3);
        output[n++] = FeatureHash.Feature(110, previousLower);
        output[n++] = FeatureHash.Feature(111, nextLower);
        output[n++] = FeatureHash.Feature(112, position > 1 ? lower[position - 2] : Start);
        output[n++] = FeatureHash.Feature(113, position + 2 < Count ? lower[position + 2] : End);
        output[n++] = FeatureHash.Feature(114, hasPrevious ? words[position - 1].ShortShape : Start);
        output[n++] = FeatureHash.Feature(115, hasNext ? words[position + 1].ShortShape : End);
        output[n++] = FeatureHash.Feature(116, hasPrevious ? words[position - 1].Exact : Start);
        output[n++] = FeatureHash.Feature(117, hasNext ? words[position + 1].Exact : End);
        output[n++] = FeatureHash.Feature(118, p0);
        output[n++] = FeatureHash.Feature(119, pm1 << 8 | p0);
        output[n++] = FeatureHash.Feature(120, p0 << 8 | pp1);
        output[n++] = FeatureHash.Feature(121, pm1 << 16 | p0 << 8 | pp1);
        output[n++] = FeatureHash.Feature(127, FeatureHash.Combine(previousLower, w.Lower));
        output[n++] = FeatureHash.Feature(128, FeatureHash.Combine(w.Lower, nextLower));
        output[n++] = FeatureHash.Feature(129, (ulong)w.Flags << 1 | first);
        output[n++] = FeatureHash.Feature(130, sentenceCase << 8 | caseBits << 1 | first);
        output[n++] = FeatureHash.Feature(131, FeatureHash.Combine(first << 2 | sentenceCase, w.Lower));

        // Gazetteers: which entries start here, which cover this word, and what the neighbours are.
        ulong g0 = gazetteerBegin[position];
        ulong gi = gazetteerInside[position];
        ulong gm1 = hasPrevious ? gazetteerBegin[position - 1] | (ulong)gazetteerInside[position - 1] << 16 : 1UL << 40;
        ulong gp1 = hasNext ? gazetteerBegin[position + 1] | (ulong)gazetteerInside[position + 1] << 16 : 1UL << 40;
        output[n++] = FeatureHash.Feature(132, g0 | gi << 16);
        output[n++] = FeatureHash.Feature(133, gm1);
        output[n++] = FeatureHash.Feature(134, gp1);
        output[n++] = FeatureHash.Feature(135, (g0 | gi << 16) << 4 | caseBits);
        output[n++] = FeatureHash.Feature(137, FeatureHash.Combine(p0, previousLower));

        // Earlier in the document: what this word form was labelled as.
        ulong m0 = remembered[position];
        output[n++] = FeatureHash.Feature(139, m0);
        output[n++] = FeatureHash.Feature(141, hasNext ? remembered[position + 1] : 1UL << 40);

        return n;
    }

    public int ExtractDynamic(int position, ReadOnlySpan<int> tags, Span<ulong> output)
    {
        ref readonly var w = ref words[position];
        ulong t1 = position > 0 ? (ulong)tags[position - 1] : 99;
        ulong t2 = position > 1 ? (ulong)tags[position - 2] : 99;
        ulong p0 = (ulong)pos[position];
        var nextLower = position + 1 < Count ? lower[position + 1] : End;
        ulong g0 = gazetteerBegin[position];
        ulong gi = gazetteerInside[position];
        ulong m0 = remembered[position];
        var n = 0;
        output[n++] = FeatureHash.Feature(122, t1);
        output[n++] = FeatureHash.Feature(123, t2 << 8 | t1);
        output[n++] = FeatureHash.Feature(124, FeatureHash.Combine(t1, w.Lower));
        output[n++] = FeatureHash.Feature(125, FeatureHash.Combine(t1, w.ShortShape));
        output[n++] = FeatureHash.Feature(126, t1 << 8 | p0);
        output[n++] = FeatureHash.Feature(136, FeatureHash.Combine(t1, g0 | gi << 16));
        output[n++] = FeatureHash.Feature(138, FeatureHash.Combine(t1, nextLower));
        output[n++] = FeatureHash.Feature(140, m0 << 8 | t1);
        return n;
    }

    private static ulong CaseBits(WordTraits flags) =>
        (flags & WordTraits.AllUpper) != 0 ? 1UL : (flags & WordTraits.Capitalized) != 0 ? 2UL : (flags & WordTraits.AllLower) != 0 ? 3UL : 4UL;
}
