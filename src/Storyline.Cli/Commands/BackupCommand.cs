using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Storyline.Cli.Storage;
using Storyline.Storage.Postgres;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline backup [--db FILE] OUT</c>: a consistent copy of a SQLite store with SQLite's online backup API, safe
/// while another process ingests into it (the copy is one read snapshot: articles being written are in it whole or
/// not at all). A PostgreSQL store is backed up with the server's own tool; the command says how.
/// </summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var db = StoreLocation.Option();
        var output = new Argument<string>("out") { Description = "The backup file to create (must not exist)." };
        var command = new Command("backup", "Copy a SQLite store to a new file, consistently, even while it is being written.") { db, output };
        command.SetAction(parse => Run(parse.GetValue(db)!, parse.GetValue(output)!, Console.Out, Console.Error));
        return command;
    }

    internal static int Run(string db, string output, TextWriter stdout, TextWriter error)
    {
        if (PostgresUrl.IsPostgresUrl(db))
        {
            error.WriteLine("storyline: backup copies SQLite stores; for PostgreSQL use the server's tool, which takes a consistent snapshot while ingests go on:");
            error.WriteLine($"  pg_dump --format=custom --file={output} '{StoreLocation.Redacted(db)}'   (restore: pg_restore --dbname=… {output})");
            return StoreLocation.ExitFailure;
        }

        if (!File.Exists(db))
        {
            error.WriteLine($"storyline: no store at {db} (name one with --db).");
            return StoreLocation.ExitFailure;
        }

        if (File.Exists(output) || Directory.Exists(output))
        {
            error.WriteLine($"storyline: {output} exists; backup writes only a new file.");
            return StoreLocation.ExitFailure;
        }

        try
        {
            // Pooling off: the files are closed when this returns, so the copy can be moved or opened at once.
            using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 60 }.ToString());
            using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = output, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
            source.Open();
            target.Open();
            // One step over all pages (Microsoft.Data.Sqlite's BackupDatabase): the source's read snapshot covers the
            // whole copy, so a concurrent ingest neither blocks it nor tears it.
            source.BackupDatabase(target);

            using var check = target.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            var integrity = (string?)check.ExecuteScalar();
            check.CommandText = "SELECT COUNT(*) FROM articles";
            var count = Convert.ToInt64(check.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (integrity != "ok")
            {
                error.WriteLine($"storyline: the copy in {output} fails SQLite's integrity check: {integrity}");
                return StoreLocation.ExitFailure;
            }

            stdout.WriteLine($"{output}: {count} articles, integrity ok");
            return 0;
        }
        catch (SqliteException ex)
        {
            error.WriteLine($"storyline: cannot back up {db} to {output}: {ex.Message}");
            return StoreLocation.ExitFailure;
        }
    }
}
