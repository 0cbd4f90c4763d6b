using System.Diagnostics;
using System.Threading.Channels;
using Storyline.Entities;
using Storyline.Ingest;
using Storyline.Output;
using Storyline.Pipeline;
using Storyline.Text;
using Storyline.Time;

namespace Storyline.Cli.Analysis;

/// <summary>What the user asked for besides the paths.</summary>
public sealed record AnalyzeOptions
{
    /// <summary>Reference date for articles that carry none (<c>--published</c>).</summary>
    public DateOnly? Published { get; init; }

    /// <summary>Outlet for articles that name none (<c>--outlet</c>).</summary>
    public string? Outlet { get; init; }

    /// <summary>Time one article may take before it is reported and skipped.</summary>
    public TimeSpan ArticleBudget { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Articles analysed at once (<c>--threads</c>). The output does not depend on it: results are put back
    /// in input order before anything order-dependent (ids, date lending, entity linking) looks at them.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    public IngestOptions Ingest { get; init; } = new();

    /// <summary>Give articles that share an id within the batch ("001.txt" in two folders) distinct ids ("001-2").
    /// Off for <c>ingest</c>: the store picks ids itself, the same way whichever batch an article comes in.</summary>
    public bool UniqueIds { get; init; } = true;

    /// <summary>
    /// While streaming (<c>ingest</c>), let an undated article take a date from the dated articles read before it
    /// (the last <see cref="LendingWindow"/>), since a stream has no "whole batch" to look at. <c>analyze</c> leaves this
    /// off and lends over the whole batch after it, which does not depend on input order.
    /// </summary>
    public bool LendDatesWhileStreaming { get; init; }

    /// <summary>How many earlier dated articles a streamed article may borrow a date from; bounds memory and time.</summary>
    public int LendingWindow { get; init; } = 500;
}

/// <summary>The outcome of a batch: analysed articles in input order, and everything that was skipped, with why.</summary>
public sealed record BatchResult(IReadOnlyList<Article> Articles, IReadOnlyList<AnalysisError> Errors, TimeSpan Elapsed);

/// <summary>One input's outcome: the analysed article (and the article as read, before analysis), or the error that
/// skipped it.</summary>
public sealed record BatchItem(Article? Article, AnalysisError? Error, Article? Input = null);

/// <summary>
/// Reads inputs and runs the per-article pipeline over each. One bad input or one failing article never stops the
/// batch: it becomes an entry in <see cref="BatchResult.Errors"/>. Each article runs under a time budget; one that
/// exceeds it is cancelled and reported, and the batch goes on.
/// </summary>
public sealed class BatchAnalyzer(AnalysisPipeline pipeline, AnalyzeOptions options)
{
    /// <param name="progress">Called after each input with (inputs done so far).</param>
    public BatchResult Run(IEnumerable<string> paths, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var articles = new List<Article>();
        var inputs = new List<Article>();
        var errors = new List<AnalysisError>();
        var done = 0;
        foreach (var item in Stream(paths, cancellationToken))
        {
            if (item.Article is not null)
            {
                articles.Add(item.Article);
                inputs.Add(item.Input!);
            }
            else
            {
                errors.Add(item.Error!);
            }

            progress?.Invoke(++done);
        }

        LendStoryDates(articles, inputs, errors, cancellationToken);

        // One identity per real-world entity across the run: a surname alone in one article takes the full name
        // another article gives it (CrossArticleLinker).
        return new BatchResult(CrossArticleLinker.Link(articles), errors, clock.Elapsed);
    }

    /// <summary>
    /// An article still without a date after its own pass may take one from a dated article of the same story in this
    /// run (<see cref="StoryDateEvidence"/>: shared names, and its own weekdays and dates agreeing). It is then analysed
    /// again with that date set as inferred, so every stage sees the same reference. Only dates from metadata or the
    /// user are lent, so the result does not depend on the order of the inputs.
    /// </summary>
    private void LendStoryDates(List<Article> articles, List<Article> inputs, List<AnalysisError> errors, CancellationToken cancellationToken)
    {
        var lent = new List<(int Index, DateOnly Date)>();
        for (var k = 0; k < articles.Count; k++)
        {
            if (articles[k].Metadata.Published is null && StoryDateEvidence.Lend(articles[k], articles) is { } found)
            {
                lent.Add((k, found.Date));
            }
        }

        var again = new (Article? Article, string? Error)[lent.Count];
        var next = -1;
        // The second passes are independent of each other: on every worker, each result kept at its index.
        var workers = Enumerable.Range(0, Math.Clamp(options.Threads, 1, Math.Max(1, lent.Count))).Select(_ => Task.Factory.StartNew(() =>
        {
            for (var i = Interlocked.Increment(ref next); i < lent.Count; i = Interlocked.Increment(ref next))
            {
                var (k, date) = lent[i];
                again[i] = Analyse(inputs[k] with { Metadata = inputs[k].Metadata with { Published = date, PublishedFrom = PublishedFrom.Inferred } }, cancellationToken);
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        Task.WaitAll(workers, cancellationToken);

        for (var i = 0; i < lent.Count; i++)
        {
            var (k, date) = lent[i];
            var input = inputs[k];
            var (analysed, failure) = again[i];
            if (analysed is not null)
            {
                articles[k] = analysed;
            }
            else
            {
                // The first pass succeeded; keep it, and say why the date could not be applied.
                errors.Add(new AnalysisError(input.Metadata.Source, "story date " + TimexDay(date) + " not applied: " + failure));
            }
        }
    }

    /// <summary>The same work, lazily: one item per input article (analysed, or the error that skipped it), in input
    /// order, so a consumer such as <c>ingest</c> can store each one as it comes without holding the batch. Articles
    /// are analysed <see cref="AnalyzeOptions.Threads"/> at a time, a bounded number ahead of the consumer.</summary>
    public IEnumerable<BatchItem> Stream(IEnumerable<string> paths, CancellationToken cancellationToken = default) =>
        Stream(token => ArticleSource.Read(paths, options.Ingest, token), cancellationToken);

    /// <summary>The same over inputs read elsewhere (feed items fetched over HTTP).</summary>
    public IEnumerable<BatchItem> Stream(IEnumerable<ReadResult> reads, CancellationToken cancellationToken = default) =>
        Stream(_ => reads, cancellationToken);

    /// <summary><see cref="Stream(IEnumerable{string}, CancellationToken)"/> over articles that come from elsewhere
    /// (a generated replay stream, a feed): <paramref name="read"/> is enumerated once, on one thread, with a token
    /// that stops it when the stream is disposed.</summary>
    public IEnumerable<BatchItem> Stream(Func<CancellationToken, IEnumerable<ReadResult>> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        var dated = new Queue<Article>();
        foreach (var slot in AnalyseInOrder(read, cancellationToken))
        {
            if (slot.ReadError is { } readError)
            {
                yield return new BatchItem(null, readError);
                continue;
            }

            var input = slot.Input!;
            var (analysed, failure) = slot.Done.Task.GetAwaiter().GetResult();
            if (analysed is not null && options.LendDatesWhileStreaming)
            {
                // On this thread, in input order: which earlier articles a stream may borrow from must not depend on
                // which worker finished first.
                (analysed, input) = LendFromEarlier(analysed, input, dated, cancellationToken);
            }

            yield return analysed is not null
                ? new BatchItem(analysed, null, input)
                : new BatchItem(null, new AnalysisError(input.Metadata.Source, failure!));
        }
    }

    /// <summary>One input on its way through the pipeline: read (or failed to read) in order, analysed by any worker.</summary>
    private sealed class Slot(Article? input, AnalysisError? readError)
    {
        public Article? Input { get; } = input;

        public AnalysisError? ReadError { get; } = readError;

        public TaskCompletionSource<(Article? Article, string? Error)> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// read → analyse (N workers) → in order. One reader enumerates the inputs and gives each its id (order-dependent,
    /// so done here); every slot goes into <c>ordered</c> first and then to the workers, so the consumer can wait for
    /// the oldest slot while later ones are analysed. Both channels are bounded: memory holds at most a few slots per
    /// worker however long the input is, and a slow consumer (the store) slows the reader down.
    /// </summary>
    private IEnumerable<Slot> AnalyseInOrder(Func<CancellationToken, IEnumerable<ReadResult>> inputs, CancellationToken cancellationToken)
    {
        var threads = Math.Max(1, options.Threads);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = Channel.CreateBounded<Slot>(new BoundedChannelOptions(threads * 2) { SingleWriter = true });
        var ordered = Channel.CreateBounded<Slot>(new BoundedChannelOptions(threads * 4) { SingleWriter = true, SingleReader = true });

        var reader = Task.Run(async () =>
        {
            try
            {
                var ids = new HashSet<string>(StringComparer.Ordinal);
                foreach (var read in inputs(stop.Token))
                {
                    var slot = read switch
                    {
                        ArticleRead { Article: var article } => new Slot(WithDefaults(options.UniqueIds ? UniqueId(article, ids) : article), null),
                        ReadError error => new Slot(null, new AnalysisError(error.Source, error.Error)),
                        _ => throw new InvalidOperationException("unknown read result " + read.GetType().Name),
                    };
                    await ordered.Writer.WriteAsync(slot, stop.Token);
                    if (slot.Input is not null)
                    {
                        await work.Writer.WriteAsync(slot, stop.Token);
                    }
                }

                ordered.Writer.TryComplete();
                work.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                ordered.Writer.TryComplete(ex);
                work.Writer.TryComplete(ex);
            }
        }, CancellationToken.None);

        // Dedicated threads: a worker blocks while its article runs on the pool under the time budget (Analyse), and
        // blocking pool threads would starve the very tasks they wait for.
        var workers = Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(() =>
        {
            while (TryTakeWork(work.Reader, stop.Token) is { } slot)
            {
                try
                {
                    slot.Done.TrySetResult(Analyse(slot.Input!, stop.Token));
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    slot.Done.TrySetCanceled(stop.Token);
                    return;
                }
                catch (Exception ex)
                {
                    slot.Done.TrySetException(ex);
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        try
        {
            while (TryTake(ordered.Reader, cancellationToken) is { } slot)
            {
                yield return slot;
            }
        }
        finally
        {
            // Normal end, an early stop by the consumer, or cancellation: stop the reader and the workers and wait for
            // them, so nothing runs on after the enumeration is disposed.
            stop.Cancel();
            try
            {
                Task.WaitAll([reader, .. workers]);
            }
            catch (AggregateException)
            {
                // Their cancellation (or a failure already passed on through the channel) is not news here.
            }
        }
    }

    /// <summary>A worker's next slot, or null when there is no more work, whyever: a reader failure reaches the
    /// consumer through the ordered channel, and every slot already handed out was analysed.</summary>
    private static Slot? TryTakeWork(ChannelReader<Slot> reader, CancellationToken cancellationToken)
    {
        try
        {
            return TryTake(reader, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The next item, or null when the channel is completed; rethrows the exception it was completed with.</summary>
    private static Slot? TryTake(ChannelReader<Slot> reader, CancellationToken cancellationToken)
    {
        try
        {
            while (reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                if (reader.TryRead(out var slot))
                {
                    return slot;
                }
            }

            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The reader was cancelled by the consumer's own stop: end quietly.
            return null;
        }
    }

    /// <summary>Streaming's version of <see cref="LendStoryDates"/>: an undated article borrows from the dated ones
    /// before it; a dated one joins the window.</summary>
    private (Article Analysed, Article Input) LendFromEarlier(Article analysed, Article input, Queue<Article> dated, CancellationToken cancellationToken)
    {
        if (analysed.Metadata.Published is not null)
        {
            if (analysed.Metadata.PublishedFrom is PublishedFrom.Metadata or PublishedFrom.Option)
            {
                dated.Enqueue(analysed);
                if (dated.Count > options.LendingWindow)
                {
                    dated.Dequeue();
                }
            }

            return (analysed, input);
        }

        if (StoryDateEvidence.Lend(analysed, dated) is not { } found)
        {
            return (analysed, input);
        }

        var withDate = input with { Metadata = input.Metadata with { Published = found.Date, PublishedFrom = PublishedFrom.Inferred } };
        var (again, _) = Analyse(withDate, cancellationToken);
        // If the second pass fails, the first one stands: the article is kept without the borrowed date.
        return again is null ? (analysed, input) : (again, withDate);
    }

    private static string TimexDay(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private (Article? Article, string? Error) Analyse(Article article, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Cancel at the budget even if nobody is left waiting (the wait below may run the work inline).
        budget.CancelAfter(options.ArticleBudget);
        var work = Task.Run(() => pipeline.Run(article, cancellationToken: budget.Token), budget.Token);
        try
        {
            if (!work.Wait(options.ArticleBudget, cancellationToken))
            {
                // Stages check the token between steps; the abandoned task ends on its own and its result is dropped.
                budget.Cancel();
                return (null, $"analysis took longer than the {options.ArticleBudget.TotalSeconds:0.#} s budget for one article; skipped");
            }

            return (work.Result, null);
        }
        catch (AggregateException ex) when (ex.InnerException is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, $"analysis took longer than the {options.ArticleBudget.TotalSeconds:0.#} s budget for one article; skipped");
        }
        catch (AggregateException ex) when (ex.InnerException is not OperationCanceledException)
        {
            // A bug in a stage: report it against this article and go on with the others.
            var inner = ex.InnerException!;
            return (null, $"internal error while analysing: {inner.GetType().Name}: {inner.Message}");
        }
    }

    private Article WithDefaults(Article article)
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

        return ReferenceEquals(metadata, article.Metadata) ? article : article with { Metadata = metadata };
    }

    /// <summary>Two inputs may share a name (a.txt in two folders): the later one gets "-2", "-3", … so ids stay keys.</summary>
    private static Article UniqueId(Article article, HashSet<string> ids)
    {
        var id = article.Id;
        for (var n = 2; !ids.Add(id); n++)
        {
            id = $"{article.Id}-{n}";
        }

        return id == article.Id ? article : article with { Id = id };
    }
}
