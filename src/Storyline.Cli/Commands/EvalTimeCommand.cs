using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Storyline.Training;
using Storyline.Training.Corpora;
using Storyline.Training.Evaluation;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline eval time [DIR] [--errors N]</c>: TempEval-3 scores of the temporal tagger on TimeML folders
/// (default: shared/data/time/tempeval3-tbaq, TimeBank and AQUAINT scored separately).
/// </summary>
internal static class EvalTimeCommand
{
    public static Command Create()
    {
        var dir = new Argument<string?>("dir") { Description = "A folder of .tml files, or of sub-folders of them.", Arity = ArgumentArity.ZeroOrOne };
        var errors = new Option<int>("--errors") { Description = "List the N most frequent errors per corpus.", DefaultValueFactory = _ => 0 };
        var dump = new Option<string?>("--dump") { Description = "Write every error, and every correct value (kind \"correct\"), with its context to this TSV file." };
        var command = new Command("time", "Score temporal expressions (TIMEX3 span, type, value) on TimeML data.") { dir, errors, dump };
        command.SetAction(parseResult => Run(parseResult.GetValue(dir), parseResult.GetValue(errors), parseResult.GetValue(dump), AnsiConsole.Console));
        return command;
    }

    internal static int Run(string? dir, int errorCount, string? dump, IAnsiConsole console)
    {
        var folder = dir ?? SharedData.Data("time/tempeval3-tbaq");
        if (folder is null || !Directory.Exists(folder))
        {
            console.MarkupLine($"[red]No TimeML folder[/] {Markup.Escape(folder ?? "(shared/data not found)")}");
            return 2;
        }

        var corpora = TimeEvaluation.Corpora(folder);
        if (corpora.Count == 0)
        {
            console.MarkupLine($"[red]No .tml files in[/] {Markup.Escape(folder)}");
            return 2;
        }

        using var writer = dump is null ? null : new StreamWriter(dump);
        writer?.WriteLine("corpus\tkind\ttext\tgold\tours\trule\tdocument\tcontext");
        foreach (var (name, path) in corpora)
        {
            var result = TimeEvaluation.Evaluate(name, TimeMlReader.ReadFolder(path));
            Print(result, errorCount, console);
            foreach (var e in result.Errors.Concat(result.Correct))
            {
                writer?.WriteLine(string.Join('\t', name, e.Kind, e.Text, e.GoldValue, e.SystemValue, e.Rule, e.Document, e.Context));
            }
        }

        return 0;
    }

    private static void Print(TimeEvaluationResult result, int errorCount, IAnsiConsole console)
    {
        var s = result.Scores;
        console.MarkupLine($"[bold]{Markup.Escape(result.Corpus)}[/]: {result.Documents} documents, {s.Gold} gold TIMEX3, {s.System} found");
        var table = new Table().AddColumns("", "P", "R", "F1");
        table.AddRow("strict span", F(s.StrictPrecision), F(s.StrictRecall), F(s.StrictF1));
        table.AddRow("relaxed span", F(s.RelaxedPrecision), F(s.RelaxedRecall), F(s.RelaxedF1));
        table.AddRow("type", "", $"accuracy {F(s.TypeAccuracy)}", F(s.TypeF1));
        table.AddRow("[bold]value[/]", "", $"accuracy {F(s.ValueAccuracy)}", $"[bold]{F(s.ValueF1)}[/]");
        console.Write(table);

        var types = new Table().AddColumns("type", "gold", "found", "P", "R", "F1", "value acc.");
        foreach (var t in result.PerType)
        {
            types.AddRow(t.Type, t.Gold.ToString(CultureInfo.InvariantCulture), t.System.ToString(CultureInfo.InvariantCulture),
                F(t.Precision), F(t.Recall), F(t.F1), F(t.ValueAccuracy));
        }

        console.Write(types);
        if (errorCount > 0)
        {
            var list = new Table().AddColumns("n", "kind", "text", "gold", "ours", "rule", "e.g. in");
            foreach (var (count, e) in TimeEvaluation.FrequentErrors(result.Errors, errorCount))
            {
                list.AddRow(count.ToString(CultureInfo.InvariantCulture), e.Kind, Markup.Escape(e.Text), Markup.Escape(e.GoldValue ?? ""),
                    Markup.Escape(e.SystemValue ?? ""), Markup.Escape(e.Rule ?? ""), Markup.Escape(e.Document));
            }

            console.Write(list);
        }

        console.WriteLine();
    }

    private static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
}
