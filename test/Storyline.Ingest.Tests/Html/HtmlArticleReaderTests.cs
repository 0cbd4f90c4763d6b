using System.IO.Compression;
using System.Text;
using Storyline.Ingest.Html;
using Storyline.Text;

namespace Storyline.Ingest.Tests.Html;

public class HtmlArticleReaderTests
{
    private const string Paragraphs = """
        <p>The city council voted on Tuesday to expand the bus network to the northern suburbs, a plan debated for years.</p>
        <p>Supporters said the new routes would cut commuting times by a third for thousands of residents who now drive.</p>
        <p>Opponents warned that the cost, estimated at forty million dollars, would fall on taxpayers who never ride a bus.</p>
        <p>The first new line is expected to open next spring, the transport department said in a statement after the vote.</p>
        <p>Council members also asked for a review of fares, which have not changed since the network was last extended.</p>
        """;

    private static string Page(string head, string body = Paragraphs) =>
        $"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>";

    private static Article ReadArticle(string html, string source = "/data/pages/council-vote.html")
    {
        var result = HtmlArticleReader.Read(source, Encoding.UTF8.GetBytes(html));
        var read = Assert.IsType<ArticleRead>(result);
        return read.Article;
    }

    [Fact]
    public void Reads_metadata_from_json_ld()
    {
        var article = ReadArticle(Page("""
            <title>Ignored page title | Example</title>
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example"},
             {"@type":"NewsArticle","headline":"Council expands bus network","datePublished":"2024-03-07T18:30:00-05:00",
              "author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Tom Lee"}],
              "publisher":{"@type":"Organization","name":"The Example Times"},
              "mainEntityOfPage":{"@id":"https://example.com/news/bus-network"}}]}
            </script>
            """));

        Assert.Equal("Council expands bus network", article.Metadata.Title);
        Assert.Equal("Ana Ruiz, Tom Lee", article.Metadata.Author);
        Assert.Equal("The Example Times", article.Metadata.Outlet);
        // The date as the page wrote it: 18:30 in New York is already the 8th in UTC, but the story is from the 7th.
        Assert.Equal(new DateOnly(2024, 3, 7), article.Metadata.Published);
        Assert.Equal(PublishedFrom.Metadata, article.Metadata.PublishedFrom);
        Assert.Equal("https://example.com/news/bus-network", article.Metadata.Url);
    }

    [Fact]
    public void Reads_metadata_from_open_graph()
    {
        var article = ReadArticle(Page("""
            <meta property="og:title" content="Council expands bus network">
            <meta property="og:site_name" content="Example Daily">
            <meta property="og:url" content="https://example.org/2024/bus">
            <meta property="article:published_time" content="2024-03-07">
            <meta property="article:author" content="https://example.org/staff/ana">
            """));

        Assert.Equal("Council expands bus network", article.Metadata.Title);
        Assert.Equal("Example Daily", article.Metadata.Outlet);
        Assert.Equal("https://example.org/2024/bus", article.Metadata.Url);
        Assert.Equal(new DateOnly(2024, 3, 7), article.Metadata.Published);
        // article:author is often a profile URL, which is not a name.
        Assert.Null(article.Metadata.Author);
    }

    [Fact]
    public void Reads_metadata_from_named_meta_tags_and_canonical_link()
    {
        var article = ReadArticle(Page("""
            <title>Council expands bus network</title>
            <meta name="author" content="Ana Ruiz">
            <meta name="pubdate" content="20240307">
            <link rel="canonical" href="https://example.net/bus">
            <meta property="og:url" content="https://example.net/bus?utm=feed">
            """));

        Assert.Equal("Council expands bus network", article.Metadata.Title);
        Assert.Equal("Ana Ruiz", article.Metadata.Author);
        Assert.Equal(new DateOnly(2024, 3, 7), article.Metadata.Published);
        Assert.Equal("https://example.net/bus", article.Metadata.Url);
    }

    [Fact]
    public void Reads_the_date_from_a_time_element_when_nothing_else_has_one()
    {
        var article = ReadArticle(Page("<title>Bus network</title>",
            "<p>Posted <time datetime=\"2023-11-19T08:00:00Z\">yesterday</time></p>" + Paragraphs));

        Assert.Equal(new DateOnly(2023, 11, 19), article.Metadata.Published);
        Assert.Equal(PublishedFrom.Metadata, article.Metadata.PublishedFrom);
    }

    [Fact]
    public void Has_no_date_when_the_page_gives_none()
    {
        var article = ReadArticle(Page("<title>Bus network</title>"));

        Assert.Null(article.Metadata.Published);
        Assert.Equal(PublishedFrom.None, article.Metadata.PublishedFrom);
    }

    [Fact]
    public void Body_is_plain_text_paragraphs_separated_by_a_blank_line()
    {
        var article = ReadArticle(Page("<title>Bus network</title>"));

        var paragraphs = article.Text.Split("\n\n");
        Assert.Equal(5, paragraphs.Length);
        Assert.StartsWith("The city council voted on Tuesday", paragraphs[0], StringComparison.Ordinal);
        Assert.DoesNotContain("<", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decodes_the_charset_a_meta_tag_declares()
    {
        var html = Page("<meta charset=\"windows-1252\"><title>Caf\u00e9 society</title>",
            "<p>The caf\u00e9 on the corner re-opened on Monday after a r\u00e9novation that took most of the winter months.</p>" + Paragraphs);
        var bytes = CodePagesEncoding(1252).GetBytes(html);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));

        var article = Assert.IsType<ArticleRead>(HtmlArticleReader.Read("cafe.html", bytes)).Article;

        Assert.Contains("The caf\u00e9 on the corner", article.Text, StringComparison.Ordinal);
        Assert.Equal("Caf\u00e9 society", article.Metadata.Title);
    }

    [Fact]
    public void Decodes_the_charset_of_an_http_equiv_content_type()
    {
        var html = Page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><title>x</title>",
            "<p>The na\u00efve plan was dropped within a week of its announcement by the mayor's office.</p>" + Paragraphs);

        var article = Assert.IsType<ArticleRead>(HtmlArticleReader.Read("x.html", Encoding.Latin1.GetBytes(html))).Article;

        Assert.Contains("na\u00efve plan", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_invalid_utf8_with_its_byte_offset()
    {
        var prefix = Encoding.UTF8.GetBytes(Page("<title>x</title>")[..60]);
        byte[] bytes = [.. prefix, 0xC3, 0x28, .. Encoding.UTF8.GetBytes("rest</p></body></html>")];

        var error = Assert.IsType<ReadError>(HtmlArticleReader.Read("broken.html", bytes));

        Assert.Contains($"at byte {prefix.Length}", error.Error, StringComparison.Ordinal);
        Assert.Contains("broken.html", error.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_html_still_gives_the_text_it_has()
    {
        var html = Page("<title>Bus network</title>");
        var truncated = html[..(html.IndexOf("Council members", StringComparison.Ordinal) + 20)];

        var result = HtmlArticleReader.Read("truncated.html", Encoding.UTF8.GetBytes(truncated));

        var article = Assert.IsType<ArticleRead>(result).Article;
        Assert.Contains("The first new line is expected to open next spring", article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><head><title>Nothing here</title></head><body></body></html>")]
    [InlineData("<html><body><div><span>   </span></div></body></html>")]
    [InlineData("<<<<>>>>&&&&&\u0001\u0002")]
    [InlineData("<html><body><script>var x = 1;</script></body>")]
    public void A_page_without_readable_text_is_an_error_that_names_the_source(string html)
    {
        var error = Assert.IsType<ReadError>(HtmlArticleReader.Read("/in/empty.html", Encoding.UTF8.GetBytes(html)));

        Assert.Equal("no article body found in /in/empty.html", error.Error);
        Assert.Equal("/in/empty.html", error.Source);
    }

    [Fact]
    public void Script_text_never_reaches_the_body()
    {
        var article = ReadArticle(Page("<title>x</title><script>alert(0)</script>",
            "<p>First.<script>alert(1)</script> The council met.</p>" + Paragraphs + "<script>alert(2)</script>"));

        Assert.DoesNotContain("alert", article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/data/html/0a1b2c.html.gz", "0a1b2c")]
    [InlineData("/data/html/story.html", "story")]
    [InlineData("story.htm", "story")]
    [InlineData("C:/pages/report.2024.html", "report.2024")]
    public void Article_id_is_the_file_name_without_its_extensions(string source, string id)
    {
        Assert.Equal(id, HtmlArticleReader.IdFrom(source));
    }

    [Fact]
    public void Reads_gzip_compressed_pages()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Page("<title>Bus network</title>")));
        }

        var article = Assert.IsType<ArticleRead>(HtmlArticleReader.Read("/p/abc.html.gz", buffer.ToArray())).Article;

        Assert.Equal("abc", article.Id);
        Assert.Equal("/p/abc.html.gz", article.Metadata.Source);
        Assert.Contains("bus network to the northern suburbs", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Drops_captions_bylines_and_related_links_but_keeps_the_story()
    {
        var article = ReadArticle(Page("<title>Council expands bus network - Example</title>", $"""
            <h1>Council expands bus network</h1>
            <div class="byline">By Ana Ruiz</div>
            <figure><img src="bus.jpg"><figcaption>A bus in the northern suburbs. Photo: Example</figcaption></figure>
            {Paragraphs}
            <p>Advertisement</p>
            <ul><li><a href="/a">Trains are late again</a></li><li><a href="/b">New mayor sworn in</a></li><li><a href="/c">Weather: snow ahead</a></li></ul>
            """));

        Assert.StartsWith("The city council voted on Tuesday", article.Text, StringComparison.Ordinal);
        Assert.EndsWith("since the network was last extended.", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Falls_back_to_the_json_ld_body_when_the_markup_has_little_text()
    {
        var body = string.Join(" ", Enumerable.Repeat("The council approved the plan after a long debate.", 12));
        var html = Page($$"""
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Plan approved","articleBody":"{{body}}"}</script>
            """, "<div id=\"app\"><p>Loading the story, please wait while the page gets ready for you to read it.</p></div>");

        var article = Assert.IsType<ArticleRead>(HtmlArticleReader.Read("app.html", Encoding.UTF8.GetBytes(html))).Article;

        Assert.Equal(body, article.Text);
    }

    [Fact]
    public void Invariants_hold_for_a_read_article()
    {
        var article = ReadArticle(Page("<title>x</title>"));

        Assert.Empty(Storyline.Pipeline.ArticleInvariants.Check(article));
    }

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
