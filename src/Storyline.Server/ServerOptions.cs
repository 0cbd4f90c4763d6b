using Storyline.Storage;

namespace Storyline.Server;

/// <summary>How <c>storyline serve</c> runs.</summary>
/// <param name="Store">The store to serve; the server does not own it (the caller disposes it).</param>
/// <param name="Urls">Where to listen; loopback by default so a laptop does not publish its store to the network.</param>
/// <param name="Token">The bearer token POST /api/ingest requires; null makes the server read-only.</param>
public sealed record ServerOptions(IArticleStore Store, string Urls = ServerOptions.DefaultUrls, string? Token = null)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The largest request body accepted (413 above it): a long article is ~100 KB of text; 2 MB leaves room
    /// for a batch without letting one POST fill memory.</summary>
    public long MaxRequestBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>The most articles one POST /api/ingest may carry.</summary>
    public int MaxArticlesPerRequest { get; init; } = 50;
}
