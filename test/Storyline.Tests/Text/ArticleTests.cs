using Storyline.Text;

namespace Storyline.Tests.Text;

public class ArticleTests
{
    [Fact]
    public void Content_regions_are_the_text_between_ignored_spans()
    {
        var article = new Article
        {
            Id = "a",
            Text = "HEAD body text TAIL",
            Metadata = new ArticleMetadata { Source = "t" },
            Ignored = [new IgnoredSpan(new TextSpan(0, 4), "header"), new IgnoredSpan(new TextSpan(15, 19), "boilerplate: x")],
        };

        Assert.Equal([new TextSpan(4, 15)], article.ContentRegions());
        Assert.Equal(" body text ", article.Slice(new TextSpan(4, 15)).ToString());
    }

    [Theory]
    [InlineData(0, 5, 4, 6, true)]
    [InlineData(0, 5, 5, 6, false)]
    [InlineData(3, 4, 0, 3, false)]
    public void Half_open_spans_overlap_only_when_they_share_a_character(int s1, int e1, int s2, int e2, bool overlap) =>
        Assert.Equal(overlap, new TextSpan(s1, e1).Overlaps(new TextSpan(s2, e2)));

    [Fact]
    public void Spans_sort_by_start_then_end() =>
        Assert.Equal([new TextSpan(0, 2), new TextSpan(0, 3), new TextSpan(1, 2)],
            new[] { new TextSpan(1, 2), new TextSpan(0, 3), new TextSpan(0, 2) }.Order());
}
