using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Spectre.Console;
using Storyline.Cli.Analysis;
using Storyline.Cli.Feeds;
using Storyline.Cli.Storage;
using Storyline.Ingest;
using Storyline.Ingest.Feeds;
using Storyline.Output;
using Storyline.Pipeline;
using Storyline.Storage;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline ingest [PATH…] [--feed URL…] [--db FILE|postgres://…]</c>: analyse articles with the standard pipeline
/// and save each with its analysis, one transaction per article. Articles the store holds already (same URL or same
/// text) are counted as duplicates, not stored twice. Feeds are fetched over HTTP (<see cref="FeedFetcher"/>: conditional
/// GET with the validators kept in <see cref="FeedState"/>, size cap, timeout) and each item is ingested as the feed
/// gives it: a summary-only item stays a summary, article pages are never fetched. Exit 0 when every input was stored
/// or was a duplicate, 2 when some were skipped or a feed failed (unreadable, failed analysis, refused by the store;
/// each listed on stderr), 1 when the store cannot be opened or a save fails (everything saved before stays).
/// Each new article is placed in a story as it is saved (the store keeps stories, see IArticleStore.StoriesAsync).
/// With <c>--queue</c> the articles are only queued, for <c>storyline worker</c> (<see cref="WorkerCommand"/>).
/// </summary>
internal static class IngestCommand
{
    /// <summary>Analysed articles waiting for the store: analysis (CPU) runs ahead of saving (I/O) by this many.</summary>
    private const int Queue = 64;

    private const int ProgressThreshold = 20;

    public static Command Create()
    {
        var inputs = new InputOptions("ingest");
        inputs.Paths.Arity = ArgumentArity.ZeroOrMore;
        var db = StoreLocation.Option();
        var queue = new Option<bool>("--queue")
        {
            Description = "PostgreSQL only: queue the articles as read, in order, for 'storyline worker' processes to analyse and store.",
        };
        var feedOptions = new FeedOptions();
        var feeds = new Option<string[]>("--feed")
        {
            Description = "Feed URLs (RSS 2.0 or Atom, http or https) to fetch and ingest, item by item as the feed gives them " +
                "(a summary-only item stays a summary; linked pages are not fetched). Put PATHs before --feed.",
            AllowMultipleArgumentsPerToken = true,
        };
        feeds.Validators.Add(result =>
        {
            foreach (var url in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!FeedFetcher.TryParseUrl(url, out _, out var problem))
                {
                    result.AddError($"--feed: {problem} (put PATHs before --feed).");
                }
            }
        });
        var command = new Command("ingest", "Analyse articles (files, folders, feed URLs) and save them with their analysis in the store (idempotent: an article already stored is a duplicate).")
        {
            inputs.Paths, feeds, db, queue,
        };
        foreach (var option in inputs.Options.Concat(feedOptions.Options))
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if ((result.GetValue(inputs.Paths)?.Length ?? 0) == 0 && (result.GetValue(feeds)?.Length ?? 0) == 0)
            {
                result.AddError("Nothing to ingest: give PATHs, --feed URLs, or both.");
            }
        });
        command.Validators.Add(result =>
        {
            if (result.GetValue(queue) && (result.GetValue(feeds)?.Length ?? 0) > 0)
            {
                result.AddError("--queue takes PATHs only; feeds are ingested directly (without --queue).");
            }
        });
        command.SetAction((parse, cancellationToken) => parse.GetValue(queue)
            ? WorkerCommand.EnqueueAsync(parse.GetValue(inputs.Paths) ?? [], parse.GetValue(db)!, inputs.Read(parse), Console.Out, Console.Error, cancellationToken)
            : RunAsync(parse.GetValue(inputs.Paths) ?? [], parse.GetValue(feeds) ?? [], parse.GetValue(db)!, inputs.Read(parse), feedOptions.Read(parse),
                Console.Out, Console.Error, cancellationToken));
        return command;
    }

    /// <summary>What one ingest did.</summary>
    internal sealed record Counts(int Read, int New, int Duplicate, int Skipped);

    internal static Task<int> RunAsync(
        IReadOnlyList<string> paths, string db, AnalyzeOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(paths, [], db, options, new FeedSettings(), output, error, cancellationToken);

    internal static async Task<int> RunAsync(
        IReadOnlyList<string> paths, IReadOnlyList<string> feeds, string db, AnalyzeOptions options, FeedSettings feedSettings,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var store = await StoreLocation.OpenAsync(db, create: true, error, cancellationToken);
        if (store is null)
        {
            return StoreLocation.ExitFailure;
        }

        var clock = Stopwatch.StartNew();
        IReadOnlyList<FeedResult> feedResults = [];
        FeedState? state = null;
        if (feeds.Count > 0)
        {
            state = FeedState.Load(feedSettings.StatePath(db), error);
            if (await store.CountAsync(cancellationToken) == 0)
            {
                // An empty store needs every item, whatever a server would answer to "changed since last time?".
                state.Clear();
            }

            using var fetcher = new FeedFetcher(feedSettings.Fetch);
            feedResults = await FeedRound.FetchAsync(fetcher, feeds.Distinct(StringComparer.Ordinal).ToList(), state, cancellationToken);
        }

        var analyzer = new BatchAnalyzer(StandardPipeline.Create(), options with { UniqueIds = false, LendDatesWhileStreaming = true });
        var skipped = new List<AnalysisError>();
        var feedItems = feedResults.SelectMany(r => r.Reads).ToList();
        var (counts, failure) = await WithProgressAsync(
            () => paths.Sum(p => Directory.Exists(p) ? ArticleSource.FilesIn(p).Count() : 1) + feedItems.Count,
            error,
            advance => IngestAsync(
                stop => analyzer.Stream(ArticleSource.Read(paths, options.Ingest, stop).Concat(feedItems), stop), store, skipped, advance, null, cancellationToken));

        foreach (var feed in feedResults.Where(r => r.Status == FeedStatus.Failed))
        {
            await error.WriteLineAsync($"storyline: feed {feed.Url}: {feed.Error}");
        }

        foreach (var problem in skipped)
        {
            await error.WriteLineAsync($"storyline: skipped {problem.Source}: {problem.Error}");
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var summary = $"{store.Description}: {(feeds.Count > 0 ? FeedRound.Describe(feedResults) + " · " : "")}" +
            $"{counts.Read} read · {counts.New} new · {counts.Duplicate} duplicate · {counts.Skipped} skipped · " +
            $"{seconds:0.0} s ({(seconds > 0 ? counts.Read / seconds : 0):0} articles/s)";
        if (failure is not null)
        {
            // The store just failed a write: do not ask it anything more (and keep the old feed state, so the next run
            // fetches the feeds in full and stores what this one could not).
            await output.WriteLineAsync(summary);
            await error.WriteLineAsync($"storyline: {failure}");
            return StoreLocation.ExitFailure;
        }

        if (state is not null)
        {
            await state.SaveAsync(error, cancellationToken);
        }

        await output.WriteLineAsync($"{summary} · {await store.CountAsync(cancellationToken)} articles stored");

        return counts.Skipped > 0 || feedResults.Any(r => r.Status == FeedStatus.Failed) ? AnalyzeCommand.ExitSkipped : 0;
    }

    /// <summary>Analysis on one thread feeding saves on this one; returns the counts, and the reason it stopped early
    /// when a save failed. <paramref name="saved"/> hears of every article the store took or already held.</summary>
    internal static async Task<(Counts Counts, string? Failure)> IngestAsync(
        Func<CancellationToken, IEnumerable<BatchItem>> items, IArticleStore store, List<AnalysisError> skipped, Action advance,
        Action<BatchItem, SaveResult>? saved, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = Channel.CreateBounded<BatchItem>(new BoundedChannelOptions(Queue) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var item in items(stop.Token))
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
                        saved?.Invoke(item, result);
                        break;
                    case SaveOutcome.Duplicate:
                        duplicates++;
                        saved?.Invoke(item, result);
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
    private static async Task<T> WithProgressAsync<T>(Func<int> countInputs, TextWriter error, Func<Action, Task<T>> work)
    {
        if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected)
        {
            return await work(() => { });
        }

        var total = countInputs();
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
