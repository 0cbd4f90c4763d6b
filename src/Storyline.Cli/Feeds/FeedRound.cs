using Storyline.Ingest;
using Storyline.Ingest.Feeds;

namespace Storyline.Cli.Feeds;

/// <summary>How one feed fared in a round.</summary>
internal enum FeedStatus
{
    /// <summary>Fetched and parsed; its items are in <see cref="FeedResult.Reads"/>.</summary>
    Fetched,
    /// <summary>304: unchanged since the last fetch, nothing parsed.</summary>
    NotModified,
    /// <summary>Not fetched or not a readable feed (<see cref="FeedResult.Error"/> says why).</summary>
    Failed,
}

/// <param name="Reads">The feed's items as read (articles, or errors naming the item), for a fetched feed.</param>
/// <param name="Failure">For a failed fetch, the fetcher's account (transient or not, Retry-After).</param>
internal sealed record FeedResult(string Url, FeedStatus Status, IReadOnlyList<ReadResult> Reads, string? Error = null, FeedFailed? Failure = null);

/// <summary>
/// Fetches a set of feeds (a few at a time) and parses each as it arrives, with the existing feed reader. One failing
/// feed is one <see cref="FeedResult"/> with its error; the others go on. The validators of every feed that parsed are
/// kept in <see cref="FeedState"/> for the next conditional GET; those of a feed that failed are left as they were.
/// </summary>
internal static class FeedRound
{
    /// <summary>Feeds fetched at once: enough to hide the latency of slow servers, few enough to stay a polite client.</summary>
    public const int Parallel = 4;

    /// <summary>Results in the order of <paramref name="urls"/>.</summary>
    public static async Task<IReadOnlyList<FeedResult>> FetchAsync(
        FeedFetcher fetcher, IReadOnlyList<string> urls, FeedState state, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(Parallel);
        var tasks = urls.Select(async url =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var fetched = await fetcher.FetchAsync(url, state.Get(url), cancellationToken);
                // Parsing is CPU work on a body already in memory; off the request path so other fetches proceed.
                return await Task.Run(() => Parse(fetched), cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        var results = await Task.WhenAll(tasks);

        foreach (var (result, fetched) in results)
        {
            if (result.Status == FeedStatus.Fetched && fetched is not null)
            {
                state.Set(result.Url, fetched.Validators);
            }
        }

        return results.Select(r => r.Result).ToList();
    }

    private static (FeedResult Result, FeedFetched? Fetched) Parse(FeedFetch fetch)
    {
        switch (fetch)
        {
            case FeedNotModified:
                return (new FeedResult(fetch.Url, FeedStatus.NotModified, []), null);
            case FeedFailed failed:
                return (new FeedResult(fetch.Url, FeedStatus.Failed, [], failed.Error, failed), null);
        }

        var fetched = (FeedFetched)fetch;
        var reads = FeedArticleReader.Read(fetched.Url, fetched.Body, fetched.Charset).ToList();
        // The reader reports a feed it cannot read at all as one error against the feed itself (items are "URL#itemN").
        if (reads is [ReadError error] && error.Source == fetched.Url)
        {
            return (new FeedResult(fetch.Url, FeedStatus.Failed, [], error.Error, new FeedFailed(fetch.Url, error.Error, Transient: false)), null);
        }

        return (new FeedResult(fetch.Url, FeedStatus.Fetched, reads), fetched);
    }

    /// <summary>"3 feeds (1 fetched, 1 not modified, 1 failed)", for summaries.</summary>
    public static string Describe(IReadOnlyCollection<FeedResult> results) =>
        $"{results.Count} feed{(results.Count == 1 ? "" : "s")} ({results.Count(r => r.Status == FeedStatus.Fetched)} fetched, " +
        $"{results.Count(r => r.Status == FeedStatus.NotModified)} not modified, {results.Count(r => r.Status == FeedStatus.Failed)} failed)";
}
