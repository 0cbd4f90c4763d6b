using System.Diagnostics;
using Storyline.Entities;
using Storyline.Ingest;
using Storyline.Output;
using Storyline.Pipeline;
using Storyline.Text;

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

    public IngestOptions Ingest { get; init; } = new();
}

/// <summary>The outcome of a batch: analysed articles in input order, and everything that was skipped, with why.</summary>
public sealed record BatchResult(IReadOnlyList<Article> Articles, IReadOnlyList<AnalysisError> Errors, TimeSpan Elapsed);

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
        var errors = new List<AnalysisError>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var done = 0;
        foreach (var read in ArticleSource.Read(paths, options.Ingest, cancellationToken))
        {
            switch (read)
            {
                case ReadError error:
                    errors.Add(new AnalysisError(error.Source, error.Error));
                    break;
                case ArticleRead { Article: var article }:
                    var (analysed, failure) = Analyse(WithDefaults(UniqueId(article, ids)), cancellationToken);
                    if (analysed is not null)
                    {
                        articles.Add(analysed);
                    }
                    else
                    {
                        errors.Add(new AnalysisError(article.Metadata.Source, failure!));
                    }

                    break;
            }

            progress?.Invoke(++done);
        }

        // One identity per real-world entity across the run: a surname alone in one article takes the full name
        // another article gives it (CrossArticleLinker).
        return new BatchResult(CrossArticleLinker.Link(articles), errors, clock.Elapsed);
    }

    private (Article? Article, string? Error) Analyse(Article article, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
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
