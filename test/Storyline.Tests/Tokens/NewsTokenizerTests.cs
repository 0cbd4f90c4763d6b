using Storyline.Testing;
using Storyline.Tests.Sentences;
using Storyline.Text;
using Storyline.Tokens;

namespace Storyline.Tests.Tokens;

public class NewsTokenizerTests
{
    private static string Surfaces(string text) =>
        string.Join(" | ", NewsTokenizer.Tokenize(text).Select(t => text[t.Span.Start..t.Span.End]));

    [Theory]
    [InlineData("U.S. officials said", "U.S. | officials | said")]
    [InlineData("on Feb. 24 against a U.N. resolution", "on | Feb. | 24 | against | a | U.N. | resolution")]
    [InlineData("Mr. Smith met Dr. Jones and Gen. Lee", "Mr. | Smith | met | Dr. | Jones | and | Gen. | Lee")]
    [InlineData("Sen. Ames of Acme Inc. and Widget Corp. spoke", "Sen. | Ames | of | Acme | Inc. | and | Widget | Corp. | spoke")]
    [InlineData("J. K. Rowling lives on St. Mary's Road", "J. | K. | Rowling | lives | on | St. | Mary | 's | Road")]
    [InlineData("at 10 a.m. today, e.g. now", "at | 10 | a.m. | today | , | e.g. | now")]
    [InlineData("the No. 5 seed said no.", "the | No. | 5 | seed | said | no | .")]
    [InlineData("the U.S.-led coalition and anti-U.S. protests", "the | U.S. | - | led | coalition | and | anti-U.S. | protests")]
    public void Keeps_abbreviations_whole(string text, string expected) => Assert.Equal(expected, Surfaces(text));

    [Theory]
    [InlineData("rose 3.5 percent to 1,000 at 10:30 on 2025-03-05", "rose | 3.5 | percent | to | 1,000 | at | 10:30 | on | 2025-03-05")]
    [InlineData("up 50% to $5.76", "up | 50 | % | to | $ | 5.76")]
    [InlineData("in 2005-2006, call 713-853-3989", "in | 2005 | - | 2006 | , | call | 713-853-3989")]
    [InlineData("growth was 2.5.", "growth | was | 2.5 | .")]
    public void Keeps_numbers_whole_and_splits_percent_and_currency(string text, string expected) => Assert.Equal(expected, Surfaces(text));

    [Theory]
    [InlineData("Peskov's statement", "Peskov | 's | statement")]
    [InlineData("Trump’s leadership", "Trump | ’s | leadership")]
    [InlineData("don't, can't, won't, isn't", "do | n't | , | ca | n't | , | wo | n't | , | is | n't")]
    [InlineData("they're sure we've won and I'll go; I'm here, I'd say", "they | 're | sure | we | 've | won | and | I | 'll | go | ; | I | 'm | here | , | I | 'd | say")]
    [InlineData("you cannot, gonna", "you | can | not | , | gon | na")]
    [InlineData("the workers' union and O'Brien", "the | workers | ' | union | and | O'Brien")]
    public void Splits_clitics_as_UD_does(string text, string expected) => Assert.Equal(expected, Surfaces(text));

    [Theory]
    [InlineData("Russia-Ukraine truce talks", "Russia | - | Ukraine | truce | talks")]
    [InlineData("a 70-year-old man", "a | 70 | - | year | - | old | man")]
    [InlineData("non-stop e-mail co-workers", "non-stop | e-mail | co-workers")]
    [InlineData("talks—and then – more -- later", "talks | — | and | then | – | more | -- | later")]
    [InlineData("wait... then…", "wait | ... | then | …")]
    [InlineData("Really?! Yes!!!", "Really | ?! | Yes | !!!")]
    [InlineData("***", "***")]
    [InlineData("great :) and self-driven :-)", "great | :) | and | self | - | driven | :-)")]
    public void Splits_hyphens_and_dashes_following_EWT(string text, string expected) => Assert.Equal(expected, Surfaces(text));

    [Theory]
    [InlineData("“Minsk is the best place,” he said", "“ | Minsk | is | the | best | place | , | ” | he | said")]
    [InlineData("\"positive\" about 'peace'", "\" | positive | \" | about | ' | peace | '")]
    [InlineData("(at the negotiating table).", "( | at | the | negotiating | table | ) | .")]
    [InlineData("‘forget’", "‘ | forget | ’")]
    public void Makes_quotes_and_brackets_tokens_of_their_own(string text, string expected) => Assert.Equal(expected, Surfaces(text));

    [Theory]
    [InlineData("See https://example.com/news?id=5.", "See | https://example.com/news?id=5 | .", TokenKind.Url)]
    [InlineData("(www.kyivindependent.com)", "( | www.kyivindependent.com | )", TokenKind.Url)]
    [InlineData("visit reuters.com, or bbc.co.uk/news.", "visit | reuters.com | , | or | bbc.co.uk/news | .", TokenKind.Url)]
    [InlineData("write to news@example.org.", "write | to | news@example.org | .", TokenKind.Email)]
    public void Keeps_urls_and_emails_whole(string text, string expected, TokenKind kind)
    {
        Assert.Equal(expected, Surfaces(text));
        Assert.Contains(NewsTokenizer.Tokenize(text), t => t.Kind == kind);
    }

    [Fact]
    public void Keeps_file_names_whole_but_splits_words_glued_at_a_sentence_end()
    {
        Assert.Equal("see | TEXT.htm | and | alt.animals.cat", Surfaces("see TEXT.htm and alt.animals.cat"));
        Assert.Equal("Ukraine | . | Belarusian", Surfaces("Ukraine.Belarusian"));
    }

    [Theory]
    [InlineData("3.5", TokenKind.Number)]
    [InlineData("1990s", TokenKind.Word)]
    [InlineData("%", TokenKind.Symbol)]
    [InlineData("$", TokenKind.Symbol)]
    [InlineData(",", TokenKind.Punctuation)]
    [InlineData("“", TokenKind.Punctuation)]
    [InlineData("Kyiv", TokenKind.Word)]
    public void Gives_each_token_its_kind(string text, TokenKind kind) => Assert.Equal(kind, Assert.Single(NewsTokenizer.Tokenize(text)).Kind);

    [Fact]
    public void Tokenizes_only_inside_the_region_with_offsets_into_the_whole_text()
    {
        const string text = "IGNORED HEADER\nKyiv said no.";
        var tokens = new List<Token>();
        NewsTokenizer.Tokenize(text, new TextSpan(15, text.Length), tokens);
        Assert.Equal(["Kyiv", "said", "no", "."], tokens.Select(t => text[t.Span.Start..t.Span.End]));
        Assert.All(tokens, t => Assert.True(t.Span.Start >= 15));
    }

    [Fact]
    public void Cuts_an_abbreviation_at_the_region_end_without_reading_past_it()
    {
        const string text = "No. 5";
        var tokens = new List<Token>();
        NewsTokenizer.Tokenize(text, new TextSpan(0, 3), tokens);
        Assert.Equal(["No", "."], tokens.Select(t => text[t.Span.Start..t.Span.End]));
    }

    [SkippableFact]
    public void Covers_every_non_space_character_of_the_seed_articles_once_in_order()
    {
        var seeds = TestData.Require("seeds");

        foreach (var file in Directory.GetFiles(seeds, "*.txt"))
        {
            var text = File.ReadAllText(file);
            var tokens = NewsTokenizer.Tokenize(text);
            var position = 0;
            foreach (var token in tokens)
            {
                Assert.True(token.Span.Start >= position, $"{Path.GetFileName(file)}: token {token.Span} overlaps the previous one");
                Assert.True(text.AsSpan(position, token.Span.Start - position).IsWhiteSpace(), $"{Path.GetFileName(file)}: text skipped before {token.Span}");
                Assert.False(text.AsSpan(token.Span.Start, token.Span.Length).ContainsAny(' ', '\n'), $"{Path.GetFileName(file)}: token {token.Span} holds a space");
                position = token.Span.End;
            }

            Assert.True(text.AsSpan(position).IsWhiteSpace());
        }
    }
}
