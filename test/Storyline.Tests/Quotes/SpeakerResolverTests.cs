using System.Collections.Immutable;
using Storyline.Entities;
using Storyline.Ingest;
using Storyline.Ingest.Text;
using Storyline.Pipeline;
using Storyline.Quotes;
using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Tests.Quotes;

public class SpeakerResolverTests
{
    private static EntityMention Mention(string text, string surface, string type, string id, string? descriptor = null, int from = 0)
    {
        var start = text.IndexOf(surface, from, StringComparison.Ordinal);
        return new EntityMention(new TextSpan(start, start + surface.Length), type, id, descriptor);
    }

    private static Quote QuoteAt(string text, string content, string speaker, bool direct = true)
    {
        var start = text.IndexOf(content, StringComparison.Ordinal);
        var s = text.IndexOf(speaker, start + content.Length, StringComparison.Ordinal);
        return new Quote(new TextSpan(start, start + content.Length), direct, null, new TextSpan(s, s + speaker.Length), "said", "speaker/test");
    }

    [Fact]
    public void A_name_in_the_speaker_mention_gives_its_entity_id()
    {
        const string text = "\"Minsk is our ally,\" said Kremlin spokesman Dmitry Peskov.";
        ImmutableArray<EntityMention> entities = [Mention(text, "Minsk", "LOCATION", "minsk"), Mention(text, "Kremlin", "ORGANIZATION", "kremlin"), Mention(text, "Dmitry Peskov", "PERSON", "dmitry-peskov")];
        var start = text.IndexOf("Kremlin", StringComparison.Ordinal);
        var quote = new Quote(new TextSpan(0, 20), true, null, new TextSpan(start, text.Length - 1), "said", "speaker/test");

        var resolved = Assert.Single(SpeakerResolver.Resolve(text, entities, [quote]));

        Assert.Equal("dmitry-peskov", resolved.Speaker);
        Assert.Equal("speaker/test+entity/mention", resolved.By);
    }

    [Fact]
    public void A_pronoun_takes_the_previous_quotes_speaker_not_a_person_named_inside_that_quote()
    {
        const string text = "Lukashenko said there had to be a deal with Zelensky \"since a large part is with him\".\n\"Come,\" he declared.";
        ImmutableArray<EntityMention> entities = [Mention(text, "Lukashenko", "PERSON", "alexander-lukashenko"), Mention(text, "Zelensky", "PERSON", "volodymyr-zelensky")];
        var first = new Quote(new TextSpan(text.IndexOf("there", StringComparison.Ordinal), text.IndexOf('\n', StringComparison.Ordinal) - 1), false, null, new TextSpan(0, 10), "said", "speaker/test");

        var resolved = SpeakerResolver.Resolve(text, entities, [first, QuoteAt(text, "\"Come,\"", "he")]);

        Assert.Equal("alexander-lukashenko", resolved[1].Speaker);
        Assert.EndsWith("+entity/pronoun-previous-speaker", resolved[1].By, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pronoun_with_a_new_person_named_since_the_last_quote_takes_that_person()
    {
        const string text = "\"No,\" Peskov said.\nLater Sergei Lavrov spoke. \"Yes,\" he said.";
        ImmutableArray<EntityMention> entities = [Mention(text, "Peskov", "PERSON", "dmitry-peskov"), Mention(text, "Sergei Lavrov", "PERSON", "sergei-lavrov")];

        var resolved = SpeakerResolver.Resolve(text, entities, [QuoteAt(text, "\"No,\"", "Peskov"), QuoteAt(text, "\"Yes,\"", "he")]);

        Assert.Equal("sergei-lavrov", resolved[1].Speaker);
        Assert.EndsWith("+entity/pronoun-recent", resolved[1].By, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pronoun_with_no_person_in_this_or_the_previous_paragraph_stays_unresolved()
    {
        const string text = "Peskov spoke on Monday.\nThe talks went on.\nMore talks followed.\n\"Yes,\" he said.";
        ImmutableArray<EntityMention> entities = [Mention(text, "Peskov", "PERSON", "dmitry-peskov")];

        var resolved = Assert.Single(SpeakerResolver.Resolve(text, entities, [QuoteAt(text, "\"Yes,\"", "he")]));

        Assert.Null(resolved.Speaker);
        Assert.Equal("speaker/test", resolved.By);
    }

    [Fact]
    public void She_does_not_go_to_a_man_the_article_calls_mr()
    {
        const string text = "Ms. Warren met Mr. Kamin. \"Taxes will rise,\" Mr. Kamin said.\n\"They will not,\" she said.";
        ImmutableArray<EntityMention> entities = [Mention(text, "Warren", "PERSON", "warren"), Mention(text, "Kamin", "PERSON", "kamin"), Mention(text, "Kamin", "PERSON", "kamin", from: 30)];
        var first = QuoteAt(text, "\"Taxes will rise,\"", "Kamin");

        var resolved = SpeakerResolver.Resolve(text, entities, [first, QuoteAt(text, "\"They will not,\"", "she")]);

        Assert.Equal("kamin", resolved[0].Speaker);
        Assert.Equal("warren", resolved[1].Speaker);
    }

    [Fact]
    public void It_said_takes_the_most_recent_organisation()
    {
        const string text = "The Kremlin issued a note on Monday. \"Talks are welcome,\" it said.";
        ImmutableArray<EntityMention> entities = [Mention(text, "Kremlin", "ORGANIZATION", "kremlin")];

        var resolved = Assert.Single(SpeakerResolver.Resolve(text, entities, [QuoteAt(text, "\"Talks are welcome,\"", "it")]));

        Assert.Equal("kremlin", resolved.Speaker);
    }

    [Theory]
    [InlineData("the Ukrainian president", "volodymyr-zelensky")]
    [InlineData("the 70-year-old president", "alexander-lukashenko")]
    [InlineData("the spokesman", "dmitry-peskov")]
    public void A_nominal_takes_the_entity_whose_descriptor_holds_its_words(string nominal, string expected)
    {
        var text = "Ukrainian President Volodymyr Zelensky met Belarusian President Alexander Lukashenko and Kremlin spokesman Dmitry Peskov.\n\"We will talk,\" " + nominal + " said.";
        ImmutableArray<EntityMention> entities =
        [
            Mention(text, "Ukrainian", "NORP", "ukraine"),
            Mention(text, "Volodymyr Zelensky", "PERSON", "volodymyr-zelensky", "Ukrainian President"),
            Mention(text, "Belarusian", "NORP", "belarus"),
            Mention(text, "Alexander Lukashenko", "PERSON", "alexander-lukashenko", "Belarusian President"),
            Mention(text, "Kremlin", "ORGANIZATION", "kremlin"),
            Mention(text, "Dmitry Peskov", "PERSON", "dmitry-peskov", "Kremlin spokesman"),
        ];

        var resolved = Assert.Single(SpeakerResolver.Resolve(text, entities, [QuoteAt(text, "\"We will talk,\"", nominal)]));

        Assert.Equal(expected, resolved.Speaker);
        Assert.Contains("+entity/descriptor", resolved.By, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ministry_said_takes_the_most_recent_organisation_with_ministry_in_its_name()
    {
        const string text = "The Foreign Ministry and Gazprom were asked. \"No comment,\" the ministry said.";
        ImmutableArray<EntityMention> entities = [Mention(text, "Foreign Ministry", "ORGANIZATION", "foreign-ministry"), Mention(text, "Gazprom", "ORGANIZATION", "gazprom")];

        var resolved = Assert.Single(SpeakerResolver.Resolve(text, entities, [QuoteAt(text, "\"No comment,\"", "the ministry")]));

        Assert.Equal("foreign-ministry", resolved.Speaker);
        Assert.EndsWith("+entity/nominal-organization", resolved.By, StringComparison.Ordinal);
    }

    private static IReadOnlyList<Article> Seeds()
    {
        var pipeline = StandardPipeline.Create();
        var articles = Directory.GetFiles(TestData.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(path =>
        {
            var read = Assert.IsType<ArticleRead>(TextArticleReader.Read(path, File.ReadAllBytes(path)));
            return pipeline.Run(read.Article, (stage, output) => Assert.Empty(ArticleInvariants.Check(output)));
        }).ToList();
        var linked = CrossArticleLinker.Link(articles);
        Assert.All(linked, a => Assert.Empty(ArticleInvariants.Check(a)));
        return linked;
    }

    [SkippableTheory]
    // seed, the quote's first words, the speaker's entity id
    [InlineData(0, "\"This issue has not been brought up", "dmitry-peskov")]
    [InlineData(0, "\"The question is with whom to sit", "dmitry-peskov")]
    [InlineData(0, "Minsk could be the best place", "dmitry-peskov")]
    [InlineData(0, "that he and his team \"stand ready", "volodymyr-zelensky")]
    [InlineData(1, "Belarusian President Alexander Lukashenko has offered", "alexander-lukashenko")]
    [InlineData(1, "\"Tell Trump that I expect him here", "alexander-lukashenko")]
    [InlineData(1, "\"We are going to sit down", "alexander-lukashenko")]
    [InlineData(1, "\"There is only 200 kilometres", "alexander-lukashenko")]
    [InlineData(1, "\"Trump is a good guy", "alexander-lukashenko")]
    [InlineData(1, "\"It seems to me that his only policy", "alexander-lukashenko")]
    [InlineData(1, "the idea of talks in Belarus had not been brought up", "dmitry-peskov")]
    [InlineData(1, "\"But for us, Minsk is the best place", "dmitry-peskov")]
    public void The_seed_quotes_have_their_speakers_entity_ids(int seed, string start, string speaker)
    {
        var article = Seeds()[seed];

        var q = Assert.Single(article.Quotes, q => article.Text.AsSpan(q.Span.Start).StartsWith(start, StringComparison.Ordinal));
        Assert.Equal(speaker, q.Speaker);
    }
}
