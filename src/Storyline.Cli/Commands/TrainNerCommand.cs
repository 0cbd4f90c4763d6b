using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Storyline.Tagging;
using Storyline.Training;
using Storyline.Training.Tagging;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline train ner</c>: the recogniser from the GMB train slice, gazetteers and our POS tags.</summary>
internal static class TrainNerCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "The GMB ner_dataset.csv (default ../shared/data/ner/gmb/ner_dataset.csv)." };
        var gazetteers = new Option<string?>("--gazetteers") { Description = "The gazetteers folder (default ../shared/data/gazetteers)." };
        var posModel = new Option<string?>("--pos-model") { Description = "POS model whose tags the recogniser learns from (default: models/pos.bin of the repository)." };
        var output = new Option<string?>("--out") { Description = "Model file to write (default models/ner.bin in the repository)." };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => new NerTrainingOptions().Epochs };
        var seed = new Option<int>("--seed") { Description = "Random seed (shuffling, augmentation).", DefaultValueFactory = _ => new NerTrainingOptions().Seed };
        var caseAugmentation = new Option<double>("--case-augmentation") { Description = "Share of sentences added again upper-cased and again lower-cased.", DefaultValueFactory = _ => new NerTrainingOptions().CaseAugmentation };
        var bits = new Option<int>("--bits") { Description = "log2 of the rows of the hashed weight table.", DefaultValueFactory = _ => new NerTrainingOptions().Bits };
        var command = new Command("ner", "Train the named-entity recogniser on the GMB train slice; prints dev scores.")
        {
            data, gazetteers, posModel, output, epochs, seed, caseAugmentation, bits,
        };
        command.SetAction(parseResult =>
        {
            var csv = parseResult.GetValue(data) ?? SharedData.Data("ner/gmb/ner_dataset.csv");
            var gazetteerFolder = parseResult.GetValue(gazetteers) ?? SharedData.Data("gazetteers");
            if (csv is null || !File.Exists(csv) || gazetteerFolder is null || !Directory.Exists(gazetteerFolder))
            {
                Console.Error.WriteLine("train ner: GMB data or gazetteers not found; pass --data/--gazetteers or put ../shared/data beside the repository.");
                return 2;
            }

            var posPath = parseResult.GetValue(posModel) ?? TrainCommand.DefaultModelPath(PosTagger.FileName);
            var tagger = PosTagger.Load(posPath);
            var options = new NerTrainingOptions
            {
                Epochs = parseResult.GetValue(epochs),
                Seed = parseResult.GetValue(seed),
                CaseAugmentation = parseResult.GetValue(caseAugmentation),
                Bits = parseResult.GetValue(bits),
            };
            var clock = Stopwatch.StartNew();
            var (file, dev) = NerTrainer.Train(csv, gazetteerFolder, tagger, options, Console.Out);
            file.Info["command"] = string.Create(CultureInfo.InvariantCulture,
                $"storyline train ner --epochs {options.Epochs} --seed {options.Seed} --case-augmentation {options.CaseAugmentation} --bits {options.Bits}");
            file.Info["training.seconds"] = clock.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture);
            var path = parseResult.GetValue(output) ?? TrainCommand.DefaultModelPath(EntityFileName);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            file.Save(path);
            EvalNerCommand.Print(dev);
            Console.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:F2} MB); {clock.Elapsed.TotalSeconds:F0}s");
            return 0;
        });
        return command;
    }

    private const string EntityFileName = Storyline.Entities.EntityRecognizer.FileName;
}
