using Microsoft.Data.Sqlite;
using Storyline.Cli.Analysis;
using Storyline.Cli.Commands;
using Storyline.Cli.Feeds;
using Storyline.Ingest.Feeds;

namespace Storyline.Cli.Tests.Commands;

/// <summary><c>ingest --feed</c> and <c>watch</c> against a feed server on 127.0.0.1 and a SQLite store in a temporary folder.</summary>
public sealed class FeedCommandsTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("storyline-feeds-").FullName;
    private FeedServer _server = null!;

    private string Db => Path.Combine(_folder, "feeds.db");

    /// <summary>A small cap so the endless feed is cut quickly; the real feeds are a few kilobytes.</summary>
    private static readonly FeedSettings Settings = new(new FeedFetchOptions { MaxBytes = 256 << 10, Timeout = TimeSpan.FromSeconds(20) });

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(int Exit, string Output, string Error)> IngestFeeds(params string[] paths)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await IngestCommand.RunAsync([], paths.Select(_server.Url).ToList(), Db, new AnalyzeOptions(), Settings, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<(int Exit, string Output, string Error)> Watch(string list, WatchCommand.WatchSettings settings, CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await WatchCommand.RunAsync(list, Db, new AnalyzeOptions(), settings, output, error, cancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    private string Opml(params string[] paths)
    {
        var outlines = string.Join("\n", paths.Select(p => $"""<outline text="{p}" type="rss" xmlUrl="{_server.Url(p)}"/>"""));
        var file = Path.Combine(_folder, "feeds.opml");
        // Nested, as feed readers export folders.
        File.WriteAllText(file, $"""
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>Subscriptions</title></head><body>
            <outline text="News">{outlines}</outline>
            </body></opml>
            """);
        return file;
    }

    [Fact]
    public async Task Ingest_stores_rss_atom_and_gzip_items_and_names_each_failing_feed_while_the_others_go_on()
    {
        var (exit, output, error) = await IngestFeeds("/rss.xml", "/malformed.xml", "/atom.xml", "/missing.xml", "/endless.xml", "/gzip.xml", "/loop.xml");

        Assert.Equal(AnalyzeCommand.ExitSkipped, exit);
        Assert.Contains("7 feeds (3 fetched, 0 not modified, 4 failed) · 6 read · 6 new · 0 duplicate · 0 skipped", output);
        Assert.Contains("6 articles stored", output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"storyline: feed {_server.Url("/malformed.xml")}: not a readable RSS 2.0 or Atom 1.0 feed", StringComparison.Ordinal));
        Assert.Contains($"storyline: feed {_server.Url("/missing.xml")}: HTTP 404 Not Found", lines);
        Assert.Contains(lines, l => l.StartsWith($"storyline: feed {_server.Url("/endless.xml")}: response goes on past the 256 KiB limit", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"storyline: feed {_server.Url("/loop.xml")}: HTTP 302 redirect", StringComparison.Ordinal));
        Assert.All(_server.Requests, r => Assert.StartsWith("Storyline/", r.UserAgent, StringComparison.Ordinal));
        Assert.Contains("gzip", _server.Requests.First(r => r.Path == "/gzip.xml").AcceptEncoding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_ingest_sends_the_validators_back_and_a_304_ingests_nothing()
    {
        var first = await IngestFeeds("/rss.xml");
        var second = await IngestFeeds("/rss.xml");

        Assert.Equal(0, first.Exit);
        Assert.Contains("1 feed (1 fetched, 0 not modified, 0 failed) · 2 read · 2 new", first.Output);
        Assert.Equal(0, second.Exit);
        Assert.Contains("1 feed (0 fetched, 1 not modified, 0 failed) · 0 read · 0 new · 0 duplicate · 0 skipped", second.Output);
        Assert.Contains("2 articles stored", second.Output);
        var requests = _server.Requests.ToList();
        Assert.Equal((null, null, 200), (requests[0].IfNoneMatch, requests[0].IfModifiedSince, requests[0].Status));
        Assert.Equal((_server.RssETag, _server.RssLastModified, 304), (requests[1].IfNoneMatch, requests[1].IfModifiedSince, requests[1].Status));
        Assert.True(File.Exists(Db + ".feeds.json"));
    }

    [Fact]
    public async Task A_feed_that_stops_sending_fails_at_the_timeout_and_the_other_feed_is_stored()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var quick = new FeedSettings(new FeedFetchOptions { Timeout = TimeSpan.FromSeconds(1) });

        var exit = await IngestCommand.RunAsync([], [_server.Url("/slow.xml"), _server.Url("/atom.xml")], Db, new AnalyzeOptions(), quick, output, error, CancellationToken.None);

        Assert.Equal(AnalyzeCommand.ExitSkipped, exit);
        Assert.Contains("2 feeds (1 fetched, 0 not modified, 1 failed) · 2 read · 2 new", output.ToString());
        Assert.Equal($"storyline: feed {_server.Url("/slow.xml")}: no complete response within 1 s", error.ToString().Trim());
    }

    [Fact]
    public async Task Ingest_follows_a_permanent_redirect_to_the_feed()
    {
        var (exit, output, _) = await IngestFeeds("/moved.xml");

        Assert.Equal(0, exit);
        Assert.Contains("2 new", output);
        Assert.Equal(["/moved.xml", "/rss.xml"], _server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Watch_once_reads_an_opml_list_and_the_next_round_picks_up_the_item_added_between_them()
    {
        var list = Opml("/rss.xml", "/atom.xml");
        var once = new WatchCommand.WatchSettings(TimeSpan.FromMinutes(10), Once: true, Settings);

        var first = await Watch(list, once);
        _server.AddRssItem("Talks set for Minsk", "Delegations will meet in Minsk next week, the Belarusian foreign ministry said on Thursday.");
        var second = await Watch(list, once);

        Assert.Equal(0, first.Exit);
        Assert.Contains("round 1: 2 feeds (2 fetched, 0 not modified, 0 failed) · 4 read · 4 new", first.Output);
        Assert.Equal(0, second.Exit);
        // The RSS feed changed (new ETag): fetched again, its one new item stored; the Atom feed has no validators and
        // is fetched in full, its items duplicates.
        Assert.Contains("round 1: 2 feeds (2 fetched, 0 not modified, 0 failed) · 5 read · 1 new · 4 duplicate · 0 skipped", second.Output);
        Assert.Contains("5 articles stored", second.Output);
        Assert.Equal("", first.Error + second.Error);
        Assert.Contains(_server.Requests, r => r.Path == "/rss.xml" && r.IfNoneMatch == "\"rss-v2\"" && r.Status == 200);
    }

    [Fact]
    public async Task Watch_polls_on_its_interval_skips_items_it_has_seen_backs_off_a_busy_feed_and_stops_cleanly_on_cancellation()
    {
        var list = Opml("/rss.xml", "/atom.xml", "/busy.xml");
        var clock = new ManualClock(new DateTimeOffset(2025, 3, 5, 12, 0, 0, TimeSpan.Zero));
        using var stop = new CancellationTokenSource();
        var waits = new List<TimeSpan>();
        var settings = new WatchCommand.WatchSettings(TimeSpan.FromMinutes(1), Once: false, Settings, clock, async (delay, token) =>
        {
            waits.Add(delay);
            clock.Now += delay;
            if (waits.Count == 1)
            {
                _server.AddRssItem("Talks set for Minsk", "Delegations will meet in Minsk next week, the Belarusian foreign ministry said on Thursday.");
            }
            else
            {
                await stop.CancelAsync();
                token.ThrowIfCancellationRequested();
            }
        });

        var (exit, output, error) = await Watch(list, settings, stop.Token);

        Assert.Equal(0, exit);
        Assert.Contains("round 1: 3 feeds (2 fetched, 0 not modified, 1 failed) · 4 read · 4 new", output);
        // After a minute the RSS and Atom feeds are due again, the busy one (Retry-After: 120) is not. The RSS items and
        // the Atom items seen in round 1 are not analysed again: read and counted as duplicates.
        Assert.Contains("round 2: 2 feeds (2 fetched, 0 not modified, 0 failed) · 5 read · 1 new · 4 duplicate · 0 skipped", output);
        Assert.Contains("Stopped after 2 rounds: 5 new articles stored.", output);
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)], waits);
        Assert.Equal($"storyline: feed {_server.Url("/busy.xml")}: HTTP 503 Service Unavailable; next try in 2m", error.Trim());
        Assert.Single(_server.Requests, r => r.Path == "/busy.xml");
    }

    [Fact]
    public async Task Watch_without_any_feed_url_in_its_list_says_so_and_exits_1()
    {
        var list = Path.Combine(_folder, "feeds.txt");
        File.WriteAllText(list, "# my feeds\nftp://example.org/feed.xml\n\n");

        var (exit, _, error) = await Watch(list, new WatchCommand.WatchSettings(TimeSpan.FromMinutes(10), Once: true, Settings));

        Assert.Equal(1, exit);
        Assert.Contains("line 2: 'ftp://example.org/feed.xml' uses ftp:, only http and https feeds are fetched; skipped", error);
        Assert.Contains("no feed URLs in", error);
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("10m", 600)]
    [InlineData("1h", 3600)]
    [InlineData("1.5h", 5400)]
    public void Intervals_read_as_a_number_and_a_unit(string text, int seconds)
    {
        Assert.True(WatchCommand.TryParseInterval(text, out var interval));
        Assert.Equal(TimeSpan.FromSeconds(seconds), interval);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("m")]
    [InlineData("-5m")]
    [InlineData("0s")]
    [InlineData("10 minutes")]
    public void Intervals_without_a_unit_or_a_positive_number_are_refused(string text) =>
        Assert.False(WatchCommand.TryParseInterval(text, out _));

    [Theory]
    [InlineData("30s", "--every must be at least 1m")]
    [InlineData("soon", "--every takes a number and a unit")]
    public void Watch_refuses_an_impolite_or_unreadable_interval(string every, string message)
    {
        var parse = Program.BuildRoot().Parse(["watch", "feeds.opml", "--every", every]);

        Assert.Contains(parse.Errors, e => e.Message.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Ingest_needs_paths_or_feeds_and_refuses_a_feed_that_is_not_http()
    {
        Assert.Contains(Program.BuildRoot().Parse(["ingest"]).Errors, e => e.Message.StartsWith("Nothing to ingest", StringComparison.Ordinal));
        Assert.Contains(Program.BuildRoot().Parse(["ingest", "--feed", "file:///etc/passwd"]).Errors, e => e.Message.Contains("only http and https", StringComparison.Ordinal));
        Assert.Empty(Program.BuildRoot().Parse(["ingest", "in", "--feed", "https://a.example/rss", "http://b.example/atom"]).Errors);
    }

    [Theory]
    [InlineData(0, null, 10)]
    [InlineData(1, null, 10)]
    [InlineData(2, null, 20)]
    [InlineData(4, null, 80)]
    [InlineData(30, null, 24 * 60)]
    [InlineData(1, 45.0, 45)]
    [InlineData(1, 5.0, 10)]
    [InlineData(1, 100_000.0, 24 * 60)]
    public void A_failing_feed_waits_the_interval_doubled_per_failure_and_at_least_its_retry_after(int failures, double? retryAfterMinutes, int minutes)
    {
        var delay = WatchCommand.NextDelay(TimeSpan.FromMinutes(10), failures, retryAfterMinutes is { } r ? TimeSpan.FromMinutes(r) : null);

        Assert.Equal(TimeSpan.FromMinutes(minutes), delay);
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
