using Npgsql;
using Storyline.Storage.Migrations;
using Storyline.Storage.Postgres;

namespace Storyline.Storage.Tests;

/// <summary>
/// The contract on PostgreSQL: the server named by STORYLINE_TEST_POSTGRES (an Npgsql connection string; CI gets one
/// from .ci/postgres.sh). Each test works in a new schema of that database, dropped afterwards. Without the variable
/// these tests are skipped, except under CI, where a missing server is a failure.
/// </summary>
public sealed class PostgresStoreTests : StoreContract
{
    public const string Variable = "STORYLINE_TEST_POSTGRES";

    private readonly string _schema = $"test_{Guid.NewGuid():N}";
    private bool _created;

    internal static string RequireServer()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server) && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail($"CI run without {Variable}: .ci/run must start PostgreSQL (.ci/postgres.sh) and export its connection string.");
        }

        Skip.If(string.IsNullOrWhiteSpace(server), $"{Variable} is not set; the PostgreSQL contract tests need a server (.ci/postgres.sh starts one).");
        return server!;
    }

    private string ConnectionString => new NpgsqlConnectionStringBuilder(RequireServer()) { SearchPath = _schema }.ConnectionString;

    protected override IReadOnlyList<Migration> Steps => PostgresArticleStore.Steps;

    protected override string TableCount(string table) =>
        $"SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = '{table}'";

    protected override async Task<IArticleStore> OpenStoreAsync(IReadOnlyList<Migration>? steps = null)
    {
        if (!_created)
        {
            await ExecuteAsync(RequireServer(), $"CREATE SCHEMA {_schema}");
            _created = true;
        }

        return await PostgresArticleStore.OpenAsync(ConnectionString, steps ?? PostgresArticleStore.Steps, CancellationToken.None);
    }

    protected override async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_created)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(RequireServer(), $"DROP SCHEMA {_schema} CASCADE");
        }
    }

    [SkippableFact]
    public async Task Search_uses_the_gin_index_on_the_generated_tsvector()
    {
        await OpenAsync();

        var definition = (string?)await ScalarAsync("SELECT indexdef FROM pg_indexes WHERE indexname = 'articles_search' AND schemaname = current_schema()");

        Assert.Contains("USING gin (search)", definition);
    }
}
