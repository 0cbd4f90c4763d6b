using System.IO.Compression;
using System.Text;
using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Ingest.Tests;

public sealed class ArticleSourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("storyline-ingest-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    private string Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Folders_are_read_recursively_in_name_order()
    {
        Write("b.txt", "B.");
        Write("a/z.txt", "AZ.");
        Write("a/b.txt", "AB.");
        Write("C.txt", "C.");
        Write(".hidden/x.txt", "hidden.");

        var ids = ArticleSource.Read([_folder]).OfType<ArticleRead>().Select(r => r.Article.Id);
        Assert.Equal(["C", "b", "z", "b"], ids);
    }

    [Fact]
    public void Every_bad_input_is_reported_by_name_and_the_good_ones_are_still_read()
    {
        Write("01-good.txt", "Minsk could host talks.");
        Write("02-binary.txt", [0x00, 0x01, 0x02, 0x03]);
        Write("03-invalid.txt", [0x41, 0xFF, 0x42]);
        Write("04-empty.txt", []);
        Write("05-broken.rss", "<rss><channel><item>");
        Write("06-lines.jsonl", "{\"id\":\"j1\",\"text\":\"Line one.\"}\nnot json\n");
        Write("07-notes.md", "# not an article");
        Write("08-truncated.html", "<html><head><title>Cut</title></head><body><p>Kremlin spokesman Dmitry Peskov said Minsk was the best place for negotiations between");
        Write("09-good.txt", "Kyiv said no.");

        var results = ArticleSource.Read([_folder, Path.Combine(_folder, "missing.txt")]).ToList();

        var read = results.OfType<ArticleRead>().Select(r => r.Article.Id).ToList();
        Assert.Contains("01-good", read);
        Assert.Contains("j1", read);
        Assert.Contains("09-good", read);
        var errors = results.OfType<ReadError>().ToDictionary(e => Path.GetFileName(e.Source), e => e.Error);
        Assert.Contains("binary", errors["02-binary.txt"]);
        Assert.Contains("not valid utf-8 at byte 1", errors["03-invalid.txt"]);
        Assert.Equal("empty file", errors["04-empty.txt"]);
        Assert.Contains("RSS", errors["05-broken.rss"]);
        Assert.Contains("not valid JSON", errors["06-lines.jsonl:2"]);
        Assert.Contains("unsupported file type '.md'", errors["07-notes.md"]);
        Assert.Equal("no such file or folder", errors["missing.txt"]);
        // Truncated HTML is either read or reported, never thrown.
        Assert.True(read.Contains("08-truncated") || errors.ContainsKey("08-truncated.html"));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_reported_without_being_read()
    {
        var big = Write("big.txt", new string('a', 1000));
        var result = Assert.Single(ArticleSource.Read([big], new IngestOptions { MaxArticleFileBytes = 999 }));
        Assert.Contains("over the", Assert.IsType<ReadError>(result).Error);
    }

    [Fact]
    public void A_50_megabyte_text_file_is_reported_and_the_batch_goes_on()
    {
        var path = Path.Combine(_folder, "huge.txt");
        using (var stream = File.Create(path))
        {
            var line = Encoding.UTF8.GetBytes("Minsk could be the best place to host talks, Peskov said. ");
            for (long written = 0; written < 50L << 20; written += line.Length)
            {
                stream.Write(line);
            }
        }

        Write("small.txt", "Kyiv said no.");
        var results = ArticleSource.Read([_folder]).ToList();
        Assert.Contains("50 MiB, over the 16 MiB limit", Assert.IsType<ReadError>(results[0]).Error);
        Assert.Equal("small", Assert.IsType<ArticleRead>(results[1]).Article.Id);
    }

    [Fact]
    public void A_folder_of_2000_files_is_read_whole()
    {
        for (var i = 0; i < 2000; i++)
        {
            Write($"f{i:D4}.txt", $"Article number {i} says Minsk is the best place.");
        }

        var results = ArticleSource.Read([_folder]).ToList();
        Assert.Equal(2000, results.OfType<ArticleRead>().Count());
        Assert.Equal("f0000", ((ArticleRead)results[0]).Article.Id);
        Assert.Equal("f1999", ((ArticleRead)results[^1]).Article.Id);
    }

    [Fact]
    public void Gzipped_files_are_read_by_their_inner_extension()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("Compressed article."));
        }

        var path = Write("story.txt.gz", buffer.ToArray());
        var article = Assert.IsType<ArticleRead>(Assert.Single(ArticleSource.Read([path]))).Article;
        Assert.Equal(("story", "Compressed article."), (article.Id, article.Text));
    }

    [SkippableFact]
    public void The_first_seed_has_its_date_from_the_header_and_the_header_and_audio_notice_ignored()
    {
        var article = Assert.IsType<ArticleRead>(Assert.Single(ArticleSource.Read([TestData.Seed("000_")]))).Article;

        Assert.Equal(new DateOnly(2025, 3, 5), article.Metadata.Published);
        Assert.Equal(PublishedFrom.Metadata, article.Metadata.PublishedFrom);
        Assert.Equal(File.ReadAllText(TestData.Seed("000_")), article.Text);
        Assert.Collection(article.Ignored,
            header => Assert.Equal(("header", "date 2025-03-05"), (header.Reason, article.Slice(header.Span).ToString())),
            audio => Assert.Equal(("boilerplate: audio notice", "This audio is created with AI assistance"), (audio.Reason, article.Slice(audio.Span).ToString())));
        var body = article.ContentRegions().First(r => !article.Slice(r).IsWhiteSpace());
        Assert.StartsWith("Minsk could be the best place", article.Slice(body).Trim().ToString());
    }

    [SkippableFact]
    public void The_second_seed_has_no_date_and_its_disclaimer_ignored()
    {
        var article = Assert.IsType<ArticleRead>(Assert.Single(ArticleSource.Read([TestData.Seed("002_")]))).Article;

        Assert.Null(article.Metadata.Published);
        var disclaimer = Assert.Single(article.Ignored);
        Assert.Equal("boilerplate: syndication disclaimer", disclaimer.Reason);
        Assert.StartsWith("Disclaimer: This story has been published from a news agency feed", article.Slice(disclaimer.Span).ToString());
        Assert.Equal(article.Text.TrimEnd().Length, disclaimer.Span.End);
    }
}
