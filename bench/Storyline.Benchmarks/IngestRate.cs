using System.Diagnostics;
using Npgsql;
using Storyline.Output;
using Storyline.Pipeline;
using Storyline.Storage;
using Storyline.Storage.Postgres;
using Storyline.Storage.Sqlite;
using Storyline.Text;

namespace Storyline.Benchmarks;

/// <summary>
/// <c>… -- ingest-rate [postgres-connection-string]</c>: articles per second into each store backend over the BBC
/// corpus, saving one article per transaction as <c>storyline ingest</c> does. The corpus is analysed first (timed
/// separately), so the store figures are the store alone; an ingest runs at about the slower of analysis and
/// store, since it overlaps the two. PostgreSQL is measured when a connection string is given or
/// STORYLINE_TEST_POSTGRES is set, in a schema made for the run and dropped after it.
/// </summary>
internal static class IngestRate
{
    public static async Task RunAsync(string? postgres)
    {
        var pipeline = StandardPipeline.Create();
        var clock = Stopwatch.StartNew();
        var articles = Corpus.Articles.Select(a => pipeline.Run(a)).ToList();
        Console.WriteLine($"{articles.Count} articles analysed in {clock.Elapsed.TotalSeconds:0.00} s = {articles.Count / clock.Elapsed.TotalSeconds:0} articles/s (one thread, includes warm-up)");
        var analysed = Breakdown(articles);

        var folder = Directory.CreateTempSubdirectory("storyline-ingest-rate-").FullName;
        try
        {
            await using (var sqlite = await SqliteArticleStore.OpenAsync(Path.Combine(folder, "bench.db")))
            {
                await MeasureAsync(sqlite, analysed);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        postgres ??= Environment.GetEnvironmentVariable("STORYLINE_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(postgres))
        {
            Console.WriteLine("PostgreSQL: not measured (give a connection string or set STORYLINE_TEST_POSTGRES)");
            return;
        }

        if (PostgresUrl.IsPostgresUrl(postgres) && PostgresUrl.TryParse(postgres, out var parsed, out _))
        {
            postgres = parsed;
        }

        var schema = $"bench_{Guid.NewGuid():N}";
        await ExecuteAsync(postgres, $"CREATE SCHEMA {schema}");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema }.ConnectionString;
            await using var store = await PostgresArticleStore.OpenAsync(connectionString);
            await MeasureAsync(store, analysed);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(postgres, $"DROP SCHEMA {schema} CASCADE");
        }
    }

    /// <summary>The CPU parts of a save, each timed alone over the corpus (ms per article): what the store's one
    /// writing thread spends besides the database.</summary>
    private static List<ArticleJson> Breakdown(List<Article> articles)
    {
        var clock = Stopwatch.StartNew();
        var json = articles.Select(a => AnalysisJson.FromArticle(a, includeTokens: false, Entities.EntityTable.Build([a]).NameOf)).ToList();
        var toJson = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var bytes = json.Sum(j => (long)System.Text.Json.JsonSerializer.Serialize(j, AnalysisJson.Compact).Length);
        var serialise = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var rebuilt = json.Select(ArticleRebuild.FromJson).ToList();
        var rebuild = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var extractor = new Stories.StoryFeatureExtractor();
        var features = rebuilt.Select(extractor.Extract).ToList();
        var extract = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var withoutTimes = rebuilt.Count(a => a.Times.IsDefaultOrEmpty);
        var clusterer = new Stories.StoryClusterer();
        foreach (var f in features)
        {
            clusterer.Add(f);
        }

        var cluster = clock.Elapsed.TotalMilliseconds;
        double PerArticle(double ms) => ms / articles.Count;
        Console.WriteLine(
            $"per article (ms): FromArticle+EntityTable {PerArticle(toJson):0.000}; analysis JSON {PerArticle(serialise):0.000} ({bytes / articles.Count} chars); " +
            $"rebuild from JSON {PerArticle(rebuild):0.000}; story features {PerArticle(extract):0.000} ({withoutTimes} articles without times re-tagged); clusterer.Add {PerArticle(cluster):0.000}");
        return json;
    }

    private static async Task MeasureAsync(IArticleStore store, List<ArticleJson> articles)
    {
        var clock = Stopwatch.StartNew();
        var added = 0;
        foreach (var article in articles)
        {
            added += (await store.SaveAsync(article)).IsNew ? 1 : 0;
        }

        var saving = clock.Elapsed.TotalSeconds;
        clock.Restart();
        foreach (var article in articles)
        {
            await store.SaveAsync(article);
        }

        var again = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var hits = 0;
        foreach (var query in new[] { "budget", "chancellor budget", "\"prime minister\"", "film or music", "election -labour" })
        {
            hits += (await store.SearchAsync(query, 10)).Count;
        }

        Console.WriteLine(
            $"{store.Description}: {articles.Count / saving:0} articles/s saved ({added} new, {articles.Count - added} duplicates, {saving:0.00} s); " +
            $"again, all duplicates: {articles.Count / again:0} articles/s; 5 searches: {clock.Elapsed.TotalMilliseconds / 5:0.0} ms each ({hits} hits)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
