using Storyline.Ingest.Html;

namespace Storyline.Ingest.Tests.Html;

public class HtmlTextTests
{
    [Theory]
    [InlineData("<p>One</p><p>Two</p>", "One\n\nTwo")]
    [InlineData("<p>Line one<br>line two</p>", "Line one\nline two")]
    [InlineData("<ul><li>a</li><li>b</li></ul><p>after</p>", "a\nb\n\nafter")]
    [InlineData("<table><tr><th>Pos</th><th>Driver</th></tr><tr><td>1</td><td>Kyle Busch</td></tr></table>", "Pos Driver\n1 Kyle Busch")]
    [InlineData("<p>  spaced   <b>out</b>\n text </p>", "spaced out text")]
    [InlineData("<p>a<script>alert(1)</script>b<style>p{}</style></p>", "ab")]
    [InlineData("<p>bell\u0007 here</p>", "bell here")]
    public void Blocks_become_paragraphs_and_rows_become_lines(string html, string text)
    {
        Assert.Equal(text, HtmlText.ToPlainText(html));
    }
}
