using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Storyline.Cli.Analysis;
using Storyline.Cli.Rendering;
using Storyline.Ingest;
using Storyline.Output;
using Storyline.Pipeline;

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
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders: .txt, .html/.htm, .xml/.rss/.atom feeds, .jsonl (optionally .gz). Folders are read recursively, in name order.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (a report for people), json (OUTPUT.md), jsonl (one article per line) or markdown.",
            DefaultValueFactory = _ => "text",
        };
        paths.Validators.Add(result =>
        {
            // System.CommandLine passes an unknown "--option" on as a path; say what it is instead.
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (value.StartsWith('-') && !File.Exists(value) && !Directory.Exists(value))
                {
                    result.AddError($"Unknown option '{value}'. See 'storyline analyze --help'.");
                }
            }
        });
        format.AcceptOnlyFromAmong("text", "json", "jsonl", "markdown");
        var published = new Option<string?>("--published") { Description = "Reference date (YYYY-MM-DD) for articles that carry none." };
        published.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                result.AddError($"--published must be a date as YYYY-MM-DD, not '{value}'.");
            }
        });
        var outlet = new Option<string?>("--outlet") { Description = "Outlet name for articles that name none." };
        var noStories = new Option<bool>("--no-stories") { Description = "Per-article analysis only: skip cross-article work (entity table, stories)." };
        var tokens = new Option<bool>("--tokens") { Description = "Add tokens (with POS tags when tagged) to the JSON." };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds one article may take before it is reported and skipped.",
            DefaultValueFactory = _ => 30,
        };
        var maxSize = new Option<int>("--max-article-mb")
        {
            Description = "Largest .txt/.html file read as one article, in MiB; larger ones are reported.",
            DefaultValueFactory = _ => 16,
        };

        var command = new Command("analyze", "Analyse articles: sentences and every layer built so far; a report (text), JSON or Markdown.")
        {
            paths, format, published, outlet, noStories, tokens, timeout, maxSize,
        };
        command.SetAction(parse =>
        {
            var options = new AnalyzeOptions
            {
                Published = parse.GetValue(published) is { } p ? DateOnly.ParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                Outlet = parse.GetValue(outlet),
                ArticleBudget = TimeSpan.FromSeconds(Math.Max(0.1, parse.GetValue(timeout))),
                Ingest = new IngestOptions { MaxArticleFileBytes = Math.Max(1, parse.GetValue(maxSize)) * (1L << 20) },
            };
            return Run(parse.GetValue(paths)!, parse.GetValue(format)!, parse.GetValue(tokens), options, Console.Out);
        });
        return command;
    }

    internal static int Run(IReadOnlyList<string> paths, string format, bool includeTokens, AnalyzeOptions options, TextWriter output)
    {
        var analyzer = new BatchAnalyzer(StandardPipeline.Create(), options);
        var result = RunWithProgress(analyzer, paths);
        var document = new AnalysisDocument(
            AnalysisDocument.CurrentVersion,
            [.. result.Articles.Select(a => AnalysisJson.FromArticle(a, includeTokens))],
            Entities: [],
            Stories: [],
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
                TextReport.Render(ConsoleFor(output), document, result.Elapsed);
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

    private static IAnsiConsole ConsoleFor(TextWriter output)
    {
        var redirected = !ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            // A file or a pipe has no width; 80 columns would fold every table row.
            console.Profile.Width = 140;
        }

        return console;
    }
}
