using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Storyline.Ingest.Html;
using Storyline.Training;
using Storyline.Training.Evaluation;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline eval extraction [DIR]</c>: HTML body extraction scored with the ScrapingHub
/// article-extraction-benchmark's metric (F1 over 4-word shingles).</summary>
internal static class EvalExtractionCommand
{
    private const int WorstPages = 15;

    public static Command Create()
    {
        var directory = new Argument<string?>("dir")
        {
            Description = "Benchmark folder with html/*.html.gz and ground-truth.json (default: ../shared/data/extraction/scrapinghub).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var verbose = new Option<bool>("--verbose") { Description = $"Also list the {WorstPages} worst pages." };
        var rules = new Option<bool>("--rules")
        {
            Description = "Also score SmartReader alone and each body rule turned off, with the pages each rule helps and hurts (slow).",
        };
        var command = new Command("extraction", "Score HTML body extraction (precision, recall, F1 over 4-word shingles).") { directory, verbose, rules };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(
            Run(parseResult.GetValue(directory), parseResult.GetValue(verbose), parseResult.GetValue(rules), cancellationToken)));
        return command;
    }

    private static int Run(string? directory, bool verbose, bool rules, CancellationToken cancellationToken)
    {
        directory ??= SharedData.Data("extraction/scrapinghub");
        if (directory is null || !File.Exists(Path.Combine(directory, "ground-truth.json")))
        {
            AnsiConsole.MarkupLine($"[red]No benchmark data[/] at {Markup.Escape(directory ?? "../shared/data/extraction/scrapinghub")} (needs ground-truth.json and html/).");
            return 2;
        }

        var score = ExtractionEvaluation.Evaluate(directory, cancellationToken);
        var table = new Table().AddColumns("extractor", "precision", "recall", "F1", "accuracy", "pages");
        AddScore(table, "SmartReader + all body rules", score);
        if (rules)
        {
            AddScore(table, "SmartReader alone (no body rules)", ExtractionEvaluation.Evaluate(directory, BodyRules.None, cancellationToken));
        }

        AnsiConsole.Write(table);
        if (rules)
        {
            var effects = new Table().AddColumns("rule", "F1 without it", "pages helped", "pages hurt");
            foreach (var effect in ExtractionEvaluation.Ablate(directory, score, cancellationToken))
            {
                effects.AddRow(effect.Rule.ToString(), Format(effect.Without.F1),
                    effect.PagesImproved.ToString(CultureInfo.InvariantCulture), effect.PagesWorsened.ToString(CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(effects);
        }

        if (verbose)
        {
            var worst = new Table().AddColumns("page", "precision", "recall", "F1", "note");
            foreach (var page in score.PerPage.OrderBy(p => p.F1).ThenBy(p => p.Id, StringComparer.Ordinal).Take(WorstPages))
            {
                // Ids are 64-hex digests: 16 characters find the file and keep the table narrow.
                var note = page.Error is { } error ? error[..Math.Max(0, error.IndexOf(" in ", StringComparison.Ordinal))] : "";
                worst.AddRow(page.Id[..Math.Min(16, page.Id.Length)], Format(page.Precision), Format(page.Recall), Format(page.F1), Markup.Escape(note));
            }

            AnsiConsole.Write(worst);
        }

        return 0;
    }

    private static void AddScore(Table table, string name, ExtractionScore score) =>
        table.AddRow(name, Format(score.Precision), Format(score.Recall), Format(score.F1), Format(score.Accuracy),
            score.Pages.ToString(CultureInfo.InvariantCulture));

    private static string Format(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
