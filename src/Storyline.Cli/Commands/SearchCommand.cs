using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Storyline.Cli.Storage;
using Storyline.Output;
using Storyline.Storage;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline search "query" [--db] [--limit N]</c>: full-text search over the stored articles, best first,
/// with the matches highlighted in a snippet of each.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Words (all must occur; word forms match), \"a phrase\", a or b, -excluded." };
        var db = StoreLocation.Option();
        var limit = new Option<int>("--limit", "-n") { Description = "How many results.", DefaultValueFactory = _ => 10 };
        limit.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) { r.AddError("--limit must be 0 or more."); } });
        var format = new Option<string>("--format", "-f") { Description = "text (a table) or jsonl (one hit per line).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "jsonl");
        var command = new Command("search", "Search the stored articles (ranked, with highlighted snippets).") { query, db, limit, format };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(query)!, parse.GetValue(db)!, parse.GetValue(limit), parse.GetValue(format)!, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(string query, string db, int limit, string format, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var store = await StoreLocation.OpenAsync(db, create: false, error, cancellationToken);
        if (store is null)
        {
            return StoreLocation.ExitFailure;
        }

        var hits = await store.SearchAsync(query, limit, cancellationToken);
        if (format == "jsonl")
        {
            foreach (var hit in hits)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(Json(hit), AnalysisJson.Compact));
            }

            return 0;
        }

        var console = StoreLocation.ConsoleFor(output);
        if (hits.Count == 0)
        {
            console.MarkupLineInterpolated($"[grey]No article in {store.Description} matches[/] {query}");
            return 0;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("#", c => c.RightAligned()).AddColumns("Article", "Published", "Outlet", "Match");
        var rank = 0;
        foreach (var hit in hits)
        {
            var a = hit.Article;
            var title = a.Title is null ? "" : $"[bold]{Markup.Escape(a.Title)}[/]\n";
            table.AddRow(
                new Markup((++rank).ToString(CultureInfo.InvariantCulture)),
                new Markup(Markup.Escape(a.Id)),
                new Markup(a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "[grey]—[/]"),
                new Markup(Markup.Escape(a.Outlet ?? "—")),
                new Markup(title + Highlighted(hit.Snippet)));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"[grey]{hits.Count} best of {store.Description}[/]");
        return 0;
    }

    /// <summary>The snippet as markup: every part escaped (article text is hostile input), matches in bold yellow.</summary>
    internal static string Highlighted(string snippet)
    {
        var markup = new StringBuilder();
        foreach (var (text, match) in Snippets.Parts(snippet.ReplaceLineEndings(" ")))
        {
            markup.Append(match ? $"[bold yellow]{Markup.Escape(text)}[/]" : Markup.Escape(text));
        }

        return markup.ToString();
    }

    /// <summary>A hit for machines: the plain snippet and where in it the matches are.</summary>
    private static object Json(SearchHit hit)
    {
        var matches = new List<int[]>();
        var plain = new StringBuilder();
        foreach (var (text, match) in Snippets.Parts(hit.Snippet))
        {
            if (match)
            {
                matches.Add([plain.Length, plain.Length + text.Length]);
            }

            plain.Append(text);
        }

        var a = hit.Article;
        return new { a.Id, a.Title, a.Outlet, a.Published, a.Url, hit.Score, Snippet = plain.ToString(), Matches = matches };
    }
}
