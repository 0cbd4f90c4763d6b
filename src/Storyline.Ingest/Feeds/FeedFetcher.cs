using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;

namespace Storyline.Ingest.Feeds;

/// <summary>Limits for fetching feeds over HTTP.</summary>
public sealed record FeedFetchOptions
{
    /// <summary>Time for one whole fetch: connecting, the headers and the body. A feed that trickles forever ends here.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest feed body read, after decompression (a compressed bomb is cut like an endless body). Big
    /// news feeds with full content are a few MiB; 16 MiB leaves room without letting one feed fill memory.</summary>
    public long MaxBytes { get; init; } = 16L << 20;

    /// <summary>Redirects followed before the fetch fails (feeds move, but a chain longer than this is a loop or a trap).</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Sent with every request, so a site can see who polls it and how to reach the project.</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    public static string DefaultUserAgent { get; } =
        $"Storyline/{Version()} (news feed reader)";

    private static string Version()
    {
        var version = typeof(FeedFetcher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }
}

/// <summary>What a server said last time, for a conditional GET: the response's <c>ETag</c> and <c>Last-Modified</c>
/// exactly as sent (they are echoed back, never reinterpreted).</summary>
public sealed record FeedValidators(string? ETag, string? LastModified)
{
    public bool IsEmpty => ETag is null && LastModified is null;
}

/// <summary>The outcome of fetching one feed URL. An expected failure is a value naming the URL, never an exception.</summary>
public abstract record FeedFetch(string Url);

/// <summary>A feed body (decompressed), with the validators to send next time and the charset the server named.</summary>
public sealed record FeedFetched(string Url, byte[] Body, FeedValidators Validators, string? Charset) : FeedFetch(Url);

/// <summary>304 Not Modified: the feed is as it was at the last fetch; nothing to read.</summary>
public sealed record FeedNotModified(string Url) : FeedFetch(Url);

/// <param name="Transient">Worth trying again later unchanged (network trouble, a timeout, 408, 429, 5xx).</param>
/// <param name="RetryAfter">How long the server asked us to wait (<c>Retry-After</c>), when it did.</param>
public sealed record FeedFailed(string Url, string Error, bool Transient, TimeSpan? RetryAfter = null) : FeedFetch(Url);

/// <summary>
/// Fetches feeds politely and defensively: a User-Agent naming Storyline, conditional GET (<c>If-None-Match</c>,
/// <c>If-Modified-Since</c>) with 304 honoured, gzip/deflate/brotli decompression, a bounded number of redirects
/// (never to a scheme other than http/https: the handler refuses those), one timeout over the whole fetch and a cap on
/// the body size. Only http and https URLs are fetched. Safe to use from several tasks at once.
/// </summary>
public sealed class FeedFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly FeedFetchOptions _options;

    public FeedFetcher(FeedFetchOptions? options = null, HttpMessageHandler? handler = null)
    {
        _options = options ?? new FeedFetchOptions();
        handler ??= new SocketsHttpHandler
        {
            AllowAutoRedirect = _options.MaxRedirects > 0,
            MaxAutomaticRedirections = Math.Max(1, _options.MaxRedirects),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            ConnectTimeout = _options.Timeout,
            // A watcher runs for days: re-resolve DNS now and then instead of holding one connection forever.
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            UseCookies = false,
        };
        // The timeout is ours (it must cover reading the body too), not HttpClient's.
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
    }

    public FeedFetchOptions Options => _options;

    /// <summary>An absolute http or https URL, or the reason it is not one.</summary>
    public static bool TryParseUrl(string text, out Uri? uri, out string? error)
    {
        uri = null;
        error = null;
        // "/tmp/x.xml" parses as an absolute file: URI on Unix; it is a path, not a URL.
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed) || (parsed.IsFile && !text.TrimStart().StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            error = $"'{text}' is not an absolute http or https URL";
            return false;
        }

        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
        {
            error = $"'{text}' uses {parsed.Scheme}:, only http and https feeds are fetched";
            return false;
        }

        uri = parsed;
        return true;
    }

    /// <summary>Fetches <paramref name="url"/>, sending <paramref name="validators"/> for a conditional GET when given.
    /// Throws only <see cref="OperationCanceledException"/>, and only when <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task<FeedFetch> FetchAsync(string url, FeedValidators? validators = null, CancellationToken cancellationToken = default)
    {
        if (!TryParseUrl(url, out var uri, out var problem))
        {
            return new FeedFailed(url, problem!, Transient: false);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (validators?.ETag is { } etag)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }

            if (validators?.LastModified is { } lastModified)
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
            }

            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return await ReadResponseAsync(url, response, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FeedFailed(url, $"no complete response within {_options.Timeout.TotalSeconds:0.#} s", Transient: true);
        }
        catch (HttpRequestException ex)
        {
            var what = ex.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "cannot resolve the host",
                HttpRequestError.ConnectionError => "cannot connect",
                HttpRequestError.SecureConnectionError => "TLS handshake failed",
                _ => "request failed",
            };
            return new FeedFailed(url, $"{what}: {ex.Message}", Transient: true);
        }
        catch (IOException ex)
        {
            return new FeedFailed(url, $"connection broken while reading: {Innermost(ex).Message}", Transient: true);
        }
        catch (InvalidDataException ex)
        {
            return new FeedFailed(url, $"cannot decompress the response: {ex.Message}", Transient: false);
        }
    }

    private async Task<FeedFetch> ReadResponseAsync(string url, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new FeedNotModified(url);
        }

        if (status is >= 300 and < 400)
        {
            // The handler follows redirects itself; a 3xx here is one it would not follow.
            var target = response.Headers.Location?.ToString() ?? "nowhere";
            return new FeedFailed(url, $"HTTP {status} redirect to {target} not followed (more than {_options.MaxRedirects} redirects, or not http/https)", Transient: false);
        }

        if (!response.IsSuccessStatusCode)
        {
            var transient = status is 408 or 429 or >= 500;
            return new FeedFailed(url, $"HTTP {status} {response.ReasonPhrase}".TrimEnd(), transient, RetryAfter(response));
        }

        if (response.Content.Headers.ContentLength is { } length && length > _options.MaxBytes)
        {
            return new FeedFailed(url, $"response is {Size(length)}, over the {Size(_options.MaxBytes)} limit for one feed; not read", Transient: false);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > _options.MaxBytes)
                {
                    return new FeedFailed(url, $"response goes on past the {Size(_options.MaxBytes)} limit for one feed; cut off there and not read", Transient: false);
                }

                body.Write(buffer, 0, read);
            }

            var validators = new FeedValidators(
                response.Headers.ETag?.ToString(),
                response.Content.Headers.TryGetValues("Last-Modified", out var modified) ? modified.FirstOrDefault() : null);
            return new FeedFetched(url, body.ToArray(), validators, response.Content.Headers.ContentType?.CharSet?.Trim('"'));
        }
    }

    /// <summary>Retry-After as a delay, from either form (seconds or an HTTP date).</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        RetryConditionHeaderValue? header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    private static string Size(long bytes) =>
        bytes >= 1 << 20 ? $"{bytes / (1024.0 * 1024.0):0.#} MiB"
        : bytes >= 1 << 10 ? $"{bytes / 1024.0:0.#} KiB"
        : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";

    public void Dispose() => _client.Dispose();
}
