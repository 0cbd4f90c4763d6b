using System.CommandLine;
using Spectre.Console;
using Storyline.Entities;
using Storyline.Tagging;
using Storyline.Training;
using Storyline.Training.Corpora;
using Storyline.Training.Evaluation;
using Storyline.Training.Tagging;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline eval ner</c>: exact-span typed P/R/F1 per type on the GMB dev slice (the last 10%).</summary>
internal static class EvalNerCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "The GMB ner_dataset.csv (default ../shared/data/ner/gmb/ner_dataset.csv)." };
        var model = new Option<string?>("--model") { Description = "NER model file (default: the committed models/ner.bin)." };
        var posModel = new Option<string?>("--pos-model") { Description = "POS model file (default: the committed models/pos.bin)." };
        var errors = new Option<int>("--errors") { Description = "Print this many examples of each of the commonest errors (with the sentence)." };
        var noPropagation = new Option<bool>("--no-propagation") { Description = "Skip the document-level second pass (NamePropagation) over each 10-sentence group, to measure what it adds." };
        var command = new Command("ner", "Named-entity recogniser on the GMB dev slice (gold tokens, our POS tags).") { data, model, posModel, errors, noPropagation };
        command.SetAction(parseResult =>
        {
            var csv = parseResult.GetValue(data) ?? SharedData.Data("ner/gmb/ner_dataset.csv");
            if (csv is null || !File.Exists(csv))
            {
                Console.Error.WriteLine("eval ner: GMB data not found; pass --data or put ../shared/data beside the repository.");
                return 2;
            }

            var recognizer = parseResult.GetValue(model) is { } m ? EntityRecognizer.Load(m) : EntityRecognizer.Default;
            var tagger = parseResult.GetValue(posModel) is { } p ? PosTagger.Load(p) : PosTagger.Default;
            var (_, dev) = GmbReader.Split(GmbReader.ReadAll(csv));
            var examples = parseResult.GetValue(errors) > 0 ? new List<(string Error, string Example)>() : null;
            var score = NerEvaluation.Evaluate(recognizer, tagger, dev, examples: examples, propagate: !parseResult.GetValue(noPropagation));
            Print(score);
            if (examples is not null)
            {
                foreach (var (error, _) in score.Errors)
                {
                    Console.WriteLine($"== {error}");
                    foreach (var (_, example) in examples.Where(e => e.Error == error).Take(parseResult.GetValue(errors)))
                    {
                        Console.WriteLine("  " + example);
                    }
                }
            }

            var speed = TaggingThroughput.Measure(tagger, recognizer, dev.Select(GmbLabels.ToTagged).ToList());
            Console.WriteLine($"tokens per CPU-second on one thread: POS {speed.PosTokensPerSecond:N0}, NER {speed.NerTokensPerSecond:N0}, POS + NER {speed.TokensPerSecond:N0} ({speed.Tokens:N0} tokens per configuration, {speed.AllocatedBytes:N0} bytes allocated in the measured passes)");
            return 0;
        });
        return command;
    }

    internal static void Print(NerScore score)
    {
        var table = new Table().AddColumns("type", "gold", "predicted", "P", "R", "F1");
        foreach (var (type, s) in score.ByType)
        {
            table.AddRow(type, s.Gold.ToString("N0", null), s.Predicted.ToString("N0", null), s.Precision.ToString("F3", null), s.Recall.ToString("F3", null), s.F1.ToString("F3", null));
        }

        var core = score.Micro(NerEvaluation.CoreTypes);
        var all = score.Micro(score.ByType.Keys);
        table.AddRow("[bold]micro PER/ORG/LOC/NORP[/]", core.Gold.ToString("N0", null), core.Predicted.ToString("N0", null), core.Precision.ToString("F3", null), core.Recall.ToString("F3", null), $"[bold]{core.F1:F3}[/]");
        table.AddRow("micro all", all.Gold.ToString("N0", null), all.Predicted.ToString("N0", null), all.Precision.ToString("F3", null), all.Recall.ToString("F3", null), all.F1.ToString("F3", null));
        AnsiConsole.Write(table);
        var errors = new Table().AddColumns("most common errors", "count");
        foreach (var (error, count) in score.Errors)
        {
            errors.AddRow(Markup.Escape(error), count.ToString("N0", null));
        }

        AnsiConsole.Write(errors);
    }
}
