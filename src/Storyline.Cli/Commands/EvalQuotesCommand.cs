using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Storyline.Quotes;
using Storyline.Text;
using Storyline.Training;
using Storyline.Training.Evaluation;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline eval quotes [DIR]</c>: direct-quote detection and speaker F1, and reported-speech recall,
/// on PolNeAR (issue 5). Exit 0 when scored, 1 when the data is not there.</summary>
internal static class EvalQuotesCommand
{
    public static Command Create()
    {
        var dir = new Argument<string?>("dir")
        {
            Description = "The PolNeAR folder (default ../shared/data/quotes/polnear).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var split = new Option<string>("--split")
        {
            Description = "dev (the figures we report) or train (the rules were tuned on it: a second view).",
            DefaultValueFactory = _ => "dev",
        };
        split.AcceptOnlyFromAmong("dev", "train");
        var errors = new Option<int>("--errors")
        {
            Description = "Print up to N errors of each kind (miss, false alarm, wrong speaker, reported miss) with context.",
            DefaultValueFactory = _ => 0,
        };

        var command = new Command("quotes", "Quotes on PolNeAR: detection P/R/F1, speaker F1, reported-speech recall.") { dir, split, errors };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(dir) ?? SharedData.Data("quotes/polnear");
            if (root is null || !Directory.Exists(Path.Combine(root, "data", parse.GetValue(split)!)))
            {
                Console.Error.WriteLine($"PolNeAR not found at '{root ?? "../shared/data/quotes/polnear"}': give its folder as DIR.");
                return 1;
            }

            var documents = QuoteEvaluation.Load(root, parse.GetValue(split)!);
            var list = new List<QuoteError>();
            var scores = QuoteEvaluation.Evaluate(documents, QuoteEvaluation.ProductionQuotes(), list);
            Print(scores, parse.GetValue(split)!);
            var shown = parse.GetValue(errors);
            if (shown > 0)
            {
                PrintErrors(documents, list, shown);
            }

            return 0;
        });
        return command;
    }

    private static void Print(QuoteScores s, string split)
    {
        static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        var table = new Table().Title($"PolNeAR {split}: {s.Documents} documents");
        table.AddColumn("measure");
        table.AddColumn(new TableColumn("P").RightAligned());
        table.AddColumn(new TableColumn("R").RightAligned());
        table.AddColumn(new TableColumn("F1").RightAligned());
        table.AddColumn("counts");
        table.AddRow("direct quotes", F(s.Precision), F(s.Recall), F(s.F1), $"gold {s.Gold}, system {s.System}, matched {s.Matched}");
        table.AddRow("speaker", F(s.SpeakerPrecision), F(s.SpeakerRecall), F(s.SpeakerF1), $"quote and speaker right {s.SpeakerRight}");
        table.AddRow("reported speech", F(s.ReportedPrecision), F(s.ReportedRecall), "", $"gold {s.ReportedGold}, found {s.ReportedFound}, system {s.ReportedSystem} (P = on any gold attribution)");
        AnsiConsole.Write(table);
    }

    private static void PrintErrors(IReadOnlyList<QuoteDocument> documents, List<QuoteError> errors, int perKind)
    {
        var texts = documents.ToDictionary(d => d.Name, d => d.Text, StringComparer.Ordinal);
        foreach (var group in errors.GroupBy(e => e.Kind))
        {
            Console.WriteLine($"== {group.Key}: {group.Count()} ({string.Join(", ", group.GroupBy(e => e.By ?? "-").OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"))})");
            foreach (var e in group.Where(e => Environment.GetEnvironmentVariable("STORYLINE_EVAL_BY") is not { } by || e.By == by).Take(perKind))
            {
                var text = texts[e.Document];
                var from = Math.Max(0, e.Span.Start - 80);
                var to = Math.Min(text.Length, e.Span.End + 80);
                string Show(TextSpan span) => text.Substring(span.Start, span.Length);
                Console.WriteLine($"- {e.Document} {e.Span}: …{text[from..e.Span.Start]}[[{Show(e.Span)}]]{text[e.Span.End..to]}…".ReplaceLineEndings(" ¶ "));
                Console.WriteLine($"    by {e.By}; system speaker: {(e.SystemSpeaker is { } s ? Show(s) : "-")}; gold source: {string.Join(" | ", e.GoldSource.Select(Show))}");
            }
        }
    }
}
