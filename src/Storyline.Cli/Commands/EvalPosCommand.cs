using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Storyline.Tagging;
using Storyline.Training;
using Storyline.Training.Corpora;
using Storyline.Training.Evaluation;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline eval pos</c>: UPOS token accuracy on UD English-EWT dev, with the commonest confusions.</summary>
internal static class EvalPosCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Folder with en_ewt-ud-dev.conllu (default ../shared/data/pos/ud-english-ewt)." };
        var model = new Option<string?>("--model") { Description = "Model file (default: the committed models/pos.bin)." };
        var command = new Command("pos", "POS tagger accuracy on UD English-EWT dev (gold tokens).") { data, model };
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetValue(data) ?? SharedData.Data("pos/ud-english-ewt");
            var dev = folder is null ? null : Path.Combine(folder, "en_ewt-ud-dev.conllu");
            if (dev is null || !File.Exists(dev))
            {
                Console.Error.WriteLine("eval pos: en_ewt-ud-dev.conllu not found; pass --data or put ../shared/data beside the repository.");
                return 2;
            }

            var modelPath = parseResult.GetValue(model);
            var tagger = modelPath is null ? PosTagger.Default : PosTagger.Load(modelPath);
            var sentences = ConlluReader.Read(dev).ToList();
            var clock = Stopwatch.StartNew();
            var score = PosEvaluation.Evaluate(tagger, sentences);
            clock.Stop();
            AnsiConsole.MarkupLineInterpolated($"UD English-EWT dev: [bold]{score.Accuracy:P2}[/] token accuracy ({score.Correct:N0} / {score.Tokens:N0}), {score.Tokens / clock.Elapsed.TotalSeconds:N0} tokens/s");
            var table = new Table().AddColumns("gold", "predicted", "count");
            foreach (var (gold, predicted, count) in score.Confusions)
            {
                table.AddRow(gold, predicted, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
