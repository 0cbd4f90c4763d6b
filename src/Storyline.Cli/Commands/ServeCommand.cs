using System.CommandLine;
using System.Net;
using Storyline.Cli.Storage;
using Storyline.Server;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline serve [--db …] [--urls http://127.0.0.1:5080] [--token T]</c>: the JSON API and the web UI over a
/// store. Read-only unless a token is given (then POST /api/ingest takes 'Authorization: Bearer T'). Exit 1 when
/// the store cannot be opened or the address cannot be bound.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = StoreLocation.Option();
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen (default {ServerOptions.DefaultUrls}: this machine only). Several separated by ';'.",
            DefaultValueFactory = _ => ServerOptions.DefaultUrls,
        };
        var token = new Option<string?>("--token")
        {
            Description = "Accept POST /api/ingest with 'Authorization: Bearer TOKEN'. Without it the server is read-only. " +
                "Also read from the STORYLINE_TOKEN environment variable (keeps it out of the process list).",
        };
        var command = new Command("serve", "Serve the store: a JSON API (/api, OpenAPI at /openapi/v1.json) and the web UI.") { db, urls, token };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(db)!, parse.GetValue(urls)!,
            parse.GetValue(token) ?? Environment.GetEnvironmentVariable("STORYLINE_TOKEN"),
            Console.Out, Console.Error, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(string db, string urls, string? token, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (token is not null && token.Length < 16)
        {
            await error.WriteLineAsync("storyline: --token must be at least 16 characters (it guards writes to the store).");
            return StoreLocation.ExitFailure;
        }

        // Serving an empty store is fine (articles can be posted); create it like ingest would.
        await using var store = await StoreLocation.OpenAsync(db, create: true, error, cancellationToken);
        if (store is null)
        {
            return StoreLocation.ExitFailure;
        }

        await using var app = StorylineServer.Create(new ServerOptions(store, urls, string.IsNullOrEmpty(token) ? null : token));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await error.WriteLineAsync($"storyline: cannot listen on {urls}: {ex.Message}");
            return StoreLocation.ExitFailure;
        }

        foreach (var url in app.Urls)
        {
            await output.WriteLineAsync($"Storyline on {url} · {store.Description} · {(token is null ? "read-only" : "ingest with bearer token")} · Ctrl+C stops");
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && !IsLoopback(uri.Host))
            {
                await error.WriteLineAsync($"storyline: warning: {url} is reachable from other machines; anyone there can read the store.");
            }
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop below.
        }

        await app.StopAsync(CancellationToken.None);
        return 0;
    }

    private static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
