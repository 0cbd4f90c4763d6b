using Storyline.Ingest.Boilerplate;
using Storyline.Ingest.Text;
using Storyline.Text;

namespace Storyline.Ingest.Tests;

public class HeaderAndBoilerplateTests
{
    [Fact]
    public void A_date_header_sharing_its_line_with_a_notice_ends_at_the_date()
    {
        const string text = " date 2025-03-05 This audio is created with AI assistance\n\nMinsk could be the best place.";
        var fields = HeaderParser.Parse(text, out var bodyStart);

        var field = Assert.Single(fields);
        Assert.Equal(("date", "2025-03-05"), (field.Key, field.Value));
        Assert.Equal("date 2025-03-05", text[field.Span.Start..field.Span.End]);
        Assert.Equal(16, bodyStart);
    }

    [Theory]
    [InlineData("title: Peskov says Minsk is the best place\nBody.", "title", "Peskov says Minsk is the best place")]
    [InlineData("outlet Kyiv Independent\nBody.", "outlet", "Kyiv Independent")]
    [InlineData("url https://example.org/a?b=1\nBody.", "url", "https://example.org/a?b=1")]
    [InlineData("Date: March 5, 2025\nBody.", "date", "March 5, 2025")]
    [InlineData("published 2025-03-05T10:00:00Z\nBody.", "date", "2025-03-05T10:00:00Z")]
    public void Header_lines_are_read_as_metadata(string text, string key, string value)
    {
        var field = Assert.Single(HeaderParser.Parse(text, out _));
        Assert.Equal((key, value), (field.Key, field.Value));
    }

    [Theory]
    [InlineData("Source code for the app leaked on Tuesday, officials said.")]
    [InlineData("Date night ideas are back.")]
    [InlineData("Title IX rules changed in 2024 after a long review of cases.")]
    [InlineData("url shorteners are popular")]
    public void A_first_sentence_that_starts_with_a_key_word_stays_news(string text) =>
        Assert.Empty(HeaderParser.Parse(text, out _));

    [Theory]
    [InlineData("This audio is created with AI assistance", "audio notice")]
    [InlineData("Disclaimer: This story has been published from a news agency feed with minimal edits.", "syndication disclaimer")]
    [InlineData("(This story has not been edited by HT staff and is auto-generated from a syndicated feed.)", "syndication disclaimer")]
    [InlineData("Follow us on Twitter and Facebook", "social prompt")]
    [InlineData("Sign up for our daily newsletter", "newsletter prompt")]
    [InlineData("We use cookies to improve your experience.", "cookie notice")]
    [InlineData("© 2025 Reuters. All rights reserved.", "rights notice")]
    [InlineData("Reporting by Jane Doe; Editing by John Roe", "reading aid")]
    public void Boilerplate_is_recognised_with_its_kind(string piece, string kind) =>
        Assert.Equal($"boilerplate: {kind}", BoilerplateDetector.Classify(piece));

    [Theory]
    [InlineData("The newsletter's founder said subscribers had doubled since the war began.")]
    [InlineData("Peskov said the idea of talks in Belarus had not been brought up.")]
    [InlineData("Cookies and pastries were served at the summit in Minsk.")]
    public void News_that_mentions_such_words_is_not_boilerplate(string piece) =>
        Assert.Null(BoilerplateDetector.Classify(piece));

    [Fact]
    public void A_trailing_disclaimer_is_marked_to_the_end_of_its_line()
    {
        const string text = "Minsk is our ally.\nDisclaimer: This story has been published from a news agency feed. The headline may have been changed.";
        var found = BoilerplateDetector.Find(text, new TextSpan(0, text.Length));

        var span = Assert.Single(found);
        Assert.Equal(text.IndexOf("Disclaimer", StringComparison.Ordinal), span.Span.Start);
        Assert.Equal(text.Length, span.Span.End);
    }
}

public class OutletFromDisclaimerTests
{
    [Theory]
    [InlineData("Disclaimer: This story has been published from a news agency feed with minimal edits to adhere to WION's style guide.", "WION")]
    [InlineData("(This story has not been edited by HT staff and is auto-generated from a syndicated feed.)", "HT")]
    [InlineData("Disclaimer: This story has been published from a news agency feed.", null)]
    public void A_syndication_disclaimer_names_the_republishing_outlet(string disclaimer, string? outlet) =>
        Assert.Equal(outlet, BoilerplateDetector.OutletNamedIn(disclaimer));
}
