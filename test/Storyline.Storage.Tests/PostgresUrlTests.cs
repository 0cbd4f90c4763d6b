using Npgsql;
using Storyline.Storage.Postgres;

namespace Storyline.Storage.Tests;

public sealed class PostgresUrlTests
{
    private static NpgsqlConnectionStringBuilder Parse(string url)
    {
        Assert.True(PostgresUrl.TryParse(url, out var connectionString, out var error), error);
        return new NpgsqlConnectionStringBuilder(connectionString);
    }

    [Fact]
    public void A_full_url_gives_every_part()
    {
        var builder = Parse("postgres://ana:s%40cret%3A1@db.example.org:6543/news%20store?sslmode=require&application_name=storyline");

        Assert.Equal(("db.example.org", 6543, "ana", "s@cret:1", "news store"), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database));
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal("storyline", builder.ApplicationName);
    }

    [Fact]
    public void A_short_url_gets_the_default_port_and_no_password()
    {
        var builder = Parse("postgresql://postgres@127.0.0.1/storyline");

        Assert.Equal(("127.0.0.1", 5432, "postgres", null, "storyline"), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database));
    }

    [Fact]
    public void Ipv6_hosts_and_socket_folders_are_understood()
    {
        Assert.Equal("::1", Parse("postgres://u@[::1]:5433/db").Host);
        Assert.Equal("/tmp/pg", Parse("postgres:///db?host=/tmp/pg").Host);
    }

    [Theory]
    [InlineData("postgres://u@host/db?no_such_keyword=1", "no_such_keyword")]
    [InlineData("postgres://u@host/db?sslmode=sometimes", "sslmode")]
    [InlineData("postgres:///db", "no host")]
    [InlineData("mysql://u@host/db", "not a PostgreSQL URL")]
    public void A_bad_url_is_refused_with_a_reason(string url, string reason)
    {
        Assert.False(PostgresUrl.TryParse(url, out _, out var error));
        Assert.Contains(reason, error);
    }
}
