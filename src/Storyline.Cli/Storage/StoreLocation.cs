using System.CommandLine;
using System.Data.Common;
using System.Net.Sockets;
using Spectre.Console;
using Storyline.Storage;
using Storyline.Storage.Postgres;
using Storyline.Storage.Sqlite;

namespace Storyline.Cli.Storage;

/// <summary>The <c>--db</c> option every store command shares, and opening the store it names.</summary>
internal static class StoreLocation
{
    public const int ExitFailure = 1;

    public static Option<string> Option() => new("--db")
    {
        Description = $"The store: a SQLite file (default ./{SqliteArticleStore.DefaultPath}) or postgres://user@host:port/database.",
        DefaultValueFactory = _ => SqliteArticleStore.DefaultPath,
    };

    /// <summary>
    /// Opens the store, migrating its schema. <paramref name="create"/> is for ingest; reading commands refuse a
    /// SQLite file that does not exist rather than create an empty store and report it empty. Returns null after
    /// printing why (to stderr) when it cannot be opened.
    /// </summary>
    public static async Task<IArticleStore?> OpenAsync(string db, bool create, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            if (PostgresUrl.IsPostgresUrl(db))
            {
                if (!PostgresUrl.TryParse(db, out var connectionString, out var problem))
                {
                    return Fail(error, problem!);
                }

                return await PostgresArticleStore.OpenAsync(connectionString, cancellationToken);
            }

            if (!create && !File.Exists(db))
            {
                return Fail(error, $"no store at {db}: 'storyline ingest PATH…' creates one (or name another with --db).");
            }

            return await SqliteArticleStore.OpenAsync(db, cancellationToken);
        }
        catch (StoreSchemaException ex)
        {
            return Fail(error, ex.Message);
        }
        catch (Exception ex) when (ex is DbException or SocketException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            return Fail(error, $"cannot open the store {Redacted(db)}: {ex.Message}");
        }
    }

    /// <summary>A PostgreSQL URL without its password, for messages.</summary>
    public static string Redacted(string db) =>
        PostgresUrl.IsPostgresUrl(db) && Uri.TryCreate(db, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal)
            ? db.Replace(uri.UserInfo, uri.UserInfo[..uri.UserInfo.IndexOf(':', StringComparison.Ordinal)] + ":***", StringComparison.Ordinal)
            : db;

    private static IArticleStore? Fail(TextWriter error, string message)
    {
        error.WriteLine($"storyline: {message}");
        return null;
    }

    /// <summary>The report console (<see cref="Rendering.ReportConsole"/>).</summary>
    public static IAnsiConsole ConsoleFor(TextWriter output) => Rendering.ReportConsole.For(output);
}
