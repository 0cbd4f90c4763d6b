using Microsoft.Data.Sqlite;
using Storyline.Cli.Commands;

namespace Storyline.Cli.Tests.Commands;

public sealed class BackupCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("storyline-backup-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_backup_taken_while_another_process_ingests_is_sound_and_holds_whole_articles()
    {
        const int articles = 300;
        var inputs = Path.Combine(_folder, "in");
        Directory.CreateDirectory(inputs);
        for (var i = 0; i < articles; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(inputs, $"{i:000}.txt"),
                $"title: Report {i}\n\nReport number {i} says the talks went on for {i} hours. Officials met again on Friday.");
        }

        var db = Path.Combine(_folder, "live.db");
        var copy = Path.Combine(_folder, "copy.db");
        using var ingest = KilledIngestTests.StartIngest(inputs, db);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!ingest.HasExited && waited.Elapsed < TimeSpan.FromMinutes(2) && TryCount(db) == 0)
        {
            await Task.Delay(20);
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = BackupCommand.Run(db, copy, stdout, stderr);
        var wasRunning = !ingest.HasExited;
        await ingest.WaitForExitAsync();

        Assert.True(exit == 0, stderr.ToString());
        Assert.Contains("integrity ok", stdout.ToString());
        var copied = KilledIngestTests.Scalar(copy, "SELECT COUNT(*) FROM articles");
        Assert.InRange(copied, 1, articles);
        if (wasRunning)
        {
            // Taken mid-ingest: a consistent prefix, each article with its analysis and its search-index entry.
            Assert.Equal(copied, KilledIngestTests.Scalar(copy, "SELECT COUNT(*) FROM articles_fts_docsize"));
            Assert.Equal(0, KilledIngestTests.Scalar(copy, "SELECT COUNT(*) FROM articles WHERE analysis NOT LIKE '%\"sentences\":[{%'"));
        }

        Assert.Equal(0, ingest.ExitCode);
        Assert.Equal(articles, KilledIngestTests.Scalar(db, "SELECT COUNT(*) FROM articles"));
    }

    [Fact]
    public void A_backup_never_overwrites_a_file()
    {
        var db = Path.Combine(_folder, "a.db");
        var existing = Path.Combine(_folder, "exists.db");
        File.WriteAllText(db, "");
        File.WriteAllText(existing, "keep me");
        using var stderr = new StringWriter();

        Assert.Equal(1, BackupCommand.Run(db, existing, TextWriter.Null, stderr));
        Assert.Contains("exists", stderr.ToString());
        Assert.Equal("keep me", File.ReadAllText(existing));
    }

    [Fact]
    public void A_postgres_store_gets_the_pg_dump_advice()
    {
        using var stderr = new StringWriter();

        var exit = BackupCommand.Run("postgres://reader:secret@db.example:5432/news", Path.Combine(_folder, "x.dump"), TextWriter.Null, stderr);

        Assert.Equal(1, exit);
        Assert.Contains("pg_dump --format=custom", stderr.ToString());
        Assert.DoesNotContain("secret", stderr.ToString());
    }

    private static long TryCount(string db)
    {
        try
        {
            return File.Exists(db) ? KilledIngestTests.Scalar(db, "SELECT COUNT(*) FROM articles") : 0;
        }
        catch (SqliteException)
        {
            return 0;
        }
    }
}
