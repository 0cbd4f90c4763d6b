using System.CommandLine;
using System.Diagnostics;
using Storyline.Cli.Analysis;
using Storyline.Cli.Storage;
using Storyline.Entities;
using Storyline.Ingest;
using Storyline.Output;
using Storyline.Pipeline;
using Storyline.Storage;
using Storyline.Storage.Postgres;
using Storyline.Text;

namespace Storyline.Cli.Commands;

/// <summary>
/// Scale-out ingest over PostgreSQL (design: <see cref="PostgresArticleStore"/>'s queue). <c>storyline ingest --queue
/// PATH… --db postgres://…</c> reads the articles and queues them, in input order, without analysing;
/// <c>storyline worker --db postgres://… [--batch N] [--idle-exit]</c>, started any number of times on any machines,
/// claims pending articles (FOR UPDATE SKIP LOCKED), analyses them with the standard pipeline and writes each analysis
/// in the claiming transaction; analysed articles are then stored and placed in stories in queue order by whichever
/// worker holds the stories lock. The stories are those of one process ingesting the same input in the same order.
/// </summary>
internal static class WorkerCommand
{
    /// <summary>How long an idle worker waits before looking at the queue again.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>How long an <c>--idle-exit</c> worker waits while others still hold articles (they may be killed, and
    /// their articles come back as pending).</summary>
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(200);

    public static Command Create()
    {
        var db = StoreLocation.Option();
        db.Description = "The PostgreSQL store whose queue to work on: postgres://user@host:port/database.";
        var batch = new Option<int>("--batch") { Description = "Articles claimed per transaction.", DefaultValueFactory = _ => 8 };
        batch.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--batch must be 1 or more."); } });
        var idleExit = new Option<bool>("--idle-exit") { Description = "Exit once the queue holds nothing to analyse or store (otherwise wait for more)." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one article may take before it is recorded as failed.", DefaultValueFactory = _ => 30 };
        var command = new Command("worker", "Analyse queued articles (ingest --queue) from a PostgreSQL store and store them; run any number, anywhere.")
        {
            db, batch, idleExit, timeout,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(db)!, parse.GetValue(batch), parse.GetValue(idleExit), TimeSpan.FromSeconds(Math.Max(0.1, parse.GetValue(timeout))),
            Console.Out, Console.Error, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(
        string db, int batch, bool idleExit, TimeSpan budget, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var store = await OpenQueueAsync(db, "worker", error, cancellationToken);
        if (store is null)
        {
            return StoreLocation.ExitFailure;
        }

        var pipeline = StandardPipeline.Create();
        var name = PostgresArticleStore.WorkerName;
        var clock = Stopwatch.StartNew();
        long analysed = 0, stored = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var claimed = await store.AnalyseAsync(batch, name, (input, ct) => Analyse(pipeline, input, budget, ct), cancellationToken);
                analysed += claimed;
                if (claimed > 0)
                {
                    // Store what is ready unless another worker is at it (it goes on past ours, or our next turn will).
                    stored += await store.StoreAnalysedAsync(wait: false, cancellationToken);
                    continue;
                }

                // Nothing to claim: make sure whatever is analysed gets stored before idling or leaving.
                stored += await store.StoreAnalysedAsync(wait: true, cancellationToken);
                if (idleExit)
                {
                    // Pending rows another worker holds are not done until it commits: a killed worker's come back.
                    if ((await store.QueueCountsAsync(cancellationToken)).Drained)
                    {
                        break;
                    }

                    await Task.Delay(DrainPoll, cancellationToken);
                }
                else
                {
                    await Task.Delay(Poll, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the transaction in flight rolled back; its articles are pending again for the others.
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await output.WriteLineAsync(
            $"worker {name} on {store.Description}: {analysed} analysed · {stored} stored · {seconds:0.0} s ({(seconds > 0 ? analysed / seconds : 0):0.0} articles/s)");
        return 0;
    }

    /// <summary><c>ingest --queue</c>: reads the inputs and queues each article as read. Exit 0 when every input was
    /// queued or was a duplicate, 2 when some were skipped, 1 when the store cannot be opened.</summary>
    internal static async Task<int> EnqueueAsync(
        IReadOnlyList<string> paths, string db, AnalyzeOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var store = await OpenQueueAsync(db, "ingest --queue", error, cancellationToken);
        if (store is null)
        {
            return StoreLocation.ExitFailure;
        }

        int read = 0, queued = 0, duplicates = 0, skipped = 0;
        foreach (var item in ArticleSource.Read(paths, options.Ingest, cancellationToken))
        {
            read++;
            if (item is not ArticleRead { Article: var article })
            {
                skipped++;
                await error.WriteLineAsync($"storyline: skipped {item.Source}: {((ReadError)item).Error}");
                continue;
            }

            var result = await store.EnqueueAsync(AnalysisJson.FromArticle(WithDefaults(article, options), includeTokens: false), cancellationToken);
            switch (result.Outcome)
            {
                case SaveOutcome.Saved:
                    queued++;
                    break;
                case SaveOutcome.Duplicate:
                    duplicates++;
                    break;
                default:
                    skipped++;
                    await error.WriteLineAsync($"storyline: skipped {article.Metadata.Source}: {result.Reason}");
                    break;
            }
        }

        var counts = await store.QueueCountsAsync(cancellationToken);
        await output.WriteLineAsync(
            $"{store.Description}: {read} read · {queued} queued · {duplicates} duplicate · {skipped} skipped · {counts.Pending} pending in the queue " +
            "(start 'storyline worker --db …' to analyse them)");
        return skipped > 0 ? AnalyzeCommand.ExitSkipped : 0;
    }

    private static async Task<PostgresArticleStore?> OpenQueueAsync(string db, string command, TextWriter error, CancellationToken cancellationToken)
    {
        if (!PostgresUrl.IsPostgresUrl(db))
        {
            await error.WriteLineAsync($"storyline: {command} needs a PostgreSQL store (--db postgres://user@host:port/database): the queue is shared through it.");
            return null;
        }

        return (PostgresArticleStore?)await StoreLocation.OpenAsync(db, create: true, error, cancellationToken);
    }

    /// <summary>--published and --outlet for articles that carry none, as <c>ingest</c> applies them.</summary>
    private static Article WithDefaults(Article article, AnalyzeOptions options)
    {
        var metadata = article.Metadata;
        if (metadata.Published is null && options.Published is { } published)
        {
            metadata = metadata with { Published = published, PublishedFrom = PublishedFrom.Option };
        }

        if (metadata.Outlet is null && options.Outlet is { } outlet)
        {
            metadata = metadata with { Outlet = outlet };
        }

        return article with { Metadata = metadata };
    }

    /// <summary>The standard pipeline on one queued article, under a time budget (as <c>ingest</c>): an article that
    /// fails or overruns is recorded with why, and the worker goes on.</summary>
    internal static QueuedAnalysis Analyse(AnalysisPipeline pipeline, ArticleJson input, TimeSpan budget, CancellationToken cancellationToken)
    {
        var article = ArticleRebuild.Input(input);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = Task.Run(() => pipeline.Run(article, cancellationToken: limit.Token), limit.Token);
        try
        {
            if (!work.Wait(budget, cancellationToken))
            {
                limit.Cancel();
                return new QueuedAnalysis(null, $"analysis took longer than the {budget.TotalSeconds:0.#} s budget for one article; skipped");
            }

            var analysed = work.Result;
            return new QueuedAnalysis(AnalysisJson.FromArticle(analysed, includeTokens: false, EntityTable.Build([analysed]).NameOf), null);
        }
        catch (AggregateException ex) when (ex.InnerException is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new QueuedAnalysis(null, $"analysis took longer than the {budget.TotalSeconds:0.#} s budget for one article; skipped");
        }
        catch (AggregateException ex) when (ex.InnerException is not OperationCanceledException)
        {
            var inner = ex.InnerException!;
            return new QueuedAnalysis(null, $"internal error while analysing: {inner.GetType().Name}: {inner.Message}");
        }
    }
}
