using Storyline.Pipeline;
using Storyline.Quotes;
using Storyline.Sentences;
using Storyline.Text;
using Storyline.Tokens;

namespace Storyline.Tests.Pipeline;

public class ArticleInvariantsTests
{
    private const string Text = "Hello world. Bye now.";

    private static Article Valid() => new()
    {
        Id = "a",
        Text = Text,
        Metadata = new ArticleMetadata { Source = "test" },
        Tokens =
        [
            new Token(new TextSpan(0, 5), TokenKind.Word), new Token(new TextSpan(6, 11), TokenKind.Word),
            new Token(new TextSpan(11, 12), TokenKind.Punctuation), new Token(new TextSpan(13, 16), TokenKind.Word),
            new Token(new TextSpan(17, 20), TokenKind.Word), new Token(new TextSpan(20, 21), TokenKind.Punctuation),
        ],
        Sentences = [new Sentence(new TextSpan(0, 12), 0, 3), new Sentence(new TextSpan(13, 21), 3, 3)],
    };

    [Fact]
    public void A_well_formed_article_has_no_problems() => Assert.Empty(ArticleInvariants.Check(Valid()));

    [Fact]
    public void A_span_past_the_end_of_the_text_is_reported()
    {
        var article = Valid() with { Sentences = [new Sentence(new TextSpan(0, 12), 0, 3), new Sentence(new TextSpan(13, 99), 3, 3)] };
        Assert.Contains(ArticleInvariants.Check(article), p => p.Contains("outside the text"));
    }

    [Fact]
    public void Unsorted_tokens_are_reported()
    {
        var article = Valid();
        article = article with { Tokens = [article.Tokens[1], article.Tokens[0], .. article.Tokens[2..]] };
        Assert.Contains(ArticleInvariants.Check(article), p => p.Contains("not sorted"));
    }

    [Fact]
    public void A_token_outside_its_sentence_is_reported()
    {
        var article = Valid() with { Sentences = [new Sentence(new TextSpan(0, 11), 0, 3), new Sentence(new TextSpan(13, 21), 3, 3)] };
        Assert.Contains(ArticleInvariants.Check(article), p => p.Contains("not inside sentences[0]"));
    }

    [Fact]
    public void Tokens_left_out_of_every_sentence_are_reported()
    {
        var article = Valid() with { Sentences = [new Sentence(new TextSpan(0, 12), 0, 3)] };
        Assert.Contains(ArticleInvariants.Check(article), p => p.Contains("after the last sentence"));
    }

    [Fact]
    public void Analysis_inside_ignored_text_is_reported()
    {
        var article = Valid() with { Ignored = [new IgnoredSpan(new TextSpan(13, 21), "boilerplate: test")] };
        Assert.Contains(ArticleInvariants.Check(article), p => p.Contains("overlaps ignored text"));
    }

    [Fact]
    public void A_speaker_missing_from_the_entities_is_reported()
    {
        var article = Valid() with { Quotes = [new Quote(new TextSpan(0, 12), true, "nobody", null, "said", "test")] };
        Assert.Contains(ArticleInvariants.Check(article), p => p.Contains("speaker 'nobody'"));
    }
}
