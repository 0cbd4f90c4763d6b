using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Storyline.Cli.Rendering;
using Storyline.Cli.Storage;
using Storyline.Output;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline article ID [--db] [--format text|json]</c>: one stored article with its analysis — the
/// <c>analyze</c> report for it, or the analysis JSON (OUTPUT.md) holding just that article.</summary>
internal static class ArticleCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The article's id (as 'storyline articles' lists it)." };
        var db = StoreLocation.Option();
        var format = new Option<string>("--format", "-f") { Description = "text (a report for people) or json (OUTPUT.md).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("article", "Show one stored article with its analysis.") { id, db, format };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(id)!, parse.GetValue(db)!, parse.GetValue(format)!, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(string id, string db, string format, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var store = await StoreLocation.OpenAsync(db, create: false, error, cancellationToken);
        if (store is null)
        {
            return StoreLocation.ExitFailure;
        }

        var stored = await store.GetAsync(id, cancellationToken);
        if (stored is null)
        {
            await error.WriteLineAsync($"storyline: no article '{id}' in {store.Description} ('storyline articles' lists them).");
            return StoreLocation.ExitFailure;
        }

        if (format == "json")
        {
            await output.WriteLineAsync(AnalysisJson.Serialize(new AnalysisDocument(AnalysisDocument.CurrentVersion, [stored.Analysis], [], [], [])));
            return 0;
        }

        var console = StoreLocation.ConsoleFor(output);
        TextReport.RenderArticle(console, stored.Analysis);
        console.MarkupLineInterpolated(
            $"[grey]Stored in {store.Description} at {stored.Summary.IngestedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC · text hash {stored.Summary.TextHash[..12]}[/]");
        return 0;
    }
}
