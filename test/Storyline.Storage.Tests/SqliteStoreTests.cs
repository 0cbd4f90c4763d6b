using Microsoft.Data.Sqlite;
using Storyline.Storage.Migrations;
using Storyline.Storage.Sqlite;

namespace Storyline.Storage.Tests;

/// <summary>The contract on SQLite: each test gets a new database file in its own temporary folder.</summary>
public sealed class SqliteStoreTests : StoreContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("storyline-store-").FullName;

    private string DatabasePath => Path.Combine(_folder, "storyline.db");

    protected override async Task<IArticleStore> OpenStoreAsync(IReadOnlyList<Migration>? steps = null) =>
        await SqliteArticleStore.OpenAsync(DatabasePath, steps ?? SqliteArticleStore.Steps, CancellationToken.None);

    protected override IReadOnlyList<Migration> Steps => SqliteArticleStore.Steps;

    protected override string TableCount(string table) => $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'";

    protected override async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_file_is_in_wal_mode_with_the_schema_version_recorded()
    {
        await OpenAsync();

        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode"));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM schema_version WHERE version = 1 AND name = 'articles'"));
    }
}
