using System.CommandLine;
using System.Globalization;
using Storyline.Ingest;

namespace Storyline.Cli.Analysis;

/// <summary>The inputs and the analysis options that <c>analyze</c> and <c>ingest</c> share, defined once.</summary>
internal sealed class InputOptions
{
    public InputOptions(string commandName)
    {
        Paths.Validators.Add(result =>
        {
            // System.CommandLine passes an unknown "--option" on as a path; say what it is instead.
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (value.StartsWith('-') && !File.Exists(value) && !Directory.Exists(value))
                {
                    result.AddError($"Unknown option '{value}'. See 'storyline {commandName} --help'.");
                }
            }
        });
        Published.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                result.AddError($"--published must be a date as YYYY-MM-DD, not '{value}'.");
            }
        });
    }

    public Argument<string[]> Paths { get; } = new("paths")
    {
        Description = "Files or folders: .txt, .html/.htm, .xml/.rss/.atom feeds, .jsonl (optionally .gz). Folders are read recursively, in name order.",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string?> Published { get; } = new("--published") { Description = "Reference date (YYYY-MM-DD) for articles that carry none." };

    public Option<string?> Outlet { get; } = new("--outlet") { Description = "Outlet name for articles that name none." };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds one article may take before it is reported and skipped.",
        DefaultValueFactory = _ => 30,
    };

    public Option<int> MaxSize { get; } = new("--max-article-mb")
    {
        Description = "Largest .txt/.html file read as one article, in MiB; larger ones are reported.",
        DefaultValueFactory = _ => 16,
    };

    public Option<int> Threads { get; } = new("--threads")
    {
        Description = "Articles analysed at once (default: one per core). The output is the same whatever the number.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    /// <summary>The options, for adding to a command (the paths argument is added separately).</summary>
    public IEnumerable<Option> Options => [Published, Outlet, Timeout, MaxSize, Threads];

    public AnalyzeOptions Read(ParseResult parse) => new()
    {
        Published = parse.GetValue(Published) is { } p ? DateOnly.ParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        Outlet = parse.GetValue(Outlet),
        ArticleBudget = TimeSpan.FromSeconds(Math.Max(0.1, parse.GetValue(Timeout))),
        Threads = Math.Max(1, parse.GetValue(Threads)),
        Ingest = new IngestOptions { MaxArticleFileBytes = Math.Max(1, parse.GetValue(MaxSize)) * (1L << 20) },
    };
}
