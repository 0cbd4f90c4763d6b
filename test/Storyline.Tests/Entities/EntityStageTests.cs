using System.Text;
using Storyline.Entities;
using Storyline.Ingest;
using Storyline.Ingest.Text;
using Storyline.Pipeline;
using Storyline.Sentences;
using Storyline.Tagging;
using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Tests.Entities;

public class EntityStageTests
{
    private static readonly AnalysisPipeline Pipeline = AnalysisPipeline.Build(new SentenceStage(), new PosStage(), new EntityStage());

    private static Article Analyse(string text)
    {
        var article = new Article { Id = "test", Text = text, Metadata = new ArticleMetadata { Source = "test" } };
        return Pipeline.Run(article, (stage, output) => Assert.Empty(ArticleInvariants.Check(output)));
    }

    private static IEnumerable<(string Text, string Type, string Entity)> Mentions(Article a) =>
        a.Entities.Select(e => (a.Text[e.Span.Start..e.Span.End], e.Type, e.Entity));

    [Fact]
    public void Finds_people_places_and_organisations()
    {
        var a = Analyse("Kremlin spokesperson Dmitry Peskov told the Russian news agency Interfax that Minsk was the best place for talks.");
        var mentions = Mentions(a).ToList();
        Assert.Contains(("Dmitry Peskov", "PERSON", "dmitry-peskov"), mentions);
        Assert.Contains(mentions, m => m.Text == "Minsk" && m.Type == "LOCATION");
        Assert.Contains(mentions, m => m.Text == "Russian" && m.Type == "NORP" && m.Entity == "russia");
        Assert.Contains(mentions, m => m.Text == "Interfax" && m.Type == "ORGANIZATION");
        Assert.Equal("Kremlin spokesperson", a.Entities.Single(e => e.Entity == "dmitry-peskov").Descriptor);
    }

    [Fact]
    public void A_surname_is_the_person_named_in_full_earlier()
    {
        var a = Analyse("Ukrainian President Volodymyr Zelensky met officials in Kyiv on Monday. Zelensky said the talks had gone well.");
        var zelensky = a.Entities.Where(e => a.Text[e.Span.Start..e.Span.End].Contains("Zelensky", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, zelensky.Count);
        Assert.All(zelensky, e => Assert.Equal("volodymyr-zelensky", e.Entity));
    }

    [Theory]
    [InlineData("KREMLIN SAYS MINSK IS THE BEST PLACE FOR TALKS WITH UKRAINE AND THE UNITED STATES")]
    [InlineData("the kremlin says minsk is the best place for talks with ukraine and the united states")]
    [InlineData("Президент России Владимир Путин провёл переговоры в Минске. 普京在明斯克举行会谈。")]
    [InlineData("Peace talks 🤝🇺🇦🇷🇺 in Minsk 🙏 #peace @kremlin 👍👍👍")]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    public void Odd_text_gives_sane_output(string text)
    {
        var a = Analyse(text);
        Assert.All(a.Tokens, t => Assert.NotNull(t.Pos));
        Assert.All(a.Entities, e => Assert.False(string.IsNullOrEmpty(e.Entity)));
    }

    [Fact]
    public void A_ten_thousand_word_sentence_without_punctuation_is_handled()
    {
        var words = new[] { "the", "minister", "said", "Peskov", "and", "Minsk", "talks", "will", "go", "on" };
        var text = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            text.Append(words[i % words.Length]).Append(' ');
        }

        var a = Analyse(text.ToString());
        Assert.Equal(10_000, a.Tokens.Length);
        Assert.All(a.Tokens, t => Assert.NotNull(t.Pos));
    }

    [SkippableFact]
    public void The_seed_articles_name_the_same_people_and_places_with_the_same_ids()
    {
        var articles = new List<Article>();
        foreach (var prefix in new[] { "000_", "002_" })
        {
            var path = TestData.Seed(prefix);
            var read = Assert.IsType<ArticleRead>(TextArticleReader.Read(path, File.ReadAllBytes(path)));
            articles.Add(Pipeline.Run(read.Article, (stage, output) => Assert.Empty(ArticleInvariants.Check(output))));
        }

        // "Zelensky" is named in full only in the first article; "Trump" only by surname in the second.
        var linked = CrossArticleLinker.Link(articles);
        Assert.All(linked, a => Assert.Empty(ArticleInvariants.Check(a)));
        var ids = linked.Select(a => a.Entities.Select(e => e.Entity).ToHashSet(StringComparer.Ordinal)).ToList();
        foreach (var id in new[] { "donald-trump", "dmitry-peskov", "alexander-lukashenko", "volodymyr-zelensky", "vladimir-putin", "minsk", "belarus", "ukraine", "russia", "united-states", "kyiv", "government-of-russia" })
        {
            Assert.Contains(id, ids[0]);
            Assert.Contains(id, ids[1]);
        }

        var lukashenko = linked.SelectMany(a => a.Entities.Where(e => e.Entity == "alexander-lukashenko" && e.Descriptor is not null).Select(e => e.Descriptor)).ToList();
        Assert.Contains("Belarusian dictator", lukashenko);
        Assert.Contains("Belarusian President", lukashenko);
    }

    [SkippableFact]
    public void The_second_seed_names_Trump_and_no_imperative_or_hyphen()
    {
        var path = TestData.Seed("002_");
        var read = Assert.IsType<ArticleRead>(TextArticleReader.Read(path, File.ReadAllBytes(path)));
        var mentions = Mentions(Pipeline.Run(read.Article)).ToList();
        Assert.Contains(mentions, m => m.Text == "Trump" && m.Type == "PERSON");
        Assert.DoesNotContain(mentions, m => m.Text == "Minsk" && m.Type == "PERSON");
        // '"Tell Trump that I expect him here…"' and "Russia-Ukraine truce talks" once gave "Tell Trump" and "-Ukraine".
        Assert.DoesNotContain(mentions, m => m.Text.StartsWith("Tell", StringComparison.Ordinal) || !char.IsLetterOrDigit(m.Text[0]));
    }

    [SkippableFact]
    public void Every_Trump_in_the_seeds_is_a_mention_of_donald_trump()
    {
        // Before the document-level pass (NamePropagation) the second seed had one of its five found. The seeds are
        // linked together as `storyline analyze` does: the second never names him in full.
        var articles = CrossArticleLinker.Link(new[] { "000_", "002_" }.Select(seed =>
        {
            var path = TestData.Seed(seed);
            var read = Assert.IsType<ArticleRead>(TextArticleReader.Read(path, File.ReadAllBytes(path)));
            return Pipeline.Run(read.Article, (stage, output) => Assert.Empty(ArticleInvariants.Check(output)));
        }).ToList());
        foreach (var article in articles)
        {
            var at = Enumerable.Range(0, article.Text.Length).Where(i => article.Text.AsSpan(i).StartsWith("Trump", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(at);
            Assert.All(at, i => Assert.Contains(article.Entities, e => e.Span.Start <= i && i < e.Span.End && e.Entity == "donald-trump"));
        }
    }
}
