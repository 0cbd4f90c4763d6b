using Microsoft.AspNetCore.Builder;
using Storyline.Server;
using Storyline.Storage.Sqlite;

namespace Storyline.Server.BrowserTests;

/// <summary>A real server on a free 127.0.0.1 port over a temporary SQLite store; disposing stops it and deletes the store.</summary>
internal sealed class Site : IAsyncDisposable
{
    public const string Token = "browser-test-token-0123456789";

    private readonly string _folder;
    private readonly SqliteArticleStore _store;
    private readonly WebApplication _app;

    private Site(string folder, SqliteArticleStore store, WebApplication app)
    {
        _folder = folder;
        _store = store;
        _app = app;
        BaseUrl = app.Urls.Single().TrimEnd('/');
    }

    public string BaseUrl { get; }

    /// <param name="ingest">Paths to ingest with the CLI ('storyline ingest PATH… --db …') before the server opens the store.</param>
    public static async Task<Site> StartAsync(string? token = Token, long? maxRequestBytes = null, params string[][] ingest)
    {
        var folder = Directory.CreateTempSubdirectory("storyline-server-test-").FullName;
        var db = Path.Combine(folder, "storyline.db");
        foreach (var args in ingest)
        {
            var exit = Storyline.Cli.Program.Main(["ingest", .. args, "--db", db]);
            Assert.Equal(0, exit);
        }

        var store = await SqliteArticleStore.OpenAsync(db);
        var options = new ServerOptions(store, "http://127.0.0.1:0", token);
        if (maxRequestBytes is { } max)
        {
            options = options with { MaxRequestBytes = max };
        }

        var app = StorylineServer.Create(options);
        await app.StartAsync();
        return new Site(folder, store, app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
