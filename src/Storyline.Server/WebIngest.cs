using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Storyline.Ingest;
using Storyline.Output;
using Storyline.Pipeline;
using Storyline.Storage;
using Storyline.Text;

namespace Storyline.Server;

/// <summary>One article as POST /api/ingest takes it: the text itself, never a URL to fetch (the server makes no
/// outgoing requests, so it cannot be turned against the network it sits in). <c>url</c> is metadata only.</summary>
public sealed record IngestArticle(string? Text, string? Title = null, string? Url = null, string? Outlet = null, string? Published = null, string? Author = null);

public sealed record IngestResult(string Id, string Outcome, string? Reason);

/// <summary>Analyses posted articles with the standard pipeline and saves them (the same path as <c>storyline ingest</c>
/// for one article, without the batch's story-date lending).</summary>
public sealed class WebIngest(IArticleStore store)
{
    /// <summary>Per-article analysis budget, as the CLI's default.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    private readonly AnalysisPipeline _pipeline = StandardPipeline.Create();

    /// <summary>Why the article cannot be taken, or null when it can.</summary>
    public static string? Problem(IngestArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (string.IsNullOrWhiteSpace(article.Text))
        {
            return "'text' is required: the article's text (the server does not fetch URLs).";
        }

        if (article.Published is { } p && !DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return $"'published' must be a date as yyyy-MM-dd, not '{p}'.";
        }

        return null;
    }

    public async Task<IngestResult> IngestAsync(IngestArticle posted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posted);
        var text = posted.Text!.ReplaceLineEndings("\n");
        // The id is stable for the same text, so posting an article twice names it the same way (the store also
        // matches duplicates on URL and normalised text).
        var id = "web-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        DateOnly? published = posted.Published is { } p ? DateOnly.ParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        var input = ArticleFactory.Create(id, text, new ArticleMetadata
        {
            Source = posted.Url ?? id,
            Title = Clean(posted.Title),
            Url = Clean(posted.Url),
            Outlet = Clean(posted.Outlet),
            Author = Clean(posted.Author),
            Published = published,
            PublishedFrom = published is null ? PublishedFrom.None : PublishedFrom.Metadata,
        });
        if (ArticleFactory.HasNoContent(input))
        {
            return new IngestResult(id, "rejected", "nothing to analyse once boilerplate is set aside");
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        Article analysed;
        try
        {
            analysed = await Task.Run(() => _pipeline.Run(input, cancellationToken: budget.Token), budget.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new IngestResult(id, "rejected", $"analysis took longer than the {Budget.TotalSeconds:0} s budget");
        }

        var saved = await store.SaveAsync(AnalysisJson.FromArticle(analysed, includeTokens: false, Storyline.Entities.EntityTable.Build([analysed]).NameOf), cancellationToken);
        return new IngestResult(saved.Id, saved.Outcome.ToString().ToLowerInvariant(), saved.Reason);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
