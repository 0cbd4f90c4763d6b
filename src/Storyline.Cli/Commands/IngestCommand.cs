using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Spectre.Console;
using Storyline.Cli.Analysis;
using Storyline.Cli.Storage;
using Storyline.Ingest;
using Storyline.Output;
using Storyline.Pipeline;
using Storyline.Storage;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline ingest PATH… [--db FILE|postgres://…]</c>: analyse articles with the standard pipeline and save each
/// with its analysis, one transaction per article. Articles the store holds already (same URL or same text) are
/// counted as duplicates, not stored twice. Exit 0 when every input was stored or was a duplicate, 2 when some were
/// skipped (unreadable, failed analysis, refused by the store; each listed on stderr), 1 when the store cannot be
/// opened or a save fails (everything saved before stays). Each new article is placed in a story as it is saved (the
/// store keeps stories, see IArticleStore.StoriesAsync). With <c>--queue</c> the articles are only queued, for
/// <c>storyline worker</c> (<see cref="WorkerCommand"/>).
/// </summary>
internal static class IngestCommand
{
    /// <summary>Analysed articles waiting for the store: analysis (CPU) runs ahead of saving (I/O) by this many.</summary>
    private const int Queue = 64;

    private const int ProgressThreshold = 20;

    public static Command Create()
    {
        var inputs = new InputOptions("ingest");
        var db = StoreLocation.Option();
        var queue = new Option<bool>("--queue")
        {
            Description = "PostgreSQL only: queue the articles as read, in order, for 'storyline worker' processes to analyse and store.",
        };
        var command = new Command("ingest", "Analyse articles and save them with their analysis in the store (idempotent: an article already stored is a duplicate).")
        {
            inputs.Paths, db, queue,
        };
        foreach (var option in inputs.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => parse.GetValue(queue)
            ? WorkerCommand.EnqueueAsync(parse.GetValue(inputs.Paths)!, parse.GetValue(db)!, inputs.Read(parse), Console.Out, Console.Error, cancellationToken)
            : RunAsync(parse.GetValue(inputs.Paths)!, parse.GetValue(db)!, inputs.Read(parse), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    /// <summary>What one ingest did.</summary>
    internal sealed record Counts(int Read, int New, int Duplicate, int Skipped);

    internal static async Task<int> RunAsync(
        IReadOnlyList<string> paths, string db, AnalyzeOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var store = await StoreLocation.OpenAsync(db, create: true, error, cancellationToken);
        if (store is null)
        {
            return StoreLocation.ExitFailure;
        }

        var clock = Stopwatch.StartNew();
        var analyzer = new BatchAnalyzer(StandardPipeline.Create(), options with { UniqueIds = false, LendDatesWhileStreaming = true });
        var skipped = new List<AnalysisError>();
        var (counts, failure) = await WithProgressAsync(paths, error, advance => IngestAsync(analyzer, paths, store, skipped, advance, cancellationToken));

        foreach (var problem in skipped)
        {
            await error.WriteLineAsync($"storyline: skipped {problem.Source}: {problem.Error}");
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var summary = $"{store.Description}: {counts.Read} read · {counts.New} new · {counts.Duplicate} duplicate · {counts.Skipped} skipped · " +
            $"{seconds:0.0} s ({(seconds > 0 ? counts.Read / seconds : 0):0} articles/s)";
        if (failure is not null)
        {
            // The store just failed a write: do not ask it anything more.
            await output.WriteLineAsync(summary);
            await error.WriteLineAsync($"storyline: {failure}");
            return StoreLocation.ExitFailure;
        }

        await output.WriteLineAsync($"{summary} · {await store.CountAsync(cancellationToken)} articles stored");

        return counts.Skipped > 0 ? AnalyzeCommand.ExitSkipped : 0;
    }

    /// <summary>Analysis on one thread feeding saves on this one; returns the counts, and the reason it stopped early
    /// when a save failed.</summary>
    private static async Task<(Counts Counts, string? Failure)> IngestAsync(
        BatchAnalyzer analyzer, IReadOnlyList<string> paths, IArticleStore store, List<AnalysisError> skipped, Action advance, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = Channel.CreateBounded<BatchItem>(new BoundedChannelOptions(Queue) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var item in analyzer.Stream(paths, stop.Token))
                {
                    await queue.Writer.WriteAsync(item, stop.Token);
                }

                queue.Writer.Complete();
            }
            catch (Exception ex)
            {
                queue.Writer.Complete(ex);
            }
        }, CancellationToken.None);

        int read = 0, added = 0, duplicates = 0;
        string? failure = null;
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(cancellationToken))
            {
                read++;
                advance();
                if (item.Article is null)
                {
                    skipped.Add(item.Error!);
                    continue;
                }

                var article = AnalysisJson.FromArticle(item.Article, includeTokens: false, Entities.EntityTable.Build([item.Article]).NameOf);
                SaveResult result;
                try
                {
                    result = await store.SaveAsync(article, cancellationToken);
                }
                catch (DbException ex)
                {
                    failure = $"could not save {article.Source}: {ex.Message}. Nothing of it was written; the {added} articles stored before it are kept.";
                    read--;
                    break;
                }

                switch (result.Outcome)
                {
                    case SaveOutcome.Saved:
                        added++;
                        break;
                    case SaveOutcome.Duplicate:
                        duplicates++;
                        break;
                    default:
                        skipped.Add(new AnalysisError(article.Source, result.Reason ?? "refused by the store"));
                        break;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }

        return (new Counts(read, added, duplicates, skipped.Count), failure);
    }

    /// <summary>A progress bar on stderr for large batches when a person is watching; otherwise just the work.</summary>
    private static async Task<T> WithProgressAsync<T>(IReadOnlyList<string> paths, TextWriter error, Func<Action, Task<T>> work)
    {
        if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected)
        {
            return await work(() => { });
        }

        var total = paths.Sum(p => Directory.Exists(p) ? ArticleSource.FilesIn(p).Count() : 1);
        if (total < ProgressThreshold)
        {
            return await work(() => { });
        }

        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await stderr.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask("Ingesting", maxValue: total);
            return await work(() => task.Increment(1));
        });
    }
}
