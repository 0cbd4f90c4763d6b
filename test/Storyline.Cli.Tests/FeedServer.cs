using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Storyline.Cli.Tests;

/// <summary>
/// A feed server on 127.0.0.1 with an ephemeral port, for tests of fetching: an RSS feed with ETag and Last-Modified
/// (304 when the client sends them back), an Atom feed, a gzip-compressed feed, a malformed one, a 404, an endless
/// chunked body, a 503 with Retry-After and a redirect. Every request is logged with the headers that matter.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<string> _rssItems = [];
    private readonly List<string> _atomItems = [];
    private int _rssVersion = 1;

    public sealed record Request(string Path, string? IfNoneMatch, string? IfModifiedSince, string UserAgent, string AcceptEncoding, int Status);

    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>The Last-Modified the RSS feed sends (it changes with every added item).</summary>
    public string RssLastModified => new DateTimeOffset(2025, 3, 5, 8, 0, 0, TimeSpan.Zero).AddMinutes(_rssVersion).ToString("R");

    public string RssETag => $"\"rss-v{_rssVersion}\"";

    public string BaseUrl { get; private set; } = "";

    private FeedServer(WebApplication app) => _app = app;

    public string Url(string path) => BaseUrl + path;

    public static async Task<FeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FeedServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Urls.Single().TrimEnd('/');
        server.AddRssItem("Minsk offered as venue", "Minsk is the best place for talks, the Kremlin spokesman said on Wednesday. Belarus offered to host them.");
        server.AddRssItem("Grain prices fall", "Grain prices fell across the region on Tuesday as exporters shipped more wheat by rail than a year ago.");
        server._atomItems.Add(AtomEntry(1, "Bridge opens", "The new bridge over the river opened on Monday after two years of work, the city council said."));
        server._atomItems.Add(AtomEntry(2, "Port strike ends", "Dock workers ended a four-day strike at the port on Friday after the union accepted a new pay offer."));
        return server;
    }

    /// <summary>A new item on the RSS feed: its ETag and Last-Modified change.</summary>
    public void AddRssItem(string title, string text)
    {
        var number = _rssItems.Count + 1;
        _rssItems.Add($"""
            <item><title>{SecurityElement.Escape(title)}</title><link>https://news.example.org/rss/{number}</link>
            <guid>https://news.example.org/rss/{number}</guid><pubDate>Wed, 05 Mar 2025 0{number % 10}:00:00 GMT</pubDate>
            <description>{SecurityElement.Escape("<p>" + text + "</p>")}</description></item>
            """);
        _rssVersion = number;
    }

    private static string AtomEntry(int number, string title, string text) => $"""
        <entry><title>{SecurityElement.Escape(title)}</title><id>urn:example:atom:{number}</id>
        <link href="https://news.example.org/atom/{number}"/><updated>2025-03-0{number}T10:00:00Z</updated>
        <content type="html">{SecurityElement.Escape("<p>" + text + "</p>")}</content></entry>
        """;

    private string Rss() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Example Wire</title><link>https://news.example.org/</link><description>News</description>
        {string.Join("\n", _rssItems)}
        </channel></rss>
        """;

    private string Atom() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom News</title><id>urn:example:atom</id><updated>2025-03-05T10:00:00Z</updated>
        {string.Join("\n", _atomItems)}
        </feed>
        """;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        switch (request.Path.Value)
        {
            case "/rss.xml":
                if (request.Headers.IfNoneMatch.ToString() == RssETag || request.Headers.IfModifiedSince.ToString() == RssLastModified)
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    break;
                }

                response.Headers.ETag = RssETag;
                response.Headers.LastModified = RssLastModified;
                await WriteAsync(response, "application/rss+xml; charset=utf-8", Encoding.UTF8.GetBytes(Rss()));
                break;
            case "/atom.xml":
                // No validators: every fetch is a full one.
                await WriteAsync(response, "application/atom+xml", Encoding.UTF8.GetBytes(Atom()));
                break;
            case "/gzip.xml":
                var rss = Rss().Replace("https://news.example.org/rss/", "https://news.example.org/gzip/", StringComparison.Ordinal)
                    .Replace("the Kremlin spokesman said", "the Kremlin spokesman told reporters", StringComparison.Ordinal)
                    .Replace("Grain prices fell", "Grain prices dropped", StringComparison.Ordinal);
                using (var compressed = new MemoryStream())
                {
                    await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
                    {
                        await gzip.WriteAsync(Encoding.UTF8.GetBytes(rss));
                    }

                    response.Headers.ContentEncoding = "gzip";
                    await WriteAsync(response, "application/rss+xml", compressed.ToArray());
                }

                break;
            case "/malformed.xml":
                await WriteAsync(response, "application/rss+xml", Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>Broken</title><item><title>never closed"));
                break;
            case "/endless.xml":
                response.ContentType = "application/rss+xml";
                await response.Body.WriteAsync(Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>Endless</title>"));
                var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<item><title>again</title><description>and again</description></item>\n", 100)));
                try
                {
                    while (!context.RequestAborted.IsCancellationRequested)
                    {
                        await response.Body.WriteAsync(chunk, context.RequestAborted);
                        await response.Body.FlushAsync(context.RequestAborted);
                    }
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException)
                {
                    // The client hung up, as it should.
                }

                break;
            case "/slow.xml":
                // Headers and the start of a feed, then nothing: only the client's timeout ends this.
                response.ContentType = "application/rss+xml";
                await response.Body.WriteAsync(Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>Slow</title>"));
                await response.Body.FlushAsync();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, as it should.
                }

                break;
            case "/busy.xml":
                response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                response.Headers.RetryAfter = "120";
                break;
            case "/moved.xml":
                response.Redirect("/rss.xml", permanent: true);
                break;
            case "/loop.xml":
                response.Redirect("/loop.xml");
                break;
            default:
                response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }

        Requests.Enqueue(new Request(
            request.Path.Value ?? "", request.Headers.IfNoneMatch.ToString() is { Length: > 0 } etag ? etag : null,
            request.Headers.IfModifiedSince.ToString() is { Length: > 0 } since ? since : null,
            request.Headers.UserAgent.ToString(), request.Headers.AcceptEncoding.ToString(), response.StatusCode));
    }

    private static async Task WriteAsync(HttpResponse response, string contentType, byte[] body)
    {
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
