using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Storyline.Tagging;
using Storyline.Training.Corpora;
using Storyline.Training.Evaluation;

namespace Storyline.Training.Tagging;

public sealed record PosTrainingOptions
{
    public int Epochs { get; init; } = 10;
    public int Seed { get; init; } = 1;
    public int MinFeatureCount { get; init; } = 1;
    public float MinWeight { get; init; } = 0.001f;
    /// <summary>Share of training sentences added again upper-cased and again lower-cased, so headlines and
    /// unedited text do not throw the tagger (see MODELS.md for the effect on dev).</summary>
    public double CaseAugmentation { get; init; }
    public bool EvaluateEachEpoch { get; init; }
    /// <summary>GMB news sentences (PTB tags converted to UPOS) added to training; null for none.</summary>
    public string? GmbPath { get; init; }
    public int GmbSentences { get; init; }
    /// <summary>GUM's dep/ folder: its train documents (UD English, same guidelines as EWT; not its dev documents,
    /// which the entity evaluation uses) are added to training. Null for none.</summary>
    public string? GumFolder { get; init; }
    /// <summary>Train a second pass that sees the first pass's tags of the words to the right.</summary>
    public bool TwoPass { get; init; }
    /// <summary>Folds for the first-pass predictions the second pass trains on (each from a model that did not see
    /// that sentence), and the epochs of those fold models.</summary>
    public int StackFolds { get; init; } = 5;
    public int StackEpochs { get; init; } = 5;
    /// <summary>log2 of the rows of the hashed weight table.</summary>
    public int Bits { get; init; } = 19;
}

/// <summary>Trains the UPOS tagger on UD English-EWT train and scores it on dev.</summary>
public static class PosTrainer
{
    public static readonly ImmutableArray<string> UposTags =
        ["NOUN", "PUNCT", "VERB", "PRON", "ADP", "DET", "ADJ", "AUX", "PROPN", "ADV", "CCONJ", "PART", "NUM", "SCONJ", "SYM", "INTJ", "X"];

    /// <summary>The GUM documents outside the official dev and test lists of its splits.md.</summary>
    public static IReadOnlyList<string> GumTrainDocuments(string gumFolder)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        string? section = null;
        foreach (var line in File.ReadLines(Path.Combine(gumFolder, "splits.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..].Trim();
            }
            else if (section is not null && section != "train" && line.TrimStart().StartsWith("* ", StringComparison.Ordinal))
            {
                held.Add(line.Trim()[2..].Trim());
            }
        }

        return Directory.GetFiles(Path.Combine(gumFolder, "dep"), "*.conllu")
            .Where(f => !held.Contains(Path.GetFileNameWithoutExtension(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static (ModelFile File, PosScore Dev) Train(string trainPath, string devPath, PosTrainingOptions options, TextWriter? log, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var tagIndex = UposTags.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var sentences = ConlluReader.Read(trainPath)
            .Select(s => TaggedSentence.FromWords(s.Words.Select(w => w.Form).ToList(), s.Words.Select(w => w.Upos).ToList()))
            .ToList();
        if (options.GumFolder is not null)
        {
            foreach (var path in GumTrainDocuments(options.GumFolder))
            {
                sentences.AddRange(ConlluReader.Read(path)
                    .Select(s => TaggedSentence.FromWords(s.Words.Select(w => w.Form).ToList(), s.Words.Select(w => w.Upos).ToList())));
            }
        }

        if (options.GmbPath is not null)
        {
            var (gmbTrain, _) = GmbReader.Split(GmbReader.ReadAll(options.GmbPath));
            foreach (var g in gmbTrain.Take(options.GmbSentences))
            {
                var words = g.Tokens.Select(t => t.Word).ToList();
                sentences.Add(TaggedSentence.FromWords(words, PtbToUpos.Convert(words, g.Tokens.Select(t => t.Pos).ToList())));
            }
        }

        var augmentation = new Random(options.Seed);
        var originals = sentences.Count;
        // origin[i]: the corpus sentence that sentence i is (a copy of), for its jackknife fold.
        var origin = Enumerable.Range(0, originals).ToList();
        for (var s = 0; s < originals; s++)
        {
            if (augmentation.NextDouble() < options.CaseAugmentation)
            {
                sentences.Add(sentences[s].WithCase(upper: true));
                origin.Add(s);
            }

            if (augmentation.NextDouble() < options.CaseAugmentation)
            {
                sentences.Add(sentences[s].WithCase(upper: false));
                origin.Add(s);
            }
        }

        var lexiconBuilder = new TagLexiconBuilder(UposTags.Length);
        for (var s = 0; s < originals; s++)
        {
            var sentence = sentences[s];
            for (var i = 0; i < sentence.Tokens.Length; i++)
            {
                var word = sentence.Text.AsSpan(sentence.Tokens[i].Start, sentence.Tokens[i].Length);
                lexiconBuilder.Add(s, FeatureHash.Lower(word), tagIndex[sentence.Labels[i]]);
                lexiconBuilder.Add(s, PosFeatures.ExactKey(FeatureHash.Exact(word)), tagIndex[sentence.Labels[i]]);
            }
        }

        var foldLexicons = Enumerable.Range(0, 10).Select(lexiconBuilder.WithoutFold).ToArray();
        var lexicon = lexiconBuilder.Full();

        log?.WriteLine($"pos: {originals:N0} training sentences (+{sentences.Count - originals:N0} case-augmented copies)");
        var gold = sentences.Select(s => s.Labels.Select(l => tagIndex[l]).ToArray()).ToList();
        var features = new PosFeatures();
        int[][]? firstPass = null;

        AveragedPerceptron TrainOn(IReadOnlyList<int> subset, int epochs, string? evaluateWith)
        {
            return SequenceTrainer.Train(
                subset.Count,
                k =>
                {
                    var i = subset[k];
                    features.Prepare(sentences[i].Text, sentences[i].Tokens, foldLexicons[TagLexiconBuilder.FoldOf(origin[i])]);
                    if (firstPass is not null)
                    {
                        features.SetFirstPass(firstPass[i]);
                    }

                    return (features, gold[i]);
                },
                UposTags.Length,
                epochs,
                options.Seed,
                options.MinFeatureCount,
                options.Bits,
                log,
                evaluateWith is null ? null : p => evaluateWith + " " + Evaluate(p),
                cancellationToken: cancellationToken);
        }

        string Evaluate(AveragedPerceptron p) => firstPass is null
            ? $"dev {PosEvaluation.Evaluate(new PosTagger(p.ToModel(UposTags, options.MinWeight), lexicon), ConlluReader.Read(devPath)).Accuracy:P2}"
            : "(second pass)";

        var all = Enumerable.Range(0, sentences.Count).ToList();
        log?.WriteLine("pos: first pass");
        var model = TrainOn(all, options.Epochs, options.EvaluateEachEpoch ? "" : null).ToModel(UposTags, options.MinWeight);
        LinearModel? second = null;
        if (options.TwoPass)
        {
            // Jackknifed first-pass tags: the second pass must learn from first-pass errors as they occur on unseen text.
            var predicted = new int[sentences.Count][];
            for (var fold = 0; fold < options.StackFolds; fold++)
            {
                log?.WriteLine($"pos: first-pass fold {fold + 1}/{options.StackFolds}");
                var f = fold;
                var foldModel = TrainOn(all.Where(i => origin[i] % options.StackFolds != f).ToList(), options.StackEpochs, null)
                    .ToModel(UposTags, options.MinWeight);
                foreach (var i in all.Where(i => origin[i] % options.StackFolds == f))
                {
                    features.Prepare(sentences[i].Text, sentences[i].Tokens, foldLexicons[TagLexiconBuilder.FoldOf(origin[i])]);
                    predicted[i] = new int[sentences[i].Tokens.Length];
                    SequenceDecoder.Greedy(foldModel, features, predicted[i]);
                }
            }

            firstPass = predicted;
            log?.WriteLine("pos: second pass");
            second = TrainOn(all, options.Epochs, null).ToModel(UposTags, options.MinWeight);
        }

        var tagger = new PosTagger(model, lexicon, second);
        var dev = PosEvaluation.Evaluate(tagger, ConlluReader.Read(devPath));
        var file = new ModelFile(PosTagger.Kind);
        file.SetSection("weights", model.Write);
        file.SetSection("lexicon", lexicon.Write);
        if (second is not null)
        {
            file.SetSection("weights2", second.Write);
        }

        file.Info["data"] = "UD English-EWT train (" + Path.GetFileName(trainPath) + ")";
        file.Info["data.sha256"] = options.GumFolder is null ? DataHash.Of(trainPath) : DataHash.Of([trainPath, .. GumTrainDocuments(options.GumFolder)]);
        if (options.GumFolder is not null)
        {
            file.Info["data"] += $" + GUM train documents ({GumTrainDocuments(options.GumFolder).Count})";
        }

        file.Info["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture);
        file.Info["epochs"] = options.Epochs.ToString(CultureInfo.InvariantCulture);
        file.Info["bits"] = options.Bits.ToString(CultureInfo.InvariantCulture);
        file.Info["features"] = (model.FeatureCount + (second?.FeatureCount ?? 0)).ToString(CultureInfo.InvariantCulture);
        file.Info["dev.accuracy"] = dev.Accuracy.ToString("F4", CultureInfo.InvariantCulture);
        log?.WriteLine($"pos: {model.FeatureCount:N0} features after pruning; dev accuracy {dev.Accuracy:P2}; {clock.Elapsed.TotalSeconds:F0}s");
        return (file, dev);
    }
}
