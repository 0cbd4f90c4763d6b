using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Storyline.Cli.Rendering;
using Storyline.Cli.Storage;
using Storyline.Output;
using Storyline.Server;
using Storyline.Storage;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline stories</c> and <c>storyline story ID</c>: the stories of the stored articles. The store keeps which
/// articles form each story (placed as they were ingested); only the stories shown are assembled from their members'
/// analyses (statements, labels, timeline), as <c>serve</c> does.
/// </summary>
internal static class StoriesCommand
{
    public static Command CreateList()
    {
        var db = StoreLocation.Option();
        var limit = new Option<int>("--limit", "-n") { Description = "How many stories to list.", DefaultValueFactory = _ => 20 };
        limit.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) { r.AddError("--limit must be 0 or more."); } });
        var format = new Option<string>("--format", "-f") { Description = "text (a table) or jsonl (one story per line).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "jsonl");
        var command = new Command("stories", "List the stories of the stored articles, latest first, with their outlets and article counts.") { db, limit, format };
        command.SetAction((parse, cancellationToken) => ListAsync(
            parse.GetValue(db)!, parse.GetValue(limit), parse.GetValue(format)!, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    public static Command CreateShow()
    {
        var db = StoreLocation.Option();
        var id = new Argument<string>("id") { Description = "A story id, as `storyline stories` lists it." };
        var format = new Option<string>("--format", "-f") { Description = "text (the story as a person reads it) or json (OUTPUT.md's story).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("story", "Show one story: outlets, timeline, statements with their sources and wording, labels per outlet.") { id, db, format };
        command.SetAction((parse, cancellationToken) => ShowAsync(
            parse.GetValue(id)!, parse.GetValue(db)!, parse.GetValue(format)!, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    internal static async Task<int> ListAsync(string db, int limit, string format, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var store = await StoreLocation.OpenAsync(db, create: false, error, cancellationToken);
        if (store is null)
        {
            return StoreLocation.ExitFailure;
        }

        using var cache = new StoryCache(store);
        var shown = await cache.PageAsync(limit, 0, cancellationToken);
        var total = await store.StoryCountAsync(cancellationToken);
        if (format == "jsonl")
        {
            foreach (var story in shown)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(story, AnalysisJson.Compact));
            }

            return 0;
        }

        var console = StoreLocation.ConsoleFor(output);
        var table = new Table().Border(TableBorder.Simple).AddColumns("Id", "Dates", "Articles", "Outlets", "Statements", "Title");
        foreach (var s in shown)
        {
            table.AddRow(
                Markup.Escape(s.Id), Markup.Escape(TextReport.Dates(s)), s.Articles.Count.ToString(),
                Markup.Escape(s.Outlets.Count == 0 ? "—" : string.Join(", ", s.Outlets)), s.Statements.Count.ToString(),
                Markup.Escape(TextReport.Shorten(s.Title, 70)));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"[grey]{shown.Count} of {total} stories in {store.Description}[/]");
        return 0;
    }

    internal static async Task<int> ShowAsync(string id, string db, string format, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var store = await StoreLocation.OpenAsync(db, create: false, error, cancellationToken);
        if (store is null)
        {
            return StoreLocation.ExitFailure;
        }

        using var cache = new StoryCache(store);
        var story = await cache.StoryAsync(id, cancellationToken);
        if (story is null)
        {
            await error.WriteLineAsync($"storyline: no story '{id}' in {store.Description} (see `storyline stories`).");
            return StoreLocation.ExitFailure;
        }

        if (format == "json")
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(story, AnalysisJson.Options));
            return 0;
        }

        var articles = new List<ArticleJson>();
        foreach (var articleId in story.Articles)
        {
            if (await store.GetAsync(articleId, cancellationToken) is { } stored)
            {
                articles.Add(stored.Analysis);
            }
        }

        var document = new AnalysisDocument(AnalysisDocument.CurrentVersion, articles, [], [story], []);
        TextReport.RenderStory(StoreLocation.ConsoleFor(output), story, TextReport.Citations(document));
        return 0;
    }
}
