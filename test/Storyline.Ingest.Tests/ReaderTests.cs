using System.Text;
using Storyline.Ingest.Feeds;
using Storyline.Ingest.Jsonl;
using Storyline.Ingest.Text;
using Storyline.Pipeline;
using Storyline.Text;

namespace Storyline.Ingest.Tests;

public class ReaderTests
{
    private static Article ArticleOf(ReadResult result)
    {
        var read = Assert.IsType<ArticleRead>(result);
        Assert.Empty(ArticleInvariants.Check(read.Article));
        return read.Article;
    }

    [Fact]
    public void A_text_file_keeps_its_text_unchanged_and_its_header_as_metadata()
    {
        const string text = "title: Talks in Minsk\noutlet: Example News\ndate 2025-03-05\n\nMinsk could host talks.";
        var article = ArticleOf(TextArticleReader.Read("a/b/talks.txt", Encoding.UTF8.GetBytes(text)));

        Assert.Equal(text, article.Text);
        Assert.Equal("talks", article.Id);
        Assert.Equal(("Talks in Minsk", "Example News"), (article.Metadata.Title, article.Metadata.Outlet));
        Assert.Equal((new DateOnly(2025, 3, 5), PublishedFrom.Metadata), (article.Metadata.Published, article.Metadata.PublishedFrom));
        Assert.Equal(3, article.Ignored.Count(i => i.Reason == "header"));
        Assert.Equal([new TextSpan(58, text.Length)], article.ContentRegions().Select(r => r).Where(r => !article.Slice(r).IsWhiteSpace()));
    }

    [Fact]
    public void A_byte_order_mark_is_read_and_not_part_of_the_text()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Body text.")).ToArray();
        Assert.Equal("Body text.", ArticleOf(TextArticleReader.Read("bom.txt", bytes)).Text);
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Kyiv said no.")).ToArray();
        Assert.Equal("Kyiv said no.", ArticleOf(TextArticleReader.Read("utf16.txt", bytes)).Text);
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_byte_offset()
    {
        var bytes = Encoding.UTF8.GetBytes("Valid start, then ").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(" more.")).ToArray();
        var error = Assert.IsType<ReadError>(TextArticleReader.Read("bad.txt", bytes));
        Assert.Equal("bad.txt", error.Source);
        Assert.Contains("not valid utf-8 at byte 18", error.Error);
    }

    [Fact]
    public void A_binary_file_is_reported()
    {
        var error = Assert.IsType<ReadError>(TextArticleReader.Read("x.txt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00]));
        Assert.Contains("binary", error.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  \t")]
    [InlineData("date 2025-03-05\n")]
    [InlineData("This audio is created with AI assistance")]
    public void A_file_with_nothing_to_analyse_is_reported(string text) =>
        Assert.IsType<ReadError>(TextArticleReader.Read("empty.txt", Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void A_broken_jsonl_line_costs_only_that_line()
    {
        const string jsonl = """
            {"id": "a", "text": "First article.", "outlet": "AFP", "published": "2025-03-05"}
            {"id": "b", "text": "unterminated
            {"id": "c", "text": ""}
            {"text": "no id"}

            {"id": "d", "text": "Fourth \"quoted\" article.\u2019", "url": "https://example.org/d"}
            """;
        var results = JsonlArticleReader.Read("feed.jsonl", Encoding.UTF8.GetBytes(jsonl)).ToList();

        Assert.Equal(["a", "d"], results.OfType<ArticleRead>().Select(r => r.Article.Id));
        Assert.Equal(["feed.jsonl:2", "feed.jsonl:3", "feed.jsonl:4"], results.OfType<ReadError>().Select(e => e.Source));
        var d = results.OfType<ArticleRead>().Last().Article;
        Assert.Equal("Fourth \"quoted\" article.\u2019", d.Text);
        Assert.Equal(new DateOnly(2025, 3, 5), results.OfType<ArticleRead>().First().Article.Metadata.Published);
    }

    [Fact]
    public void An_rss_feed_gives_one_article_per_item_with_its_html_turned_into_text()
    {
        const string rss = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel><title>Example Wire</title><link>https://example.org</link><description>d</description>
                <item><title>Talks &amp; truce</title><link>https://example.org/1</link><guid>item-1</guid>
                  <pubDate>Wed, 05 Mar 2025 10:00:00 GMT</pubDate><description>Short teaser.</description>
                  <content:encoded><![CDATA[<p>Minsk is <b>the best</b> place.</p><p>Peskov said so.</p><script>alert(1)</script>]]></content:encoded></item>
                <item><title>Broken date</title><link>https://example.org/2</link><pubDate>yesterday-ish</pubDate>
                  <description>&lt;p&gt;Second item text.&lt;/p&gt;</description></item>
                <item><title>Nothing inside</title><link>https://example.org/3</link></item>
              </channel>
            </rss>
            """;
        var results = FeedArticleReader.Read("wire.rss", Encoding.UTF8.GetBytes(rss)).ToList();

        var first = ArticleOf(results[0]);
        Assert.Equal("item-1", first.Id);
        Assert.Equal("Minsk is the best place.\n\nPeskov said so.", first.Text);
        Assert.Equal(("Talks & truce", "Example Wire", "https://example.org/1"), (first.Metadata.Title, first.Metadata.Outlet, first.Metadata.Url));
        Assert.Equal(new DateOnly(2025, 3, 5), first.Metadata.Published);

        var second = ArticleOf(results[1]);
        Assert.Equal("Second item text.", second.Text);
        Assert.Null(second.Metadata.Published);

        Assert.Equal("wire.rss#item3", Assert.IsType<ReadError>(results[2]).Source);
    }

    [Fact]
    public void An_atom_feed_is_read()
    {
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><id>urn:x</id><updated>2025-03-05T00:00:00Z</updated>
              <entry><title>One</title><id>urn:one</id><updated>2025-03-04T08:00:00Z</updated><published>2025-03-04T08:00:00Z</published>
                <link href="https://example.org/one"/><content type="html">&lt;p&gt;Atom body.&lt;/p&gt;</content></entry>
            </feed>
            """;
        var article = ArticleOf(Assert.Single(FeedArticleReader.Read("news.atom", Encoding.UTF8.GetBytes(atom))));
        Assert.Equal(("urn:one", "Atom body.", "Atom News"), (article.Id, article.Text, article.Metadata.Outlet));
        Assert.Equal(new DateOnly(2025, 3, 4), article.Metadata.Published);
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel><title>x</title><item><title>a</title>")]
    [InlineData("<html><body>not a feed</body></html>")]
    [InlineData("{\"json\": true}")]
    public void A_broken_feed_is_one_error(string xml)
    {
        var error = Assert.IsType<ReadError>(Assert.Single(FeedArticleReader.Read("broken.xml", Encoding.UTF8.GetBytes(xml))));
        Assert.Equal("broken.xml", error.Source);
    }
}
