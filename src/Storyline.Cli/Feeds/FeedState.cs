using System.Text.Json;
using Storyline.Ingest.Feeds;
using Storyline.Storage.Postgres;

namespace Storyline.Cli.Feeds;

/// <summary>
/// The validators (<c>ETag</c>, <c>Last-Modified</c>) each feed URL sent last, so the next fetch can be a conditional
/// GET. Kept in memory, and persisted to a small JSON file when one is named: by default beside a SQLite store
/// (<c>storyline.db.feeds.json</c>), so deleting the store's folder forgets both together. A file rather than a table:
/// it is HTTP politeness state, not part of the store, and the store's schema stays the same on every backend. A
/// PostgreSQL store has no "beside", so its state stays in memory unless <c>--feed-state</c> names a file.
/// </summary>
internal sealed class FeedState
{
    private const int Version = 1;

    private readonly Dictionary<string, FeedValidators> _validators = new(StringComparer.Ordinal);

    private FeedState(string? path) => Path = path;

    /// <summary>The file the state is saved to, or null for memory only.</summary>
    public string? Path { get; }

    public static FeedState InMemory() => new(null);

    /// <summary>The default file for a store: beside a SQLite file, none for PostgreSQL.</summary>
    public static string? DefaultPathFor(string db) => PostgresUrl.IsPostgresUrl(db) ? null : db + ".feeds.json";

    /// <summary>Reads the file when it exists. A file we cannot read is reported and ignored: the cost is one full
    /// fetch per feed, never a lost article.</summary>
    public static FeedState Load(string? path, TextWriter error)
    {
        var state = new FeedState(path);
        if (path is null || !File.Exists(path))
        {
            return state;
        }

        try
        {
            var file = JsonSerializer.Deserialize<StateFile>(File.ReadAllText(path), JsonOptions);
            foreach (var (url, saved) in file?.Feeds ?? [])
            {
                var validators = new FeedValidators(saved.ETag, saved.LastModified);
                if (!validators.IsEmpty)
                {
                    state._validators[url] = validators;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"storyline: ignoring the feed state {path} ({ex.Message}); every feed is fetched in full");
        }

        return state;
    }

    public FeedValidators? Get(string url) => _validators.GetValueOrDefault(url);

    public void Set(string url, FeedValidators validators)
    {
        if (validators.IsEmpty)
        {
            _validators.Remove(url);
        }
        else
        {
            _validators[url] = validators;
        }
    }

    /// <summary>Forgets everything: for an empty store, which needs every item whatever the servers say.</summary>
    public void Clear() => _validators.Clear();

    /// <summary>Writes the file (to a temporary name, then renamed over it, so a killed run leaves the old file or the
    /// new one, never half of one). Failing to write costs full fetches next time, so it is reported, not fatal.</summary>
    public async Task SaveAsync(TextWriter error, CancellationToken cancellationToken)
    {
        if (Path is null)
        {
            return;
        }

        var file = new StateFile(Version, _validators.OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(p => p.Key, p => new SavedValidators(p.Value.ETag, p.Value.LastModified), StringComparer.Ordinal));
        var temporary = Path + ".tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(file, JsonOptions), cancellationToken);
            File.Move(temporary, Path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"storyline: cannot save the feed state {Path}: {ex.Message}");
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private sealed record StateFile(int Version, Dictionary<string, SavedValidators>? Feeds);

    private sealed record SavedValidators(string? ETag, string? LastModified);
}
