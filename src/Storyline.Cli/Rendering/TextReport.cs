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

    private static void RenderArticle(IAnsiConsole console, ArticleJson article)
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

    internal static string DateLine(ArticleJson article) =>
        article.Published is null ? "unknown" : $"{article.Published} (from {article.PublishedFrom})";

    internal static string Counts(ArticleJson a) =>
        $"{a.Sentences.Count} sentences · {a.Entities.Count} entities · {a.Times.Count} times · {a.Quotes.Count} quotes · {a.Events.Count} events · {a.Ignored.Count} ignored";

    /// <summary>The text of a span on one line, shortened in the middle when long.</summary>
    internal static string Excerpt(string text, int start, int end, int max = 160)
    {
        var s = text[start..end].ReplaceLineEndings(" ");
        return s.Length <= max ? s : string.Concat(s.AsSpan(0, max / 2 - 2), " … ", s.AsSpan(s.Length - (max / 2 - 2)));
    }
}
