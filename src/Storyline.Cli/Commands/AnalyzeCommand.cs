using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Storyline.Cli.Analysis;
using Storyline.Cli.Rendering;
using Storyline.Entities;
using Storyline.Ingest;
using Storyline.Output;
using Storyline.Pipeline;
using Storyline.Stories;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline analyze PATH…</c>: the main job (OUTPUT.md). Exit 0 when every input was analysed,
/// 2 when some were skipped (listed in errors), 1 on a usage error.</summary>
internal static class AnalyzeCommand
{
    public const int ExitSkipped = 2;

    /// <summary>Show a progress bar when at least this many inputs are read and stderr is a terminal.</summary>
    private const int ProgressThreshold = 20;

    public static Command Create()
    {
        var inputs = new InputOptions("analyze");
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (a report for people), json (OUTPUT.md), jsonl (one article per line) or markdown.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "jsonl", "markdown");
        var noStories = new Option<bool>("--no-stories") { Description = "Skip the stories (the cross-article entity table is always built)." };
        var tokens = new Option<bool>("--tokens") { Description = "Add tokens (with POS tags when tagged) to the JSON." };

        var command = new Command("analyze", "Analyse articles: sentences and every layer built so far; a report (text), JSON or Markdown.")
        {
            inputs.Paths, format, inputs.Published, inputs.Outlet, noStories, tokens, inputs.Timeout, inputs.MaxSize, inputs.Threads,
        };
        command.SetAction(parse =>
        {
            var options = inputs.Read(parse);
            return Run(parse.GetValue(inputs.Paths)!, parse.GetValue(format)!, parse.GetValue(tokens), options, Console.Out, !parse.GetValue(noStories));
        });
        return command;
    }

    internal static int Run(IReadOnlyList<string> paths, string format, bool includeTokens, AnalyzeOptions options, TextWriter output, bool stories = true)
    {
        var analyzer = new BatchAnalyzer(StandardPipeline.Create(), options);
        var result = RunWithProgress(analyzer, paths);
        // Cross-article work on the analysed batch, in input order (the stories do not depend on thread count).
        // The entity table is cheap and names every quote's speaker, so --no-stories keeps it.
        var entities = EntityTable.Build(result.Articles);
        IReadOnlyList<StoryJson> storyJson = stories
            ? [.. new StoryBuilder().Build(result.Articles).Select(AnalysisJson.FromStory)]
            : [];
        var document = new AnalysisDocument(
            AnalysisDocument.CurrentVersion,
            [.. result.Articles.Select(a => AnalysisJson.FromArticle(a, includeTokens, entities.NameOf))],
            Entities: [.. entities.Entries.Select(AnalysisJson.FromEntity)],
            Stories: storyJson,
            result.Errors);

        switch (format)
        {
            case "json":
                output.WriteLine(AnalysisJson.Serialize(document));
                break;
            case "jsonl":
                foreach (var article in document.Articles)
                {
                    output.WriteLine(System.Text.Json.JsonSerializer.Serialize(article, AnalysisJson.Compact));
                }

                foreach (var error in document.Errors)
                {
                    Console.Error.WriteLine($"storyline: skipped {error.Source}: {error.Error}");
                }

                break;
            case "markdown":
                output.Write(MarkdownReport.Render(document));
                break;
            default:
                TextReport.Render(ReportConsole.For(output), document, result.Elapsed);
                break;
        }

        return document.Errors.Count > 0 ? ExitSkipped : 0;
    }

    private static BatchResult RunWithProgress(BatchAnalyzer analyzer, IReadOnlyList<string> paths)
    {
        if (Console.IsErrorRedirected)
        {
            return analyzer.Run(paths);
        }

        var total = paths.Sum(p => Directory.Exists(p) ? ArticleSource.FilesIn(p).Count() : 1);
        if (total < ProgressThreshold)
        {
            return analyzer.Run(paths);
        }

        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        BatchResult? result = null;
        stderr.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("Analysing", maxValue: total);
            result = analyzer.Run(paths, done => task.Value = Math.Min(done, total));
        });
        return result!;
    }
}
