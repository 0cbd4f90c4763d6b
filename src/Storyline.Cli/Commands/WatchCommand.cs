using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
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
/// <c>storyline watch FEEDS [--every 10m] [--once] [--db …]</c>: polls every feed of an OPML file (or a text file of
/// URLs) on its interval and ingests new items, until Ctrl+C. Each round fetches the feeds that are due (conditional GET;
/// 304 means nothing to parse), ingests their items as <c>ingest</c> does, and prints one summary line. An item a feed
/// carried at its previous fetch in this run is not analysed again (it was stored, or the store held it already). A
/// feed that fails waits longer before its next try — the interval doubled per failure in a row, up to a day, and at
/// least its Retry-After — while the other feeds keep their interval. Exit 0 after Ctrl+C or a clean <c>--once</c>
/// round, 2 when <c>--once</c> saw a feed fail or an item skipped, 1 when the list or the store is unusable or a save fails.
/// </summary>
internal static partial class WatchCommand
{
    /// <summary>The shortest <c>--every</c>: feeds rarely change faster, and polling harder only loads the servers.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);

    /// <summary>The longest a failing feed waits between tries.</summary>
    public static readonly TimeSpan MaximumBackoff = TimeSpan.FromDays(1);

    public static Command Create()
    {
        var list = new Argument<string>("feeds")
        {
            Description = "An OPML file (every outline with an xmlUrl, nested outlines too) or a text file with one feed URL per line ('#' starts a comment).",
        };
        var every = new Option<string>("--every")
        {
            Description = $"How often each feed is polled: 30s, 10m, 1h (at least {Format(MinimumInterval)}, to stay polite). A feed that fails " +
                "waits longer: the interval doubled per failure in a row (up to a day), and at least its Retry-After.",
            DefaultValueFactory = _ => "10m",
        };
        every.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!TryParseInterval(value, out var interval))
            {
                result.AddError($"--every takes a number and a unit, as 30s, 10m or 1h; not '{value}'.");
            }
            else if (interval < MinimumInterval)
            {
                result.AddError($"--every must be at least {Format(MinimumInterval)}, to poll politely; use --once for a single round.");
            }
        });
        var once = new Option<bool>("--once")
        {
            Description = "Poll every feed once, ingest, and exit (for cron jobs and tests; this is the way to poll more often than --every allows). " +
                "Exit 2 when a feed failed or an item was skipped. The ETag/Last-Modified state carries over to the next run.",
        };
        var db = StoreLocation.Option();
        var inputs = new InputOptions("watch");
        var feedOptions = new FeedOptions();
        var command = new Command("watch", "Poll the RSS/Atom feeds an OPML or text file lists and ingest their new items into the store, until Ctrl+C " +
            "(one summary line per round; failing feeds named on stderr and retried later). Conditional GETs: an unchanged feed costs a 304, nothing is parsed.")
        {
            list, every, once, db,
        };
        foreach (var option in feedOptions.Options.Concat([inputs.Published, inputs.Outlet, inputs.Timeout]))
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            // The validator has accepted the value; the fallback is never used.
            var interval = TryParseInterval(parse.GetValue(every), out var parsed) ? parsed : TimeSpan.FromMinutes(10);
            var settings = new WatchSettings(interval, parse.GetValue(once), feedOptions.Read(parse));
            return RunAsync(parse.GetValue(list)!, parse.GetValue(db)!, inputs.Read(parse), settings, Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }

    /// <param name="Clock">Tells the time for scheduling (tests pass their own).</param>
    /// <param name="Wait">Sleeps between rounds (tests pass one that returns at once, and may change the feeds meanwhile).</param>
    internal sealed record WatchSettings(
        TimeSpan Every, bool Once, FeedSettings Feeds, TimeProvider? Clock = null, Func<TimeSpan, CancellationToken, Task>? Wait = null);

    /// <summary>Per feed: when it is next due, and how many fetches in a row failed.</summary>
    private sealed record Schedule(DateTimeOffset Due, int Failures);

    internal static async Task<int> RunAsync(
        string listPath, string db, AnalyzeOptions options, WatchSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        FeedList list;
        try
        {
            list = FeedListReader.Read(await File.ReadAllTextAsync(listPath, cancellationToken));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"storyline: cannot read the feed list {listPath}: {ex.Message}");
            return StoreLocation.ExitFailure;
        }

        foreach (var problem in list.Problems)
        {
            await error.WriteLineAsync($"storyline: {listPath} {problem}; skipped");
        }

        if (list.Urls.Count == 0)
        {
            await error.WriteLineAsync($"storyline: no feed URLs in {listPath} (OPML outlines with xmlUrl, or one URL per line)");
            return StoreLocation.ExitFailure;
        }

        await using var store = await StoreLocation.OpenAsync(db, create: true, error, cancellationToken);
        if (store is null)
        {
            return StoreLocation.ExitFailure;
        }

        var state = FeedState.Load(settings.Feeds.StatePath(db), error);
        if (await store.CountAsync(cancellationToken) == 0)
        {
            state.Clear();
        }

        var clock = settings.Clock ?? TimeProvider.System;
        var wait = settings.Wait ?? ((delay, token) => Task.Delay(delay, clock, token));
        using var fetcher = new FeedFetcher(settings.Feeds.Fetch);
        var analyzer = new BatchAnalyzer(StandardPipeline.Create(), options with { UniqueIds = false, LendDatesWhileStreaming = true });
        var schedule = list.Urls.ToDictionary(u => u, _ => new Schedule(clock.GetUtcNow(), 0), StringComparer.Ordinal);
        var seen = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        int rounds = 0, added = 0;
        if (!settings.Once)
        {
            await output.WriteLineAsync($"Watching {list.Urls.Count} feed{(list.Urls.Count == 1 ? "" : "s")} every {Format(settings.Every)} into {store.Description}; Ctrl+C stops.");
        }

        try
        {
            while (true)
            {
                var now = clock.GetUtcNow();
                var due = list.Urls.Where(u => schedule[u].Due <= now).ToList();
                if (due.Count > 0)
                {
                    rounds++;
                    var round = await RoundAsync(fetcher, due, state, analyzer, store, seen, cancellationToken);
                    added += round.Counts.New;
                    foreach (var feed in round.Feeds)
                    {
                        var previous = schedule[feed.Url];
                        var failures = feed.Status == FeedStatus.Failed ? previous.Failures + 1 : 0;
                        var delay = NextDelay(settings.Every, failures, feed.Failure?.RetryAfter);
                        schedule[feed.Url] = new Schedule(clock.GetUtcNow() + delay, failures);
                        if (feed.Status == FeedStatus.Failed)
                        {
                            await error.WriteLineAsync($"storyline: feed {feed.Url}: {feed.Error}" + (settings.Once ? "" : $"; next try in {Format(delay)}"));
                        }
                    }

                    foreach (var problem in round.Skipped)
                    {
                        await error.WriteLineAsync($"storyline: skipped {problem.Source}: {problem.Error}");
                    }

                    var counts = round.Counts;
                    var summary = $"{clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z round {rounds}: " +
                        $"{FeedRound.Describe(round.Feeds)} · {counts.Read} read · {counts.New} new · {counts.Duplicate} duplicate · " +
                        $"{counts.Skipped} skipped · {round.Elapsed.TotalSeconds:0.0} s";
                    if (round.Failure is not null)
                    {
                        await output.WriteLineAsync(summary);
                        await error.WriteLineAsync($"storyline: {round.Failure}");
                        return StoreLocation.ExitFailure;
                    }

                    await state.SaveAsync(error, cancellationToken);
                    await output.WriteLineAsync($"{summary} · {await store.CountAsync(cancellationToken)} articles stored");
                    if (settings.Once)
                    {
                        return counts.Skipped > 0 || round.Feeds.Any(f => f.Status == FeedStatus.Failed) ? AnalyzeCommand.ExitSkipped : 0;
                    }
                }

                var next = schedule.Values.Min(s => s.Due) - clock.GetUtcNow();
                await wait(next > TimeSpan.FromSeconds(1) ? next : TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: what was saved stays saved; the state of an unfinished round is not written, so its feeds are
            // fetched in full next time and nothing is missed.
            await output.WriteLineAsync($"Stopped after {rounds} round{(rounds == 1 ? "" : "s")}: {added} new article{(added == 1 ? "" : "s")} stored.");
            return 0;
        }
    }

    private sealed record Round(
        IReadOnlyList<FeedResult> Feeds, IngestCommand.Counts Counts, IReadOnlyList<AnalysisError> Skipped, string? Failure, TimeSpan Elapsed);

    /// <summary>Fetches the due feeds and ingests their items, skipping items the same feed carried at its previous
    /// fetch (already stored or held): a feed that changed by one item costs one analysis, not fifty.</summary>
    private static async Task<Round> RoundAsync(
        FeedFetcher fetcher, IReadOnlyList<string> due, FeedState state, BatchAnalyzer analyzer, IArticleStore store,
        Dictionary<string, HashSet<string>> seen, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var feeds = await FeedRound.FetchAsync(fetcher, due, state, cancellationToken);
        var reads = new List<ReadResult>();
        var itemOf = new Dictionary<string, (string Feed, string Key)>(StringComparer.Ordinal);
        var carried = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var unchanged = 0;
        foreach (var feed in feeds.Where(f => f.Status == FeedStatus.Fetched))
        {
            var before = seen.GetValueOrDefault(feed.Url);
            var now = carried[feed.Url] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var read in feed.Reads)
            {
                if (read is ArticleRead { Article: var article })
                {
                    // The link names an item; without one, its text does (an item with neither guid nor link has a
                    // positional id, "feed-3", which a new item at the top would hand to another).
                    var key = article.Metadata.Url ?? "text:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(article.Text)));
                    if (before?.Contains(key) == true)
                    {
                        now.Add(key);
                        unchanged++;
                        continue;
                    }

                    itemOf[read.Source] = (feed.Url, key);
                }

                reads.Add(read);
            }
        }

        var skipped = new List<AnalysisError>();
        var (counts, failure) = await IngestCommand.IngestAsync(
            stop => analyzer.Stream(reads, stop), store, skipped, () => { },
            (item, _) =>
            {
                if (itemOf.TryGetValue(item.Article!.Metadata.Source, out var entry))
                {
                    carried[entry.Feed].Add(entry.Key);
                }
            },
            cancellationToken);

        foreach (var (feed, keys) in carried)
        {
            seen[feed] = keys;
        }

        return new Round(feeds, counts with { Read = counts.Read + unchanged, Duplicate = counts.Duplicate + unchanged }, skipped, failure, clock.Elapsed);
    }

    /// <summary>The wait before a feed's next fetch: the interval, doubled for each failure in a row (up to a day), and
    /// never shorter than what the server asked for with Retry-After (up to a day as well).</summary>
    internal static TimeSpan NextDelay(TimeSpan every, int failures, TimeSpan? retryAfter)
    {
        if (failures == 0)
        {
            return every;
        }

        var backoff = every * Math.Pow(2, Math.Min(failures - 1, 10));
        if (backoff > MaximumBackoff)
        {
            backoff = every > MaximumBackoff ? every : MaximumBackoff;
        }

        if (retryAfter is { } asked && asked > backoff)
        {
            backoff = asked < MaximumBackoff ? asked : MaximumBackoff;
        }

        return backoff;
    }

    /// <summary>"30s", "10m", "1h", "1.5h", "2d" (case-insensitive).</summary>
    internal static bool TryParseInterval(string? text, out TimeSpan interval)
    {
        interval = default;
        var match = IntervalPattern().Match(text?.Trim() ?? string.Empty);
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        interval = char.ToLowerInvariant(match.Groups[2].Value[0]) switch
        {
            's' => TimeSpan.FromSeconds(number),
            'm' => TimeSpan.FromMinutes(number),
            'h' => TimeSpan.FromHours(number),
            _ => TimeSpan.FromDays(number),
        };
        return interval > TimeSpan.Zero;
    }

    internal static string Format(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalHours % 24 == 0 ? $"{span.TotalDays:0}d"
        : span.TotalHours >= 1 ? (span.Minutes == 0 ? $"{span.TotalHours:0}h" : $"{(int)span.TotalHours}h{span.Minutes}m")
        : span.TotalMinutes >= 1 ? (span.Seconds == 0 ? $"{span.TotalMinutes:0}m" : $"{(int)span.TotalMinutes}m{span.Seconds}s")
        : $"{span.TotalSeconds:0}s";

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*([smhdSMHD])$")]
    private static partial Regex IntervalPattern();
}
