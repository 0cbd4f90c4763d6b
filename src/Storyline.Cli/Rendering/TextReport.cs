using Spectre.Console;
using Storyline.Output;

namespace Storyline.Cli.Rendering;

/// <summary>
/// The report a person reads (<c>--format text</c>): per article where it came from, its date and how we know it,
/// counts per layer, then the layers themselves. Large batches get one table row per article instead.
/// </summary>
public static class TextReport
{
    /// <summary>Above this many articles, per-article detail would bury the overview.</summary>
    public const int DetailLimit = 10;

    public static void Render(IAnsiConsole console, AnalysisDocument document, TimeSpan elapsed)
    {
        var articles = document.Articles;
        console.Write(new Rule($"[bold]Storyline[/] · {articles.Count} article{(articles.Count == 1 ? "" : "s")} analysed, {document.Errors.Count} skipped · {elapsed.TotalSeconds:0.00} s").LeftJustified());
        RenderStories(console, document);
        RenderEntities(console, document.Entities);
        if (articles.Count > DetailLimit)
        {
            console.Write(Overview(articles));
        }
        else
        {
            foreach (var article in articles)
            {
                RenderArticle(console, article);
            }
        }

        if (document.Errors.Count > 0)
        {
            console.WriteLine();
            console.Write(new Rule("[red]Skipped[/]").LeftJustified());
            foreach (var error in document.Errors)
            {
                console.MarkupLineInterpolated($"[red]✗[/] {error.Source}: {error.Error}");
            }
        }
    }

    /// <summary>The most mentioned entities of the run; the JSON has them all.</summary>
    public const int EntityLimit = 10;

    private static void RenderEntities(IAnsiConsole console, IReadOnlyList<EntityJson> entities)
    {
        if (entities.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine($"[bold]Top entities[/] [grey]({Math.Min(EntityLimit, entities.Count)} of {entities.Count})[/]");
        foreach (var e in entities.Take(EntityLimit))
        {
            console.MarkupLineInterpolated($"  {e.Name} [grey]{e.Type} · {e.Mentions} mention{(e.Mentions == 1 ? "" : "s")} in {e.Articles.Count} article{(e.Articles.Count == 1 ? "" : "s")}[/]{(e.Descriptors.Count > 0 ? " · " + string.Join("; ", e.Descriptors.Take(3)) : "")}");
        }
    }

    private static Table Overview(IReadOnlyList<ArticleJson> articles)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("Article", "Title", "Outlet", "Published", "Sentences", "Entities", "Times", "Quotes", "Events");
        foreach (var a in articles)
        {
            var title = a.Title is null ? "—" : a.Title.Length > 50 ? a.Title[..49] + "…" : a.Title;
            table.AddRow(
                Markup.Escape(a.Id), Markup.Escape(title), Markup.Escape(a.Outlet ?? "—"), Markup.Escape(a.Published ?? "—"),
                a.Sentences.Count.ToString(), a.Entities.Count.ToString(), a.Times.Count.ToString(),
                a.Quotes.Count.ToString(), a.Events.Count.ToString());
        }

        return table;
    }

    internal static void RenderArticle(IAnsiConsole console, ArticleJson article)
    {
        console.WriteLine();
        console.Write(new Rule($"[bold]{Markup.Escape(article.Title ?? article.Id)}[/]").LeftJustified());
        var facts = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        facts.AddRow("[grey]Id[/]", Markup.Escape(article.Id));
        facts.AddRow("[grey]Outlet[/]", Markup.Escape(article.Outlet ?? "unknown"));
        facts.AddRow("[grey]Published[/]", Markup.Escape(DateLine(article)));
        facts.AddRow("[grey]Source[/]", Markup.Escape(article.Source));
        if (article.Url is not null)
        {
            facts.AddRow("[grey]URL[/]", Markup.Escape(article.Url));
        }

        facts.AddRow("[grey]Layers[/]", Markup.Escape(Counts(article)));
        console.Write(facts);

        if (article.Ignored.Count > 0)
        {
            console.MarkupLine("[bold]Ignored[/]");
            foreach (var span in article.Ignored)
            {
                console.MarkupLineInterpolated($"  [grey][[{span.Start},{span.End})[/] {span.Reason}: [dim]{Excerpt(article.Text, span.Start, span.End)}[/]");
            }
        }

        if (article.Sentences.Count > 0)
        {
            console.MarkupLine("[bold]Sentences[/]");
            var number = 0;
            foreach (var sentence in article.Sentences)
            {
                console.MarkupLineInterpolated($"  [grey]{++number,3}[/] {Excerpt(article.Text, sentence.Start, sentence.End, 400)}");
            }
        }

        if (article.Entities.Count > 0)
        {
            console.MarkupLine("[bold]Entities[/]");
            foreach (var group in article.Entities.GroupBy(e => e.Entity))
            {
                var first = group.First();
                console.MarkupLineInterpolated($"  {first.Text} [grey]{first.Type} · {group.Key} · {group.Count()}×[/]");
            }
        }

        if (article.Times.Count > 0)
        {
            console.MarkupLine("[bold]Times[/]");
            foreach (var time in article.Times)
            {
                console.MarkupLineInterpolated($"  {time.Text} [grey]→[/] {time.Value} [grey]{time.Type}[/]");
            }
        }

        if (article.Quotes.Count > 0)
        {
            console.MarkupLine("[bold]Quotes[/]");
            foreach (var quote in article.Quotes)
            {
                var who = quote.SpeakerName ?? quote.Speaker ?? "unknown speaker";
                console.MarkupLineInterpolated($"  [bold]{who}[/] [grey]({(quote.Direct ? "direct" : "reported")}, {quote.Cue ?? "no cue"})[/]: {Excerpt(article.Text, quote.Start, quote.End, 300)}");
            }
        }

        if (article.Events.Count > 0)
        {
            console.MarkupLine("[bold]Events[/]");
            foreach (var e in article.Events)
            {
                console.MarkupLineInterpolated($"  {e.Type} [grey]{e.Actor ?? "?"} → {e.Target ?? "?"} {e.Date ?? ""}[/]: {Excerpt(article.Text, e.Start, e.End, 200)}");
            }
        }
    }

    /// <summary>Stories come first: they are what a person reads first. Up to <see cref="DetailLimit"/> stories of
    /// several articles in full (title, outlets, timeline, statements with sources and wording differences, labels per
    /// outlet, number discrepancies); the rest as a table.</summary>
    private static void RenderStories(IAnsiConsole console, AnalysisDocument document)
    {
        if (document.Stories.Count == 0)
        {
            return;
        }

        var shared = document.Stories.Where(s => s.Articles.Count > 1).ToList();
        var single = document.Stories.Count - shared.Count;
        console.WriteLine();
        console.MarkupLineInterpolated($"[bold]{document.Stories.Count} stor{(document.Stories.Count == 1 ? "y" : "ies")}[/]: {shared.Count} reported by several articles, {single} by one.");
        var cite = Citations(document);
        var full = document.Stories.Count <= DetailLimit ? document.Stories : shared.Take(DetailLimit).ToList();
        foreach (var story in full)
        {
            RenderStory(console, story, cite);
        }

        var rest = document.Stories.Except(full).ToList();
        if (rest.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).AddColumns("Story", "Articles", "Outlets", "Dates");
            foreach (var story in rest.Take(50))
            {
                table.AddRow(Markup.Escape(Shorten(story.Title, 90)), story.Articles.Count.ToString(), Markup.Escape(string.Join(", ", story.Outlets)), Markup.Escape(Dates(story)));
            }

            console.Write(table);
            if (rest.Count > 50)
            {
                console.MarkupLineInterpolated($"[grey]… and {rest.Count - 50} more stories (see --format json).[/]");
            }
        }
    }

    internal static void RenderStory(IAnsiConsole console, StoryJson story, Func<string, string> cite)
    {
        console.WriteLine();
        console.Write(new Rule($"[bold yellow]Story[/] [bold]{Markup.Escape(Shorten(story.Title, 110))}[/]").LeftJustified());
        var facts = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        facts.AddRow("[grey]Articles[/]", Markup.Escape(string.Join(" · ", story.Articles.Select(a => story.Copies?.GetValueOrDefault(a) is { } o ? $"{cite(a)} (copy of {cite(o)})" : cite(a)))));
        facts.AddRow("[grey]Outlets[/]", Markup.Escape(story.Outlets.Count == 0 ? "not named" : string.Join(", ", story.Outlets)));
        facts.AddRow("[grey]Dates[/]", Markup.Escape(Dates(story)));
        console.Write(facts);

        if (story.Timeline.Count > 0)
        {
            console.MarkupLine("[bold]Timeline[/]");
            foreach (var item in story.Timeline)
            {
                console.MarkupLineInterpolated($"  [bold]{item.Date,-10}[/] {Shorten(item.Text, 220)} [grey]({string.Join(", ", item.Articles.Select(cite))})[/]");
            }
        }

        var statements = story.Statements.Where(s => s.Sources > 1).Concat(story.Statements.Where(s => s.Sources <= 1)).Take(8).ToList();
        if (statements.Count > 0)
        {
            console.MarkupLine("[bold]Statements[/]");
            foreach (var statement in statements)
            {
                var sources = statement.Sources == 1 ? "1 source" : $"{statement.Sources} sources";
                console.MarkupLineInterpolated($"  [bold]{statement.SpeakerName ?? statement.Speaker}[/] [grey]· {sources}[/]");
                foreach (var quote in statement.Quotes)
                {
                    console.MarkupLineInterpolated($"    [grey]{cite(quote.Article)}:[/] {Shorten(quote.Text, 260)}");
                }

                foreach (var diff in statement.Diffs ?? [])
                {
                    console.MarkupLineInterpolated($"    [grey]wording {cite(diff.From)} → {cite(diff.To)}:[/] {Shorten(diff.Text, 400)}");
                }
            }

            if (story.Statements.Count > statements.Count)
            {
                console.MarkupLineInterpolated($"  [grey]… {story.Statements.Count - statements.Count} more statements in the JSON.[/]");
            }
        }

        if (story.Entities.Count > 0)
        {
            console.MarkupLine("[bold]Labels per outlet[/]");
            foreach (var entity in story.Entities.Take(10))
            {
                var labels = entity.Descriptors.GroupBy(d => d.Article).Select(g => $"{cite(g.Key)}: {string.Join(" / ", g.Select(d => $"\"{d.Text}\"").Distinct())}");
                console.MarkupLineInterpolated($"  [bold]{entity.Name}[/] [grey]—[/] {string.Join("; ", labels)}");
            }
        }

        if (story.Numbers is { Count: > 0 } numbers)
        {
            console.MarkupLine("[bold]Numbers that differ[/]");
            foreach (var n in numbers)
            {
                console.MarkupLineInterpolated($"  {n.Unit} [grey]({n.Context})[/]: {string.Join(" vs ", n.Mentions.Select(m => $"\"{m.Text}\" ({cite(m.Article)})"))}");
            }
        }
    }

    /// <summary>How an article is named in a story: its outlet, with the article id when the outlet has several
    /// articles or is unknown.</summary>
    internal static Func<string, string> Citations(AnalysisDocument document)
    {
        var outlets = document.Articles.ToDictionary(a => a.Id, a => a.Outlet, StringComparer.Ordinal);
        var perOutlet = document.Articles.Where(a => a.Outlet is not null).GroupBy(a => a.Outlet!).ToDictionary(g => g.Key, g => g.Count());
        return id => outlets.GetValueOrDefault(id) is { } outlet && perOutlet[outlet] == 1 ? outlet : outlets.GetValueOrDefault(id) is { } o ? $"{o} {id}" : id;
    }

    internal static string Dates(StoryJson story) =>
        story.Start is null ? "undated" : story.Start == story.End ? story.Start : $"{story.Start} – {story.End}";

    internal static string Shorten(string text, int max)
    {
        var s = text.ReplaceLineEndings(" ");
        return s.Length <= max ? s : s[..(max - 1)] + "…";
    }

    internal static string DateLine(ArticleJson article) => article.Published is null
        ? "unknown"
        : article.PublishedFrom switch
        {
            "inferred" => $"{article.Published} (inferred from the text)",
            "option" => $"{article.Published} (from --published)",
            _ => $"{article.Published} (from {article.PublishedFrom})",
        };

    internal static string Counts(ArticleJson a) =>
        $"{a.Sentences.Count} sentences · {a.Entities.Count} entities · {a.Times.Count} times · {a.Quotes.Count} quotes · {a.Events.Count} events · {a.Ignored.Count} ignored";

    /// <summary>The text of a span on one line, shortened in the middle when long.</summary>
    internal static string Excerpt(string text, int start, int end, int max = 160)
    {
        var s = text[start..end].ReplaceLineEndings(" ");
        return s.Length <= max ? s : string.Concat(s.AsSpan(0, max / 2 - 2), " … ", s.AsSpan(s.Length - (max / 2 - 2)));
    }
}
