using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Storyline.Training;
using Storyline.Training.Tagging;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline train pos|ner|events|first-names</c>: trains a model from ../shared/data and writes it to models/.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var train = new Command("train", "Train a model from the annotated data (../shared/data) into models/.")
        {
            CreatePos(),
            TrainNerCommand.Create(),
            TrainEventsCommand.Create(),
            TrainFirstNamesCommand.Create(),
        };
        return train;
    }

    /// <summary>The repository's models/ folder: the nearest ancestor of the current directory holding Storyline.slnx.</summary>
    internal static string DefaultModelPath(string fileName)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Storyline.slnx")))
            {
                return Path.Combine(dir.FullName, "models", fileName);
            }
        }

        return Path.Combine(Directory.GetCurrentDirectory(), "models", fileName);
    }

    private static Command CreatePos()
    {
        var data = new Option<string?>("--data") { Description = "Folder with en_ewt-ud-train.conllu and en_ewt-ud-dev.conllu (default ../shared/data/pos/ud-english-ewt)." };
        var output = new Option<string?>("--out") { Description = "Model file to write (default models/pos.bin in the repository)." };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => new PosTrainingOptions().Epochs };
        var seed = new Option<int>("--seed") { Description = "Random seed (shuffling, augmentation).", DefaultValueFactory = _ => new PosTrainingOptions().Seed };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times.", DefaultValueFactory = _ => new PosTrainingOptions().MinFeatureCount };
        var minWeight = new Option<float>("--min-weight") { Description = "Drop averaged weights smaller than this.", DefaultValueFactory = _ => new PosTrainingOptions().MinWeight };
        var verbose = new Option<bool>("--dev-each-epoch") { Description = "Score dev after every epoch (slower)." };
        var passes = new Option<int>("--passes") { Description = "1: left-to-right; 2: add a second pass that sees the first pass's tags to the right.", DefaultValueFactory = _ => new PosTrainingOptions().TwoPass ? 2 : 1 };
        var caseAugmentation = new Option<double>("--case-augmentation") { Description = "Share of sentences added again upper-cased and again lower-cased.", DefaultValueFactory = _ => new PosTrainingOptions().CaseAugmentation };
        var gum = new Option<bool>("--gum") { Description = "Also train on GUM's train documents (../shared/data/entities/gum); on by default (+0.2 on EWT dev).", DefaultValueFactory = _ => true };
        var gmb = new Option<int>("--gmb-sentences") { Description = "Also train on this many GMB news sentences (PTB tags mapped to UPOS).", DefaultValueFactory = _ => new PosTrainingOptions().GmbSentences };
        var bits = new Option<int>("--bits") { Description = "log2 of the rows of the hashed weight table.", DefaultValueFactory = _ => new PosTrainingOptions().Bits };
        var command = new Command("pos", "Train the UPOS tagger on UD English-EWT train; prints dev accuracy.") { data, output, epochs, seed, minCount, minWeight, verbose, gmb, passes, caseAugmentation, gum, bits };
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetValue(data) ?? SharedData.Data("pos/ud-english-ewt");
            if (folder is null || !File.Exists(Path.Combine(folder, "en_ewt-ud-train.conllu")))
            {
                Console.Error.WriteLine("train pos: UD English-EWT not found; pass --data or put ../shared/data beside the repository.");
                return 2;
            }

            var options = new PosTrainingOptions
            {
                Epochs = parseResult.GetValue(epochs),
                Seed = parseResult.GetValue(seed),
                MinFeatureCount = parseResult.GetValue(minCount),
                MinWeight = parseResult.GetValue(minWeight),
                EvaluateEachEpoch = parseResult.GetValue(verbose),
                GmbSentences = parseResult.GetValue(gmb),
                TwoPass = parseResult.GetValue(passes) == 2,
                GumFolder = parseResult.GetValue(gum) ? SharedData.Data("entities/gum") : null,
                CaseAugmentation = parseResult.GetValue(caseAugmentation),
                GmbPath = parseResult.GetValue(gmb) > 0 ? SharedData.Data("ner/gmb/ner_dataset.csv") : null,
                Bits = parseResult.GetValue(bits),
            };
            var clock = Stopwatch.StartNew();
            var (file, dev) = PosTrainer.Train(
                Path.Combine(folder, "en_ewt-ud-train.conllu"), Path.Combine(folder, "en_ewt-ud-dev.conllu"), options, Console.Out);
            file.Info["command"] = $"storyline train pos --epochs {options.Epochs} --seed {options.Seed} --min-count {options.MinFeatureCount} --min-weight {options.MinWeight.ToString(CultureInfo.InvariantCulture)} --gmb-sentences {options.GmbSentences} --passes {(options.TwoPass ? 2 : 1)} --case-augmentation {options.CaseAugmentation.ToString(CultureInfo.InvariantCulture)}{(options.GumFolder is null ? " --gum false" : " --gum")} --bits {options.Bits}";
            file.Info["training.seconds"] = clock.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture);
            var path = parseResult.GetValue(output) ?? DefaultModelPath("pos.bin");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            file.Save(path);
            Console.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:F2} MB); dev accuracy {dev.Accuracy:P2} on {dev.Tokens:N0} tokens; {clock.Elapsed.TotalSeconds:F0}s");
            return 0;
        });
        return command;
    }
}
