using Storyline.Pipeline;
using Storyline.Sentences;
using Storyline.Text;

namespace Storyline.Tests.Sentences;

public class SentenceSplitterTests
{
    private static Article Analyse(string text, params IgnoredSpan[] ignored)
    {
        var article = new Article
        {
            Id = "test",
            Text = text,
            Metadata = new ArticleMetadata { Source = "test" },
            Ignored = [.. ignored],
        };
        var analysed = new SentenceStage().Process(article, CancellationToken.None);
        Assert.Empty(ArticleInvariants.Check(analysed));
        return analysed;
    }

    private static string Sentences(string text)
    {
        var article = Analyse(text);
        return string.Join(" ‖ ", article.Sentences.Select(s => text[s.Span.Start..s.Span.End]));
    }

    [Theory]
    [InlineData("U.S. officials said talks would resume. They gave no date.",
        "U.S. officials said talks would resume. ‖ They gave no date.")]
    [InlineData("The U.S. also voted alongside Russia on Feb. 24 against a U.N. resolution. It failed.",
        "The U.S. also voted alongside Russia on Feb. 24 against a U.N. resolution. ‖ It failed.")]
    [InlineData("Mr. Smith met Dr. Jones and Gen. Lee in St. Louis. They spoke.",
        "Mr. Smith met Dr. Jones and Gen. Lee in St. Louis. ‖ They spoke.")]
    [InlineData("He said U.S. President Donald Trump would come.", "He said U.S. President Donald Trump would come.")]
    [InlineData("J. K. Rowling spoke at 10 a.m. on Tuesday.", "J. K. Rowling spoke at 10 a.m. on Tuesday.")]
    [InlineData("It ranked No. 5 last year.", "It ranked No. 5 last year.")]
    public void Does_not_end_sentences_at_abbreviations_inside_them(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Aid was paused by the U.S. The talks went on.", "Aid was paused by the U.S. ‖ The talks went on.")]
    [InlineData("It was founded by Acme Inc. But it failed.", "It was founded by Acme Inc. ‖ But it failed.")]
    [InlineData("They moved to the U.S. \"We had to,\" she said.", "They moved to the U.S. ‖ \"We had to,\" she said.")]
    public void Ends_a_sentence_at_an_abbreviation_before_a_sentence_starting_word(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("\"It is our main ally,\" Peskov said. He went on.", "\"It is our main ally,\" Peskov said. ‖ He went on.")]
    [InlineData("\"Minsk is the best place.\" He went on.", "\"Minsk is the best place.\" ‖ He went on.")]
    [InlineData("“Minsk is our ally.” He went on.", "“Minsk is our ally.” ‖ He went on.")]
    [InlineData("\"Why?\" he asked. Nobody knew.", "\"Why?\" he asked. ‖ Nobody knew.")]
    [InlineData("\"Come,\" he declared. \"It is a brilliant idea.\"", "\"Come,\" he declared. ‖ \"It is a brilliant idea.\"")]
    [InlineData("\"Tell Trump! We are ready,\" he said.", "\"Tell Trump! ‖ We are ready,\" he said.")]
    [InlineData("\"O Hercules! if you will not help me,\" he said.", "\"O Hercules! if you will not help me,\" he said.")]
    public void Ends_sentences_inside_and_after_quotes(string text, string expected) => Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Growth was 3.5 percent. Prices rose 1,000 points.", "Growth was 3.5 percent. ‖ Prices rose 1,000 points.")]
    [InlineData("Is it over?! Nobody knows!", "Is it over?! ‖ Nobody knows!")]
    [InlineData("She waited... Then she left.", "She waited... ‖ Then she left.")]
    [InlineData("She waited... and then left.", "She waited... and then left.")]
    [InlineData("(This is an aside.) The story goes on.", "(This is an aside.) ‖ The story goes on.")]
    [InlineData("Read it at https://example.com/news. It is new.", "Read it at https://example.com/news. ‖ It is new.")]
    [InlineData("Write to news@example.org. We answer.", "Write to news@example.org. ‖ We answer.")]
    [InlineData("max is here. call him now.", "max is here. ‖ call him now.")]
    [InlineData("It costs $5, etc., and more.", "It costs $5, etc., and more.")]
    public void Ends_sentences_at_terminal_punctuation(string text, string expected) => Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("A first paragraph without a full stop\n\nA second one.", "A first paragraph without a full stop ‖ A second one.")]
    [InlineData("It was in the U.S.\n\nPresident Trump spoke.", "It was in the U.S. ‖ President Trump spoke.")]
    [InlineData("Mr.\r\n\r\nSmith", "Mr. ‖ Smith")]
    public void Always_ends_a_sentence_at_a_blank_line(string text, string expected) => Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Belarus offers to host Russia-Ukraine talks\nMinsk is ready, he said.",
        "Belarus offers to host Russia-Ukraine talks ‖ Minsk is ready, he said.")]
    [InlineData("Lukashenko is a close ally of Putin\nRussia used Belarusian territory.",
        "Lukashenko is a close ally of Putin ‖ Russia used Belarusian territory.")]
    [InlineData("The talks, which began on Monday,\nwent on.", "The talks, which began on Monday,\nwent on.")]
    public void Ends_an_unpunctuated_line_at_a_line_break(string text, string expected) => Assert.Equal(expected, Sentences(text));

    [Fact]
    public void Does_not_end_sentences_at_the_line_breaks_of_hard_wrapped_text()
    {
        const string text =
            "The Kremlin said on Wednesday that Minsk would be the best place for\n" +
            "talks between the three countries, and that President Vladimir Putin\n" +
            "had not yet been asked about the proposal made by Alexander Lukashenko\n" +
            "in an interview. Officials in Kyiv did not comment.";
        Assert.Equal(2, Analyse(text).Sentences.Length);
    }

    [Fact]
    public void Can_leave_line_breaks_to_punctuation()
    {
        const string text = "Belarus offers to host talks\nMinsk is ready.";
        var tokens = Storyline.Tokens.NewsTokenizer.Tokenize(text);
        var options = new SentenceSplitterOptions { LineBreakEndsUnpunctuatedLine = false };
        Assert.Single(SentenceSplitter.Split(text, tokens, options));
        Assert.Equal(2, SentenceSplitter.Split(text, tokens).Length);
    }

    [Fact]
    public void Never_lets_a_sentence_cross_a_region_boundary_or_enter_ignored_text()
    {
        const string text = "date 2025-03-05 This audio is created with AI assistance\n\nMinsk could host talks, Peskov said";
        var header = new IgnoredSpan(new TextSpan(0, 15), "header");
        var audio = new IgnoredSpan(new TextSpan(16, 56), "boilerplate: audio");
        var article = Analyse(text, header, audio);
        Assert.Equal(["Minsk could host talks, Peskov said"], article.Sentences.Select(s => text[s.Span.Start..s.Span.End]));

        var twoRegions = Analyse("First part with no end STOP second part.", new IgnoredSpan(new TextSpan(23, 28), "boilerplate: test"));
        Assert.Equal(2, twoRegions.Sentences.Length);
        Assert.Equal(new TextSpan(0, 22), twoRegions.Sentences[0].Span);
    }

    [Fact]
    public void Gives_an_empty_article_no_tokens_and_no_sentences()
    {
        var article = Analyse("  \n\n ");
        Assert.Empty(article.Tokens);
        Assert.Empty(article.Sentences);
    }

    [Fact]
    public void Declares_what_it_needs_and_makes_so_the_pipeline_accepts_it()
    {
        var stage = new SentenceStage();
        Assert.Equal("sentences", stage.Name);
        Assert.Equal(Layers.Text | Layers.Ignored, stage.Requires);
        Assert.Equal(Layers.Tokens | Layers.Sentences, stage.Produces);
        var pipeline = AnalysisPipeline.Build(stage);
        var article = new Article { Id = "a", Text = "One. Two.", Metadata = new ArticleMetadata { Source = "a" } };
        var result = pipeline.Run(article, (s, a) => Assert.Empty(ArticleInvariants.Check(a)));
        Assert.Equal(2, result.Sentences.Length);
        Assert.True(result.Layers.HasFlag(Layers.Sentences));
    }
}
