using System.IO.Compression;
using Storyline.Ingest.Feeds;
using Storyline.Ingest.Html;
using Storyline.Ingest.Jsonl;
using Storyline.Ingest.Text;

namespace Storyline.Ingest;

/// <summary>Limits that keep one bad input from hurting the rest.</summary>
public sealed record IngestOptions
{
    /// <summary>A text or HTML file larger than this is reported, not read (news articles are kilobytes; 16 MiB is
    /// thousands of pages). Feeds and JSONL files hold many articles and get <see cref="MaxBatchFileBytes"/>.</summary>
    public long MaxArticleFileBytes { get; init; } = 16L << 20;

    public long MaxBatchFileBytes { get; init; } = 1L << 30;
}

/// <summary>
/// Turns paths (files or folders, folders read recursively in ordinal name order) into articles or errors, lazily
/// and in order. Dispatches on the extension; <c>.gz</c> files are decompressed first. Nothing here throws for bad
/// input: every problem comes back as a <see cref="ReadError"/> naming the input.
/// </summary>
public static class ArticleSource
{
    public static readonly IReadOnlyList<string> SupportedExtensions = [".txt", ".html", ".htm", ".xml", ".rss", ".atom", ".jsonl"];

    public static IEnumerable<ReadResult> Read(IEnumerable<string> paths, IngestOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new IngestOptions();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in FilesIn(path))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    foreach (var result in ReadFile(file, options))
                    {
                        yield return result;
                    }
                }
            }
            else if (File.Exists(path))
            {
                foreach (var result in ReadFile(path, options))
                {
                    yield return result;
                }
            }
            else
            {
                yield return new ReadError(path, "no such file or folder");
            }
        }
    }

    /// <summary>Files under a folder, recursively, in ordinal name order (so runs are repeatable everywhere);
    /// hidden files and folders (names starting with '.') are skipped.</summary>
    public static IEnumerable<string> FilesIn(string folder)
    {
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            entries = [];
        }

        foreach (var entry in entries)
        {
            if (Path.GetFileName(entry).StartsWith('.'))
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                foreach (var file in FilesIn(entry))
                {
                    yield return file;
                }
            }
            else
            {
                yield return entry;
            }
        }
    }

    private static IEnumerable<ReadResult> ReadFile(string path, IngestOptions options)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!SupportedExtensions.Contains(extension))
        {
            return [new ReadError(path, $"unsupported file type '{Path.GetExtension(path)}' (expected {string.Join(", ", SupportedExtensions)}, optionally .gz)")];
        }

        var batch = extension is ".jsonl" or ".xml" or ".rss" or ".atom";
        var limit = batch ? options.MaxBatchFileBytes : options.MaxArticleFileBytes;
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > limit)
            {
                return [new ReadError(path, $"file is {Megabytes(length)}, over the {Megabytes(limit)} limit for one {(batch ? "file" : "article")}")];
            }

            bytes = File.ReadAllBytes(path);
            if (!ReferenceEquals(name, path))
            {
                bytes = Gunzip(bytes, limit);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return [new ReadError(path, $"cannot read: {ex.Message}")];
        }

        if (bytes.Length == 0)
        {
            return [new ReadError(path, "empty file")];
        }

        return extension switch
        {
            ".txt" => [TextArticleReader.Read(path, bytes)],
            ".html" or ".htm" => [HtmlArticleReader.Read(path, bytes)],
            ".jsonl" => JsonlArticleReader.Read(path, bytes),
            _ => FeedArticleReader.Read(path, bytes),
        };
    }

    private static byte[] Gunzip(byte[] compressed, long limit)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            output.Write(buffer, 0, read);
            if (output.Length > limit)
            {
                throw new InvalidDataException($"decompresses to more than the {Megabytes(limit)} limit");
            }
        }

        return output.ToArray();
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MiB";
}
