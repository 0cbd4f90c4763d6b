using System.CommandLine;
using Storyline.Ingest.Feeds;

namespace Storyline.Cli.Feeds;

/// <summary>How feeds are fetched and where their conditional-GET state lives.</summary>
/// <param name="StateOption">The <c>--feed-state</c> value: null for the default (beside a SQLite store), "none" for
/// memory only, else a file.</param>
internal sealed record FeedSettings(FeedFetchOptions Fetch, string? StateOption = null)
{
    public FeedSettings()
        : this(new FeedFetchOptions())
    {
    }

    public string? StatePath(string db) => StateOption switch
    {
        null => FeedState.DefaultPathFor(db),
        "none" => null,
        var path => path,
    };
}

/// <summary>The feed options <c>ingest --feed</c> and <c>watch</c> share, defined once.</summary>
internal sealed class FeedOptions
{
    public Option<string?> State { get; } = new("--feed-state")
    {
        Description = "Where the ETag/Last-Modified of each feed are kept between runs, for conditional GETs: a JSON file " +
            "(default: beside a SQLite store, FILE.feeds.json; a PostgreSQL store keeps them in memory), or 'none'.",
    };

    public Option<int> MaxSize { get; } = new("--max-feed-mb")
    {
        Description = "Largest feed body read, in MiB after decompression; a longer one is cut there and reported.",
        DefaultValueFactory = _ => 16,
    };

    public Option<double> FetchTimeout { get; } = new("--feed-timeout")
    {
        Description = "Seconds one feed fetch may take, body included.",
        DefaultValueFactory = _ => 30,
    };

    public IEnumerable<Option> Options => [State, MaxSize, FetchTimeout];

    public FeedSettings Read(ParseResult parse) => new(
        new FeedFetchOptions
        {
            MaxBytes = Math.Max(1, parse.GetValue(MaxSize)) * (1L << 20),
            Timeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(FetchTimeout))),
        },
        parse.GetValue(State));
}
