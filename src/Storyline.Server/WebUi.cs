using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Storyline.Server;

/// <summary>The web UI: three static files embedded in this assembly (no CDN, nothing from the internet). The page
/// routes itself from the URL fragment (#/story/ID, #/article/ID/START-END, #/search?q=…).</summary>
internal static class WebUi
{
    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/", "wwwroot/index.html", "text/html; charset=utf-8"),
        ("/app.js", "wwwroot/app.js", "text/javascript; charset=utf-8"),
        ("/app.css", "wwwroot/app.css", "text/css; charset=utf-8"),
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        var assembly = typeof(WebUi).Assembly;
        foreach (var (path, resource, contentType) in Files)
        {
            var bytes = Read(assembly, resource);
            app.MapGet(path, () => Results.Bytes(bytes, contentType)).ExcludeFromDescription();
        }
    }

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the web UI file {resource} is not embedded in {assembly.GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
