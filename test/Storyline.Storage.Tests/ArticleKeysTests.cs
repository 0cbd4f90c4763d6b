using Storyline.Output;
using static Storyline.Storage.Tests.TestArticles;

namespace Storyline.Storage.Tests;

public sealed class ArticleKeysTests
{
    [Theory]
    [InlineData("Minsk  is\tthe\n\nbest place", "minsk is the best place")]
    [InlineData("  MINSK  ", "minsk")]
    [InlineData("Ünïcödé ÀB", "ünïcödé àb")]
    [InlineData("", "")]
    public void Normalising_collapses_whitespace_trims_and_folds_case(string text, string expected) =>
        Assert.Equal(expected, ArticleKeys.Normalise(text));

    [Fact]
    public void The_text_hash_ignores_whitespace_case_and_ignored_spans_but_not_words()
    {
        const string Header = "title Talks\n\n";
        var plain = Make("a", "Minsk is the best place.");
        var shouted = Make("b", "MINSK is  the best\nplace.");
        var headed = Make("c", Header + "Minsk is the best place.", ignored: [new IgnoredJson(0, Header.Length, "header")]);
        var other = Make("d", "Minsk is the worst place.");

        Assert.Equal(ArticleKeys.TextHash(plain), ArticleKeys.TextHash(shouted));
        Assert.Equal(ArticleKeys.TextHash(plain), ArticleKeys.TextHash(headed));
        Assert.NotEqual(ArticleKeys.TextHash(plain), ArticleKeys.TextHash(other));
        Assert.Matches("^[0-9a-f]{64}$", ArticleKeys.TextHash(plain));
    }

    [Fact]
    public void Articles_that_are_all_boilerplate_hash_their_whole_text_and_stay_apart()
    {
        var first = Make("a", "Listen to this article.", ignored: [new IgnoredJson(0, 23, "boilerplate: audio")]);
        var second = Make("b", "Follow us on social media.", ignored: [new IgnoredJson(0, 26, "boilerplate: social")]);

        Assert.NotEqual(ArticleKeys.TextHash(first), ArticleKeys.TextHash(second));
    }

    [Theory]
    [InlineData("https://Example.ORG/News/1#comments", "https://example.org/News/1")]
    [InlineData("http://example.org:80/a?b=1", "http://example.org/a?b=1")]
    [InlineData("https://example.org:8443/a", "https://example.org:8443/a")]
    [InlineData("  urn:uuid:1234  ", "urn:uuid:1234")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Urls_are_matched_without_host_case_default_port_or_fragment(string? url, string? expected) =>
        Assert.Equal(expected, ArticleKeys.NormaliseUrl(url));

    [Fact]
    public void The_body_is_the_text_outside_ignored_spans_one_region_per_line()
    {
        var article = Make("a", "date 2025-03-05\nListen to this. Minsk is best. Follow us.",
            ignored: [new IgnoredJson(16, 32, "boilerplate: audio"), new IgnoredJson(0, 16, "header"), new IgnoredJson(47, 57, "boilerplate: social")]);

        Assert.Equal("Minsk is best.", ArticleKeys.Body(article));
        Assert.Equal("a\nc", ArticleKeys.Body(Make("b", "a b c", ignored: [new IgnoredJson(1, 4, "boilerplate: x")])));
    }

    [Fact]
    public void Candidate_ids_start_with_the_own_id_then_add_the_text_hash()
    {
        var candidates = ArticleKeys.CandidateIds("001", "abcdef0123456789").Take(4);

        Assert.Equal(["001", "001-abcdef01", "001-abcdef01-2", "001-abcdef01-3"], candidates);
        Assert.Equal("article", ArticleKeys.CandidateIds(" ", "abcdef0123456789").First());
    }
}
