using System.CommandLine;
using Spectre.Console;
using Storyline.Sentences;
using Storyline.Training;
using Storyline.Training.Evaluation;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline eval sentences [--ewt FILE] [--gmb FILE] [--errors N]</c>: sentence-boundary precision, recall and
/// F1 on UD EWT dev and the GMB dev slice (see <see cref="SentenceBoundaryEvaluation"/>).
/// </summary>
internal static class EvalSentencesCommand
{
    public static Command Create()
    {
        var ewt = new Option<string?>("--ewt") { Description = "UD EWT CoNLL-U file (default: ../shared/data/pos/ud-english-ewt/en_ewt-ud-dev.conllu)." };
        var gmb = new Option<string?>("--gmb") { Description = "GMB ner_dataset.csv; its last 10% is scored (default: ../shared/data/ner/gmb/ner_dataset.csv)." };
        var train = new Option<bool>("--train") { Description = "Also score the GMB train split (for designing rules; dev is the figure to report)." };
        var errors = new Option<int>("--errors") { Description = "Print up to N wrong boundaries per corpus, with context." };
        var command = new Command("sentences", "Sentence-boundary precision/recall/F1 on UD EWT dev and the GMB dev slice.") { ewt, gmb, train, errors };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(ewt) ?? SharedData.Data("pos/ud-english-ewt/en_ewt-ud-dev.conllu"),
            parseResult.GetValue(gmb) ?? SharedData.Data("ner/gmb/ner_dataset.csv"),
            parseResult.GetValue(errors),
            parseResult.GetValue(train),
            AnsiConsole.Console));
        return command;
    }

    internal static int Run(string? ewtPath, string? gmbPath, int errors, bool train, IAnsiConsole console)
    {
        var results = new List<SentenceBoundaryResult>();
        var missing = new List<string>();
        if (ewtPath is not null && File.Exists(ewtPath))
        {
            results.Add(SentenceBoundaryEvaluation.ScoreEwt(ewtPath, keepErrors: errors));
            // The line-break rule: what it gains on line-per-paragraph text and what it costs on hard-wrapped text.
            var noLineRule = new SentenceSplitterOptions { LineBreakEndsUnpunctuatedLine = false };
            foreach (var layout in new[] { EwtLayout.LinePerParagraph, EwtLayout.HardWrapped })
            {
                var with = SentenceBoundaryEvaluation.ScoreEwt(ewtPath, layout);
                var without = SentenceBoundaryEvaluation.ScoreEwt(ewtPath, layout, noLineRule);
                results.Add(with with { Name = with.Name + ", line rule on" });
                results.Add(without with { Name = without.Name + ", line rule off" });
            }
        }
        else
        {
            missing.Add($"UD EWT file not found: {ewtPath ?? "(no shared data folder)"}");
        }

        if (gmbPath is not null && File.Exists(gmbPath))
        {
            results.Add(SentenceBoundaryEvaluation.ScoreGmbDev(gmbPath, keepErrors: errors));
            if (train)
            {
                results.Add(SentenceBoundaryEvaluation.ScoreGmbTrain(gmbPath, keepErrors: errors));
            }
        }
        else
        {
            missing.Add($"GMB file not found: {gmbPath ?? "(no shared data folder)"}");
        }

        foreach (var message in missing)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(message)}[/]");
        }

        if (results.Count == 0)
        {
            return 1;
        }

        console.WriteLine("Sentence ends: \"within paragraphs\" (the headline figure) leaves out paragraph and document ends.");
        foreach (var result in results)
        {
            console.MarkupLine($"[bold]{Markup.Escape(result.Name)}[/] ({result.Documents} documents, {result.GoldSentences} sentences)");
            WriteScore(console, "within paragraphs", result.WithinParagraphs);
            WriteScore(console, "all boundaries", result.All);
            console.WriteLine("  by rule (right/spurious): " + string.Join(", ", result.ByRule.Select(r => $"{r.Key} {r.Value.Right}/{r.Value.Spurious}")));
        }

        if (ewtPath is not null && File.Exists(ewtPath))
        {
            // The tokenizer's agreement with the UD words the POS tagger learns from.
            var tokens = TokenizationEvaluation.ScoreEwt(ewtPath, errors);
            console.MarkupLine($"[bold]Tokens vs UD EWT dev words[/] ({tokens.Sentences} sentences, {tokens.Unaligned} unaligned and left out)");
            WriteScore(console, "token spans", tokens.Spans);
            foreach (var error in tokens.Errors)
            {
                console.WriteLine("  " + error);
            }
        }

        foreach (var result in results.Where(r => r.Errors.Count > 0))
        {
            console.MarkupLine($"[bold]{Markup.Escape(result.Name)}[/]: first {result.Errors.Count} errors (‖ marks the offset)");
            foreach (var error in result.Errors)
            {
                var label = error.Spurious ? "[red]spurious[/]" : "[yellow]missed  [/]";
                console.MarkupLine($"{label} {Markup.Escape(error.DocumentId)}@{error.Offset}: {Markup.Escape(error.Context)}");
            }
        }

        return 0;
    }

    private static void WriteScore(IAnsiConsole console, string which, BoundaryScore score) =>
        console.WriteLine(
            $"  {which,-17}  P {score.Precision:0.0000} R {score.Recall:0.0000} F1 {score.F1:0.0000}  " +
            $"tp {score.TruePositives} fp {score.FalsePositives} fn {score.FalseNegatives}");
}
