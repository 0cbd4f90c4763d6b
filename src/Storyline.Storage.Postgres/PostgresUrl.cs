using System.Globalization;
using Npgsql;

namespace Storyline.Storage.Postgres;

/// <summary>
/// <c>postgres://user:password@host:port/database?sslmode=require</c> (libpq's URI form, also <c>postgresql://</c>)
/// as an Npgsql connection string. Parameters after <c>?</c> are libpq names where they differ from Npgsql's
/// (sslmode, connect_timeout, application_name, host for a socket folder) or any Npgsql keyword.
/// </summary>
public static class PostgresUrl
{
    public static bool IsPostgresUrl(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns false with a reason a person can act on when the URL cannot be used.</summary>
    public static bool TryParse(string url, out string connectionString, out string? error)
    {
        connectionString = string.Empty;
        error = null;
        if (!IsPostgresUrl(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            error = $"'{url}' is not a PostgreSQL URL (postgres://user@host:port/database)";
            return false;
        }

        var builder = new NpgsqlConnectionStringBuilder();
        if (uri.DnsSafeHost.Length > 0)
        {
            builder.Host = uri.DnsSafeHost;
        }

        builder.Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                switch (key.ToLowerInvariant())
                {
                    case "sslmode":
                        builder.SslMode = Enum.Parse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
                        break;
                    case "connect_timeout":
                        builder.Timeout = int.Parse(value, CultureInfo.InvariantCulture);
                        break;
                    case "application_name":
                        builder.ApplicationName = value;
                        break;
                    case "host":
                        builder.Host = value;
                        break;
                    default:
                        builder[key] = value;
                        break;
                }
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
            {
                error = $"'{key}={value}' in the PostgreSQL URL: {ex.Message}";
                return false;
            }
        }

        if (builder.Host is null)
        {
            error = $"'{url}' names no host";
            return false;
        }

        connectionString = builder.ConnectionString;
        return true;
    }
}
