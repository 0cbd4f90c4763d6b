using System.Diagnostics;
using System.Globalization;
using Storyline.Entities;
using Storyline.Tagging;
using Storyline.Training.Corpora;
using Storyline.Training.Evaluation;

namespace Storyline.Training.Tagging;

public sealed record NerTrainingOptions
{
    public int Epochs { get; init; } = 8;
    public int Seed { get; init; } = 1;
    public int MinFeatureCount { get; init; } = 2;
    public float MinWeight { get; init; } = 0.002f;
    /// <summary>Share of training sentences added again upper-cased and again lower-cased (headlines, careless text).</summary>
    public double CaseAugmentation { get; init; } = 0.03;
    /// <summary>Consecutive GMB sentences that share an <see cref="EntityMemory"/> (the CSV has no document
    /// boundaries; VOA stories run about this long).</summary>
    public int DocumentSentences { get; init; } = 10;
    /// <summary>log2 of the rows of the hashed weight table.</summary>
    public int Bits { get; init; } = 19;
}

/// <summary>
/// Trains the named-entity recogniser on the GMB train slice (the first 90% of the sentences), with UPOS tags from
/// our own POS tagger (as at run time) and gazetteer features, and scores it on the dev slice.
/// </summary>
public static class NerTrainer
{
    public static (ModelFile File, NerScore Dev) Train(string gmbPath, string gazetteerFolder, PosTagger tagger, NerTrainingOptions options, TextWriter? log, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var (trainSentences, devSentences) = GmbReader.Split(GmbReader.ReadAll(gmbPath));
        var labels = EntityRecognizer.BilouLabels;
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);

        var sentences = trainSentences.Select(GmbLabels.ToTagged).ToList();
        var originals = sentences.Count;
        var augmentation = new Random(options.Seed);
        for (var s = 0; s < originals; s++)
        {
            // Whole pseudo-documents are re-cased, so the memory features stay within one casing.
            if (s % options.DocumentSentences == 0)
            {
                var upper = augmentation.NextDouble() < options.CaseAugmentation;
                var lower = augmentation.NextDouble() < options.CaseAugmentation;
                for (var k = s; k < Math.Min(originals, s + options.DocumentSentences); k++)
                {
                    if (upper)
                    {
                        sentences.Add(sentences[k].WithCase(upper: true));
                    }
                }

                for (var k = s; k < Math.Min(originals, s + options.DocumentSentences); k++)
                {
                    if (lower)
                    {
                        sentences.Add(sentences[k].WithCase(upper: false));
                    }
                }
            }
        }

        log?.WriteLine($"ner: {originals:N0} training sentences (+{sentences.Count - originals:N0} case-augmented copies), {devSentences.Count:N0} dev");

        // Words that GMB writes mostly in lowercase: such one-word city names stay out of the gazetteer.
        var lowercase = new Dictionary<string, int>(StringComparer.Ordinal);
        var capitalised = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in trainSentences)
        {
            foreach (var token in sentence.Tokens.Skip(1))
            {
                var word = token.Word;
                if (word.Length > 0 && char.IsLower(word[0]))
                {
                    lowercase[word] = lowercase.GetValueOrDefault(word) + 1;
                }
                else if (word.Length > 0 && char.IsUpper(word[0]))
                {
                    var lower = word.ToLowerInvariant();
                    capitalised[lower] = capitalised.GetValueOrDefault(lower) + 1;
                }
            }
        }

        var common = lowercase.Where(kv => kv.Value >= 3 && kv.Value > capitalised.GetValueOrDefault(kv.Key)).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        var gazetteer = GazetteerBuilder.Build(gazetteerFolder, common, log, out var names);

        // Our own POS tags, as the recogniser will see them at run time.
        var pos = sentences.Select(s => PosIndices(tagger, s)).ToList();
        log?.WriteLine($"  POS-tagged the training data ({clock.Elapsed.TotalSeconds:F0}s)");
        var gold = sentences.Select(s => GmbLabels.ToBilou(s.Labels).Select(l => labelIndex[l]).ToArray()).ToList();
        var features = new NerFeatures(labels, gazetteer, sentenceStartRule: false);
        var memory = new EntityMemory();
        var perceptron = SequenceTrainer.Train(
            sentences.Count,
            i =>
            {
                // Training shuffles blocks of DocumentSentences consecutive sentences; each block is one document.
                if (i % options.DocumentSentences == 0)
                {
                    memory.Clear();
                }

                features.Prepare(sentences[i].Text, sentences[i].Tokens, pos[i], memory);
                return (features, gold[i]);
            },
            labels.Length,
            options.Epochs,
            options.Seed,
            options.MinFeatureCount,
            options.Bits,
            log,
            null,
            options.DocumentSentences,
            (_, guesses) => features.Remember(guesses, memory),
            cancellationToken: cancellationToken);

        var model = perceptron.ToModel(labels, options.MinWeight);
        var recognizer = new EntityRecognizer(model, gazetteer, names);
        var dev = NerEvaluation.Evaluate(recognizer, tagger, devSentences, options.DocumentSentences);
        var file = new ModelFile(EntityRecognizer.Kind);
        file.SetSection("weights", model.Write);
        file.SetSection("gazetteer", gazetteer.Write);
        file.SetSection("names", names.Write);
        file.Info["data"] = $"GMB (Kaggle extract) sentences 1-{trainSentences[^1].Number} of {Path.GetFileName(gmbPath)}; gazetteers";
        file.Info["data.sha256"] = DataHash.Of(gmbPath);
        file.Info["pos.model.sha256"] = tagger.Info.TryGetValue("data.sha256", out var posData) ? posData : "unknown";
        file.Info["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture);
        file.Info["epochs"] = options.Epochs.ToString(CultureInfo.InvariantCulture);
        file.Info["bits"] = options.Bits.ToString(CultureInfo.InvariantCulture);
        file.Info["features"] = model.FeatureCount.ToString(CultureInfo.InvariantCulture);
        file.Info["dev.f1.core"] = dev.Micro(NerEvaluation.CoreTypes).F1.ToString("F4", CultureInfo.InvariantCulture);
        log?.WriteLine($"ner: {model.FeatureCount:N0} features after pruning; dev F1 (PER/ORG/LOC/NORP) {dev.Micro(NerEvaluation.CoreTypes).F1:F4}; {clock.Elapsed.TotalSeconds:F0}s");
        return (file, dev);
    }

    internal static int[] PosIndices(PosTagger tagger, TaggedSentence sentence)
    {
        var tags = new int[sentence.Tokens.Length];
        tagger.Tag(sentence.Text, sentence.Tokens, tags);
        return tags;
    }
}

/// <summary>
/// The GMB → Storyline label mapping: per → PERSON, org → ORGANIZATION, geo → LOCATION, eve → EVENT, art and nat →
/// OTHER, tim → O (times are the time tagger's job). gpe is split: spans whose words are all proper nouns (NNP,
/// NNPS: "Nepal", "Sudan", "U.S.") are LOCATION; the rest (JJ/NNS: "Iraqi", "Palestinians") are NORP. In the train
/// slice 90% of B-gpe tokens are JJ/NNS demonyms and 9% NNP country names.
/// </summary>
public static class GmbLabels
{
    public static string Map(string gmbType, bool properNoun) => gmbType switch
    {
        "per" => "PERSON",
        "org" => "ORGANIZATION",
        "geo" => "LOCATION",
        "gpe" => properNoun ? "LOCATION" : "NORP",
        "eve" => "EVENT",
        "art" or "nat" => "OTHER",
        _ => string.Empty,
    };

    /// <summary>BIO labels rewritten as BILOU: a name's last token takes L-, a one-token name U-.</summary>
    public static string[] ToBilou(IReadOnlyList<string> bio)
    {
        var result = new string[bio.Count];
        for (var i = 0; i < bio.Count; i++)
        {
            var label = bio[i];
            if (label.Length < 3)
            {
                result[i] = label;
                continue;
            }

            var type = label[2..];
            var begins = label[0] == 'B' || i == 0 || bio[i - 1].Length < 3 || bio[i - 1][2..] != type;
            var ends = i + 1 == bio.Count || bio[i + 1] != "I-" + type;
            result[i] = (begins ? ends ? "U-" : "B-" : ends ? "L-" : "I-") + type;
        }

        return result;
    }

    /// <summary>The sentence with BIO labels over Storyline types.</summary>
    public static TaggedSentence ToTagged(GmbSentence sentence)
    {
        var tokens = sentence.Tokens;
        var labels = new string[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            labels[i] = "O";
        }

        var start = 0;
        while (start < tokens.Count)
        {
            var tag = tokens[start].Tag;
            if (tag == "O" || tag.Length < 3)
            {
                start++;
                continue;
            }

            var type = tag[2..];
            var end = start + 1;
            while (end < tokens.Count && tokens[end].Tag == "I-" + type)
            {
                end++;
            }

            var properNoun = true;
            for (var k = start; k < end; k++)
            {
                properNoun &= tokens[k].Pos is "NNP" or "NNPS";
            }

            var mapped = Map(type, properNoun);
            if (mapped.Length > 0)
            {
                for (var k = start; k < end; k++)
                {
                    labels[k] = (k == start ? "B-" : "I-") + mapped;
                }
            }

            start = end;
        }

        return TaggedSentence.FromWords(tokens.Select(t => t.Word).ToList(), labels);
    }
}
