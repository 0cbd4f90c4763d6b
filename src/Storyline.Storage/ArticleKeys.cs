using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Storyline.Output;

namespace Storyline.Storage;

/// <summary>What makes two inputs one article, and what of an article is searched.</summary>
public static class ArticleKeys
{
    /// <summary>
    /// SHA-256 (hex) of the article's news text — everything outside its ignored spans, so a metadata header or a
    /// syndication disclaimer does not make a copy look new — with runs of whitespace collapsed to one space, trimmed
    /// and case-folded. The same report read from a .txt file with a header and from a JSONL line without one is one
    /// article. When nothing is left outside the ignored spans the whole text is hashed instead, so two different
    /// all-boilerplate inputs do not collapse into one.
    /// </summary>
    public static string TextHash(ArticleJson article)
    {
        var normalised = Normalise(Body(article));
        if (normalised.Length == 0)
        {
            normalised = Normalise(article.Text);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    /// <summary>Whitespace runs to one space, trimmed, lower case (invariant culture).</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The URL as matched: absolute http(s) URLs with the scheme and host lower-cased, the default port and the
    /// fragment dropped (a "#comments" link is the same page); anything else trimmed. Null for no URL.
    /// </summary>
    public static string? NormaliseUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        url = url.Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return url;
        }

        var builder = new UriBuilder(uri) { Fragment = string.Empty };
        if (uri.IsDefaultPort)
        {
            builder.Port = -1;
        }

        return builder.Uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped);
    }

    /// <summary>The text outside the ignored spans (the news), regions joined by a line break; what search indexes.</summary>
    public static string Body(ArticleJson article)
    {
        if (article.Ignored.Count == 0)
        {
            return article.Text;
        }

        var builder = new StringBuilder(article.Text.Length);
        var position = 0;
        foreach (var ignored in article.Ignored.OrderBy(i => i.Start))
        {
            var start = Math.Clamp(ignored.Start, 0, article.Text.Length);
            if (start > position)
            {
                AppendRegion(builder, article.Text.AsSpan(position, start - position));
            }

            position = Math.Max(position, Math.Clamp(ignored.End, 0, article.Text.Length));
        }

        if (position < article.Text.Length)
        {
            AppendRegion(builder, article.Text.AsSpan(position));
        }

        return builder.ToString();
    }

    private static void AppendRegion(StringBuilder builder, ReadOnlySpan<char> region)
    {
        if (region.IsWhiteSpace())
        {
            return;
        }

        if (builder.Length > 0)
        {
            builder.Append('\n');
        }

        builder.Append(region.Trim());
    }

    /// <summary>
    /// Ids to try, in order, for a new article: its own id; then, when another article holds that (two folders
    /// both have "001.txt"), the id with the first 8 hex digits of the text hash, which is the same in every store;
    /// then numbered variants of that.
    /// </summary>
    public static IEnumerable<string> CandidateIds(string id, string textHash)
    {
        id = string.IsNullOrWhiteSpace(id) ? "article" : id.Trim();
        yield return id;
        var hashed = $"{id}-{textHash[..8]}";
        yield return hashed;
        for (var n = 2; ; n++)
        {
            yield return $"{hashed}-{n.ToString(CultureInfo.InvariantCulture)}";
        }
    }

    /// <summary>Why a store would refuse the article, or null when it can be stored. The same on every backend, so
    /// an article stored in SQLite can move to PostgreSQL: PostgreSQL text cannot hold U+0000.</summary>
    public static string? Problem(ArticleJson article)
    {
        if (article.Text.Contains('\0', StringComparison.Ordinal))
        {
            return "text contains NUL characters (U+0000), which the store cannot hold";
        }

        string?[] metadata = [article.Id, article.Source, article.Outlet, article.Title, article.Url, article.Author];
        return metadata.Any(m => m?.Contains('\0', StringComparison.Ordinal) == true)
            ? "metadata contains NUL characters (U+0000), which the store cannot hold"
            : null;
    }
}
