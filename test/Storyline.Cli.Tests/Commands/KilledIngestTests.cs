using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Storyline.Cli.Tests.Commands;

/// <summary>A real <c>storyline ingest</c> process, killed while it writes: the file must stay sound, every stored
/// article whole, and a second ingest must finish the job.</summary>
public sealed class KilledIngestTests : IDisposable
{
    /// <summary>Enough that the kill, which lands a poll (20 ms) after the first article is stored plus the time to
    /// kill, finds the run unfinished: with 400 a run stored them all before the kill once in three full-suite runs on
    /// the 2-core machine.</summary>
    private const int Articles = 1200;

    private readonly string _folder = Directory.CreateTempSubdirectory("storyline-killed-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    internal static Process StartIngest(string inputs, string db)
    {
        var cli = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { cli, "ingest", inputs, "--db", db })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    internal static long Scalar(string db, string sql, bool readOnly = true)
    {
        var mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_killed_ingest_leaves_only_whole_articles_and_a_rerun_completes_it()
    {
        var inputs = Path.Combine(_folder, "in");
        Directory.CreateDirectory(inputs);
        for (var i = 0; i < Articles; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(inputs, $"{i:000}.txt"),
                $"title: Report {i}\n\nReport number {i} says the talks went on for {i} hours. Officials met again on Friday.");
        }

        var db = Path.Combine(_folder, "killed.db");
        using (var ingest = StartIngest(inputs, db))
        {
            // Kill as soon as articles are being written (or give up waiting after a minute: then the run finished).
            var waited = Stopwatch.StartNew();
            while (!ingest.HasExited && waited.Elapsed < TimeSpan.FromMinutes(1))
            {
                if (File.Exists(db) && TryCount(db) > 0)
                {
                    break;
                }

                await Task.Delay(20);
            }

            if (!ingest.HasExited)
            {
                ingest.Kill(entireProcessTree: true);
            }

            await ingest.WaitForExitAsync();
        }

        var stored = Scalar(db, "SELECT COUNT(*) FROM articles");
        Assert.Equal("ok", ScalarText(db, "PRAGMA integrity_check"));
        // The kill landed while articles were being written (not before the first, not after the last).
        Assert.InRange(stored, 1, Articles - 1);
        // One search-index entry per article (the FTS5 shadow table has a row per indexed document), and the index
        // agrees with the text it was built from.
        Assert.Equal(stored, Scalar(db, "SELECT COUNT(*) FROM articles_fts_docsize"));
        Assert.Equal(0, Scalar(db, "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check'); SELECT 0", readOnly: false));
        Assert.Equal(0, Scalar(db, "SELECT COUNT(*) FROM articles WHERE analysis NOT LIKE '%\"sentences\":[{%'"));

        using var rerun = StartIngest(inputs, db);
        var output = await rerun.StandardOutput.ReadToEndAsync();
        await rerun.WaitForExitAsync();

        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains($"{Articles - stored} new · {stored} duplicate", output);
        Assert.Equal(Articles, Scalar(db, "SELECT COUNT(*) FROM articles"));
        // Every input exactly once: each report's title is stored once, and there is no other row.
        Assert.Equal(Articles, Scalar(db, "SELECT COUNT(DISTINCT title) FROM articles WHERE title LIKE 'Report %'"));
        Assert.Equal(Articles, Scalar(db, "SELECT COUNT(*) FROM articles_fts_docsize"));
        Assert.Equal("ok", ScalarText(db, "PRAGMA integrity_check"));
    }

    private static long TryCount(string db)
    {
        try
        {
            return Scalar(db, "SELECT COUNT(*) FROM articles");
        }
        catch (SqliteException)
        {
            return 0; // not created yet
        }
    }

    private static string ScalarText(string db, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }
}
