using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Storyline.Cli.Storage;
using Storyline.Output;
using Storyline.Storage;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline articles [--db] [--limit N] [--offset N]</c>: what the store holds, latest first. (When stories land,
/// <c>storyline stories</c> lists them the same way; until then this is the store's listing.)
/// </summary>
internal static class ArticlesCommand
{
    public static Command Create()
    {
        var db = StoreLocation.Option();
        var limit = new Option<int>("--limit", "-n") { Description = "How many articles to list.", DefaultValueFactory = _ => 20 };
        var offset = new Option<int>("--offset") { Description = "Skip this many first (paging).", DefaultValueFactory = _ => 0 };
        var format = new Option<string>("--format", "-f") { Description = "text (a table) or jsonl (one article summary per line).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "jsonl");
        limit.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) { r.AddError("--limit must be 0 or more."); } });
        offset.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) { r.AddError("--offset must be 0 or more."); } });
        var command = new Command("articles", "List the stored articles, latest first.") { db, limit, offset, format };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(db)!, parse.GetValue(limit), parse.GetValue(offset), parse.GetValue(format)!, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    /// <summary>An untitled article's first line, shortened: what a person recognises it by.</summary>
    internal static string Lead(string lead)
    {
        var line = lead.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length <= 80 ? line : line[..79] + "…";
    }

    internal static async Task<int> RunAsync(string db, int limit, int offset, string format, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var store = await StoreLocation.OpenAsync(db, create: false, error, cancellationToken);
        if (store is null)
        {
            return StoreLocation.ExitFailure;
        }

        var articles = await store.ListAsync(limit, offset, cancellationToken);
        if (format == "jsonl")
        {
            foreach (var article in articles)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(article, AnalysisJson.Compact));
            }

            return 0;
        }

        var total = await store.CountAsync(cancellationToken);
        var console = StoreLocation.ConsoleFor(output);
        var table = new Table().Border(TableBorder.Simple).AddColumns("Id", "Published", "Outlet", "Title");
        foreach (var a in articles)
        {
            table.AddRow(
                Markup.Escape(a.Id),
                a.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "[grey]—[/]",
                Markup.Escape(a.Outlet ?? "—"),
                a.Title is { } title ? Markup.Escape(title) : $"[grey]{Markup.Escape(Lead(a.Lead))}[/]");
        }

        console.Write(table);
        console.MarkupLineInterpolated($"[grey]{(articles.Count == 0 ? "none" : $"{offset + 1}–{offset + articles.Count}")} of {total} in {store.Description}[/]");
        return 0;
    }
}
