using System.Text;
using Storyline.Ingest.Feeds;

namespace Storyline.Ingest.Tests;

public class FeedListTests
{
    [Fact]
    public void An_opml_file_gives_every_outline_with_an_xml_url_nested_or_not_in_order_without_repeats()
    {
        const string opml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><head><title>Subscriptions</title></head><body>
              <outline text="Wire" type="rss" xmlUrl="https://wire.example/rss.xml" htmlUrl="https://wire.example/"/>
              <outline text="Europe">
                <outline text="Kyiv" type="rss" xmlUrl="https://kyiv.example/feed"/>
                <outline text="Deeper"><outline text="Minsk" xmlUrl="http://minsk.example/atom.xml"/></outline>
              </outline>
              <outline text="Wire again" xmlUrl="https://wire.example/rss.xml"/>
              <outline text="Not a feed" htmlUrl="https://blog.example/"/>
            </body></opml>
            """;

        var list = FeedListReader.Read(opml);

        Assert.Equal(["https://wire.example/rss.xml", "https://kyiv.example/feed", "http://minsk.example/atom.xml"], list.Urls);
        Assert.Empty(list.Problems);
    }

    [Fact]
    public void A_text_file_gives_one_url_a_line_skipping_blanks_and_comments_and_naming_bad_lines()
    {
        var list = FeedListReader.Read("# news\nhttps://wire.example/rss.xml\r\n\n  http://minsk.example/atom.xml  \nfile:///etc/passwd\nnot a url\n");

        Assert.Equal(["https://wire.example/rss.xml", "http://minsk.example/atom.xml"], list.Urls);
        Assert.Equal(2, list.Problems.Count);
        Assert.StartsWith("line 5: 'file:///etc/passwd' uses file:", list.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("line 6: 'not a url' is not an absolute http or https URL", list.Problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_opml_file_with_an_external_entity_is_read_without_resolving_it()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "https://leaked.example/");
        try
        {
            var opml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY leak SYSTEM "file://{secret}">]>
                <opml version="2.0"><body><outline text="x" xmlUrl="https://wire.example/rss.xml"/><outline text="&leak;" xmlUrl="&leak;"/></body></opml>
                """;

            var list = FeedListReader.Read(opml);

            Assert.DoesNotContain(list.Urls, u => u.Contains("leaked", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void A_broken_opml_file_is_one_problem_keeping_the_urls_read_before_the_break()
    {
        var list = FeedListReader.Read("<opml><body><outline xmlUrl=\"https://wire.example/rss.xml\"/><outline xmlUrl=");

        Assert.Equal(["https://wire.example/rss.xml"], list.Urls);
        Assert.StartsWith("not a readable OPML file", Assert.Single(list.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://wire.example/rss.xml", true)]
    [InlineData("HTTP://WIRE.EXAMPLE/rss", true)]
    [InlineData("ftp://wire.example/rss.xml", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("/tmp/feed.xml", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("wire.example/rss.xml", false)]
    public void Only_absolute_http_and_https_urls_are_fetched(string text, bool fetched) =>
        Assert.Equal(fetched, FeedFetcher.TryParseUrl(text, out _, out _));

    [Fact]
    public void A_feed_without_an_encoding_declaration_is_decoded_with_the_charset_the_server_named()
    {
        var xml = "<rss version=\"2.0\"><channel><title>Caf\u00e9</title><item><title>T</title><description>Le caf\u00e9 a rouvert lundi.</description></item></channel></rss>";

        var read = Assert.IsType<ArticleRead>(Assert.Single(FeedArticleReader.Read("https://x.example/rss", Encoding.Latin1.GetBytes(xml), "iso-8859-1")));

        Assert.Contains("caf\u00e9 a rouvert", read.Article.Text, StringComparison.Ordinal);
        Assert.Equal("Caf\u00e9", read.Article.Metadata.Outlet);
    }
}
