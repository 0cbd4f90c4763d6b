using System.Collections.Immutable;
using Storyline.Entities;
using Storyline.Tagging;
using Storyline.Training.Corpora;
using Storyline.Training.Tagging;

namespace Storyline.Training.Evaluation;

/// <summary>Precision, recall and F1 from counts of true positives, predictions and gold items.</summary>
public readonly record struct PrfScore(int TruePositives, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)TruePositives / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Exact-span typed scores per entity type, with the commonest errors.</summary>
public sealed record NerScore(IReadOnlyDictionary<string, PrfScore> ByType, IReadOnlyList<(string Error, int Count)> Errors)
{
    /// <summary>Micro-averaged over <paramref name="types"/>.</summary>
    public PrfScore Micro(IEnumerable<string> types)
    {
        int tp = 0, predicted = 0, gold = 0;
        foreach (var type in types)
        {
            if (ByType.TryGetValue(type, out var s))
            {
                tp += s.TruePositives;
                predicted += s.Predicted;
                gold += s.Gold;
            }
        }

        return new PrfScore(tp, predicted, gold);
    }
}

public static class NerEvaluation
{
    /// <summary>The types the quality floor is on.</summary>
    public static readonly ImmutableArray<string> CoreTypes = ["PERSON", "ORGANIZATION", "LOCATION", "NORP"];

    /// <summary>Scores gold and predicted spans (start token, end token, type): a prediction counts only when its
    /// span and type both match a gold one.</summary>
    /// <param name="onError">Told of each error: sentence index (in enumeration order), error kind, the gold and the
    /// predicted span involved (either may be absent).</param>
    public static NerScore Score(
        IEnumerable<(IReadOnlyList<(int Start, int End, string Type)> Gold, IReadOnlyList<(int Start, int End, string Type)> Predicted)> sentences,
        Action<int, string, (int Start, int End, string Type)?, (int Start, int End, string Type)?>? onError = null)
    {
        var sentenceIndex = -1;
        var tp = new Dictionary<string, int>(StringComparer.Ordinal);
        var predictedCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var goldCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (gold, predicted) in sentences)
        {
            sentenceIndex++;
            var goldSet = gold.ToHashSet();
            foreach (var g in gold)
            {
                goldCount[g.Type] = goldCount.GetValueOrDefault(g.Type) + 1;
            }

            foreach (var p in predicted)
            {
                predictedCount[p.Type] = predictedCount.GetValueOrDefault(p.Type) + 1;
                if (goldSet.Contains(p))
                {
                    tp[p.Type] = tp.GetValueOrDefault(p.Type) + 1;
                    continue;
                }

                var sameSpan = gold.FirstOrDefault(g => g.Start == p.Start && g.End == p.End);
                var overlapping = gold.FirstOrDefault(g => g.Start < p.End && p.Start < g.End);
                var error = sameSpan.Type is not null ? $"type {sameSpan.Type} -> {p.Type}"
                    : overlapping.Type is not null ? $"boundary ({overlapping.Type} / {p.Type})"
                    : $"spurious {p.Type}";
                errors[error] = errors.GetValueOrDefault(error) + 1;
                onError?.Invoke(sentenceIndex, error, sameSpan.Type is not null ? sameSpan : overlapping.Type is not null ? overlapping : null, p);
            }

            var predictedSet = predicted.ToHashSet();
            foreach (var g in gold)
            {
                if (!predictedSet.Contains(g) && !predicted.Any(p => p.Start < g.End && g.Start < p.End))
                {
                    var error = $"missed {g.Type}";
                    errors[error] = errors.GetValueOrDefault(error) + 1;
                    onError?.Invoke(sentenceIndex, error, g, null);
                }
            }
        }

        var byType = goldCount.Keys.Union(predictedCount.Keys).Order(StringComparer.Ordinal).ToDictionary(
            t => t, t => new PrfScore(tp.GetValueOrDefault(t), predictedCount.GetValueOrDefault(t), goldCount.GetValueOrDefault(t)), StringComparer.Ordinal);
        var top = errors.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)).Take(12).ToList();
        return new NerScore(byType, top);
    }

    /// <summary>Runs POS tagging and recognition on the gold tokens of GMB sentences and scores them.</summary>
    /// <param name="documentSentences">GMB has no document boundaries: this many consecutive sentences share an
    /// <see cref="EntityMemory"/>, as they did in training.</param>
    /// <param name="examples">When given, receives one line per error: its kind, the gold and predicted words, and the
    /// sentence with gold names in [brackets] and predicted ones in {braces}.</param>
    /// <param name="propagate">Whether to run the document-level second pass (<see cref="NamePropagation"/>) over
    /// each group of <paramref name="documentSentences"/> sentences, as the entities stage does over an article.</param>
    public static NerScore Evaluate(EntityRecognizer recognizer, PosTagger tagger, IEnumerable<GmbSentence> sentences, int documentSentences = 10, List<(string Error, string Example)>? examples = null, bool propagate = true)
    {
        var laidOut = new List<TaggedSentence>();
        var memory = new EntityMemory();
        var pairs = new List<(IReadOnlyList<(int, int, string)>, IReadOnlyList<(int, int, string)>)>();
        var names = new List<RecognizedName>();
        var group = new List<(TaggedSentence Tagged, int[] Pos, List<NameMention> Names)>();
        void Flush()
        {
            if (propagate && group.Count > 0)
            {
                // The group is one document: its words end to end, each sentence's names offset into them.
                var words = new List<string>();
                var docPos = new List<int>();
                var docNames = new List<NameMention>();
                var starts = new List<int>();
                foreach (var (tagged, pos, found) in group)
                {
                    starts.Add(words.Count);
                    docNames.AddRange(found.Select(n => n with { FirstToken = n.FirstToken + words.Count, EndToken = n.EndToken + words.Count }));
                    words.AddRange(tagged.Tokens.Select(t => tagged.Text[t.Start..t.End]));
                    docPos.AddRange(pos);
                }

                var initial = new bool[words.Count];
                for (var s = 0; s < group.Count; s++)
                {
                    NamePropagation.MarkSentenceInitial(words, starts[s], group[s].Tagged.Tokens.Length, initial);
                }

                NamePropagation.Propagate(words, docPos.ToArray(), initial, docNames);
                for (var s = 0; s < group.Count; s++)
                {
                    var end = starts[s] + group[s].Tagged.Tokens.Length;
                    group[s].Names.Clear();
                    group[s].Names.AddRange(docNames.Where(n => n.FirstToken >= starts[s] && n.EndToken <= end)
                        .Select(n => n with { FirstToken = n.FirstToken - starts[s], EndToken = n.EndToken - starts[s] }));
                }
            }

            foreach (var (tagged, _, found) in group)
            {
                pairs.Add((Spans(tagged.Labels), found.Select(n => (n.FirstToken, n.EndToken, n.Type)).ToList()));
            }

            group.Clear();
        }

        foreach (var sentence in sentences)
        {
            var tagged = GmbLabels.ToTagged(sentence);
            laidOut.Add(tagged);
            var pos = NerTrainer.PosIndices(tagger, tagged);
            var labels = new int[tagged.Tokens.Length];
            if (group.Count == documentSentences)
            {
                Flush();
                memory.Clear();
            }

            recognizer.Label(tagged.Text, tagged.Tokens, pos, labels, memory);
            names.Clear();
            recognizer.Decode(labels, names);
            group.Add((tagged, pos, names.Select(n => new NameMention(n.FirstToken, n.FirstToken + n.TokenCount, n.Type)).ToList()));
        }

        Flush();
        return Score(pairs, examples is null ? null : (s, error, gold, predicted) =>
        {
            var words = laidOut[s].Tokens.Select(t => laidOut[s].Text[t.Start..t.End]).ToArray();
            string Words((int Start, int End, string Type)? span) => span is { } x ? string.Join(' ', words[x.Start..x.End]) + "/" + x.Type : "-";
            var marked = new List<string>();
            for (var i = 0; i < words.Length; i++)
            {
                var w = words[i];
                if (gold is { } g && i == g.Start) w = "[" + w;
                if (predicted is { } p && i == p.Start) w = "{" + w;
                if (gold is { } g2 && i == g2.End - 1) w += "]";
                if (predicted is { } p2 && i == p2.End - 1) w += "}";
                marked.Add(w);
            }

            examples.Add((error, $"gold {Words(gold)} | predicted {Words(predicted)} | {string.Join(' ', marked)}"));
        });
    }

    /// <summary>The (start, end, type) spans of a BIO label sequence.</summary>
    public static List<(int Start, int End, string Type)> Spans(IReadOnlyList<string> labels)
    {
        var spans = new List<(int, int, string)>();
        for (var i = 0; i < labels.Count; i++)
        {
            // A span starts at B-, or at an I- that does not continue the span before it (those are consumed below).
            if (labels[i].Length > 2)
            {
                var type = labels[i][2..];
                var end = i + 1;
                while (end < labels.Count && labels[end] == "I-" + type)
                {
                    end++;
                }

                spans.Add((i, end, type));
                i = end - 1;
            }
        }

        return spans;
    }
}
