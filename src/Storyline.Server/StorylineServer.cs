using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Storyline.Output;
using Storyline.Storage;

namespace Storyline.Server;

/// <summary>
/// <c>storyline serve</c>: the JSON API under /api (OpenAPI document at /openapi/v1.json) and the web UI, embedded in
/// this assembly, at /. Article text is hostile input: the API returns it as JSON data, the UI writes it with
/// textContent only, and every response carries a Content-Security-Policy that forbids inline script.
/// </summary>
public static class StorylineServer
{
    /// <summary>script and style from this server only, no inline script, no plugins, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication Create(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(j => j.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase);
        builder.Services.AddSingleton(options.Store);
        builder.Services.AddSingleton<StoryCache>();
        builder.Services.AddSingleton<WebIngest>();

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            await next(context);
        });
        app.MapOpenApi("/openapi/{documentName}.json");
        Api.Map(app, options);
        WebUi.Map(app);
        return app;
    }

    /// <summary>True when <paramref name="header"/> is "Bearer TOKEN" with the configured token (compared in constant
    /// time, so response timing does not reveal how much of a guess was right).</summary>
    public static bool Authorized(string? header, string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        const string scheme = "Bearer ";
        if (header is null || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
