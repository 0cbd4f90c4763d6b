using System.Collections.Immutable;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Tests.Stories;

public class StoryClustererTests
{
    private static Article Article(string id, string text, DateOnly? published = null, string? outlet = null) => new()
    {
        Id = id,
        Text = text,
        Metadata = new ArticleMetadata { Source = id, Published = published, Outlet = outlet },
    };

    private static readonly string Quake =
        "A magnitude 6.1 earthquake struck northern Chile near Arica on Tuesday, killing two people and damaging homes, officials said. " +
        "The quake was felt in Tacna in Peru. Chile's emergency office ONEMI reported power cuts in Arica and Iquique.";

    private static readonly string QuakeRewritten =
        "Two people died when a strong earthquake of magnitude 6.1 shook Arica in northern Chile, damaging homes. " +
        "ONEMI, the emergency agency, said power was cut in Iquique and Arica; tremors reached Tacna.";

    private static readonly string Transfer =
        "The New York Yankees signed first baseman Mark Teixeira to an eight-year, $180 million contract, beating offers from " +
        "the Boston Red Sox and the Washington Nationals. Teixeira hit 33 home runs last season for the Angels.";

    private static readonly DateOnly Day = new(2025, 3, 5);

    private static int[] Cluster(StoryOptions? options, params Article[] articles)
    {
        var extractor = new StoryFeatureExtractor();
        var clusterer = new StoryClusterer(options);
        foreach (var a in articles)
        {
            clusterer.Add(extractor.Extract(a));
        }

        return [.. Enumerable.Range(0, articles.Length).Select(clusterer.StoryOf)];
    }

    [Fact]
    public void Two_reports_of_one_event_in_their_own_words_are_one_story_and_another_event_is_not()
    {
        var stories = Cluster(null, Article("a", Quake, Day), Article("b", QuakeRewritten, Day), Article("c", Transfer, Day));

        Assert.Equal(stories[0], stories[1]);
        Assert.NotEqual(stories[0], stories[2]);
    }

    [Fact]
    public void The_same_words_a_year_apart_are_not_one_story()
    {
        var stories = Cluster(null, Article("a", Quake, Day), Article("b", QuakeRewritten, Day.AddDays(365)));

        Assert.NotEqual(stories[0], stories[1]);
    }

    [Fact]
    public void Wire_copy_in_many_outlets_counts_as_copies_of_one_original()
    {
        var extractor = new StoryFeatureExtractor();
        var clusterer = new StoryClusterer();
        var original = clusterer.Add(extractor.Extract(Article("afp", Quake, Day, "AFP")));
        var assignments = Enumerable.Range(0, 5)
            .Select(i => clusterer.Add(extractor.Extract(Article($"outlet{i}", $"Outlet {i} staff. " + Quake + " Follow us for more.", Day, $"Outlet {i}"))))
            .ToList();

        Assert.Equal("story/new", original.By);
        Assert.All(assignments, a => Assert.Equal(("story/copy", "afp", original.Story), (a.By, a.CopyOf, a.Story)));
        Assert.All(Enumerable.Range(1, 5), i => Assert.Equal("afp", clusterer.OriginalOf(i)));
    }

    [Fact]
    public void Copies_count_once_among_a_statements_sources()
    {
        var text = "\"We will rebuild every home in Arica,\" President Gabriel Boric said on Tuesday after the earthquake in northern Chile. " + Quake;
        var reworded = "Chile's President Gabriel Boric promised to help Arica after the earthquake. \"We will rebuild every home,\" Boric said.";
        Article[] articles = [Article("a", text, Day), Article("b", text + " Follow us for more news.", Day), Article("c", reworded, Day)];
        var quotes = new Storyline.Quotes.QuoteStage();
        var sentences = new Storyline.Sentences.SentenceStage();
        var analysed = articles.Select(a => quotes.Process(sentences.Process(a, default), default)).ToList();

        var story = Assert.Single(new StoryBuilder().Build(analysed));

        Assert.Equal("a", story.CopyOf["b"]);
        var statement = story.Statements.SingleOrDefault(s => s.Quotes.Length == 3);
        Assert.True(statement is not null, string.Join(" | ", story.Statements.Select(x => x.Speaker + ": " + string.Join(" / ", x.Quotes.Select(q => q.Article + " " + q.Text)))));
        Assert.Equal(2, statement.Sources);
        Assert.Equal("gabriel-boric", statement.Speaker);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Word")]
    [InlineData("1234 5678 !!! ??? ...")]
    public void Articles_with_no_words_no_names_or_no_date_each_get_a_story_of_their_own(string text)
    {
        var stories = Cluster(null, Article("a", text), Article("b", text), Article("c", Quake));

        Assert.NotEqual(stories[2], stories[0]);
        Assert.Equal(3, stories.Length);
    }

    [Fact]
    public void Ten_thousand_articles_about_one_event_are_one_story()
    {
        var extractor = new StoryFeatureExtractor();
        var clusterer = new StoryClusterer();
        string[] openers = ["Officials said", "Rescuers reported", "Residents told reporters", "The government confirmed", "Witnesses described"];
        for (var i = 0; i < 10_000; i++)
        {
            var text = $"{openers[i % openers.Length]} that the magnitude 6.1 earthquake near Arica in northern Chile damaged {i % 97 + 3} homes. " +
                $"Report {i}: power cuts in Iquique, tremors felt in Tacna, ONEMI said.";
            clusterer.Add(extractor.Extract(Article($"a{i}", text, Day.AddDays(i % 3))));
        }

        var stories = clusterer.Stories();
        Assert.True(stories[0].Count >= 9_990, $"the largest story holds {stories[0].Count} of 10,000");
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(1000, false)]
    public void Only_an_articles_strongest_features_are_scored(int kept, bool together)
    {
        // The shared names come three times each (the strongest features); each article adds 300 words of its own,
        // which outweigh the names when every feature is scored.
        var names = string.Concat(Enumerable.Repeat("Arica ONEMI Tacna met. ", 3));
        var a = names + string.Join(' ', Enumerable.Range(0, 300).Select(i => $"alpha{(char)('a' + i / 26)}{(char)('a' + i % 26)}word"));
        var b = names + string.Join(' ', Enumerable.Range(0, 300).Select(i => $"omega{(char)('a' + i / 26)}{(char)('a' + i % 26)}word"));

        var stories = Cluster(new StoryOptions { ArticleFeatures = kept }, Article("a", a, Day), Article("b", b, Day));

        Assert.Equal(together, stories[0] == stories[1]);
    }

    [Fact]
    public void Two_stories_linked_by_an_article_similar_to_both_merge()
    {
        // A low merge threshold makes the rule visible with three short texts.
        var extractor = new StoryFeatureExtractor();
        var clusterer = new StoryClusterer(new StoryOptions { JoinThreshold = 0.15, MergeThreshold = 0.15 });
        var a = clusterer.Add(extractor.Extract(Article("a", "Arica earthquake damages homes in northern Chile; ONEMI counts power cuts.", Day)));
        var b = clusterer.Add(extractor.Extract(Article("b", "Tacna in Peru felt tremors; Peruvian officials inspect schools and bridges.", Day)));
        var c = clusterer.Add(extractor.Extract(Article("c", "The earthquake near Arica in northern Chile was felt in Tacna, Peru; ONEMI and Peruvian officials inspect homes and bridges.", Day)));

        Assert.Equal(("story/new", "story/new", "story/joined-and-merged"), (a.By, b.By, c.By));
        Assert.Equal(clusterer.StoryOf(0), clusterer.StoryOf(1));
        Assert.Equal(clusterer.StoryOf(0), clusterer.StoryOf(2));
    }

    [Fact]
    public void Refine_moves_an_article_into_the_story_that_formed_after_it()
    {
        // No merges: "b" starts a story of its own before "c" links the two topics and joins "a". Placed again
        // against the final stories, "b" finds "a"+"c" and moves; a second refine moves nothing.
        var extractor = new StoryFeatureExtractor();
        var clusterer = new StoryClusterer(new StoryOptions { JoinThreshold = 0.15, MergeThreshold = 1.1 });
        clusterer.Add(extractor.Extract(Article("a", "Arica earthquake damages homes in northern Chile; ONEMI counts power cuts.", Day)));
        clusterer.Add(extractor.Extract(Article("b", "Tacna in Peru felt tremors; Peruvian officials inspect schools and bridges.", Day)));
        clusterer.Add(extractor.Extract(Article("c", "The earthquake near Arica in northern Chile was felt in Tacna, Peru; ONEMI and Peruvian officials inspect homes and bridges.", Day)));
        Assert.Equal(2, clusterer.Stories().Count);

        Assert.Equal(1, clusterer.Refine());

        Assert.Single(clusterer.Stories());
        Assert.Equal(0, clusterer.Refine());
    }

    [Fact]
    public void Refine_leaves_distinct_events_apart_and_is_deterministic()
    {
        Article[] articles = [.. Enumerable.Range(0, 30).Select(i => Article($"a{i}", (i % 3) switch { 0 => Quake, 1 => QuakeRewritten, _ => Transfer } + $" Item {i}.", Day))];
        string Run() => string.Join("|", new StoryBuilder().Build(articles).Select(s => string.Join(",", s.Articles)));

        var first = Run();

        Assert.Equal(first, Run());
        Assert.Equal(2, first.Split('|').Length);
    }

    [Fact]
    public void Mentioned_days_are_features_and_an_inferred_date_bounds_nothing()
    {
        var article = Article("a", "The ship was hijacked on March 5, 2008, off Somalia, officials said.") with
        {
            Metadata = new ArticleMetadata { Source = "a", Published = new DateOnly(2008, 3, 6), PublishedFrom = PublishedFrom.Inferred },
        };

        var features = new StoryFeatureExtractor().Extract(article);

        Assert.Contains(features.Features, f => f.Key == "2008-03-05" && f.Kind == FeatureKind.Number);
        Assert.Null(features.Date);
        Assert.Equal(new DateOnly(2008, 3, 6), new StoryFeatureExtractor().Extract(article with { Metadata = article.Metadata with { PublishedFrom = PublishedFrom.Metadata } }).Date);
    }

    [Fact]
    public void Feature_extraction_leaves_ignored_spans_out_and_counts_lead_words_twice()
    {
        var text = "Subscribe to Foo. Lukashenko offered talks. Lukashenko spoke.";
        var article = Article("a", text) with { Ignored = [new IgnoredSpan(new TextSpan(0, 18), "boilerplate")] };

        var features = new StoryFeatureExtractor().Extract(article).Features;

        Assert.DoesNotContain(features, f => f.Key is "subscribe" or "Foo" or "foo");
        Assert.Equal(3, features.Single(f => f.Key == "lukashenko" && f.Kind == FeatureKind.Entity).Count);
        Assert.Equal(2, features.Single(f => f.Key == "offer" && f.Kind == FeatureKind.Term).Count);
    }

    [Fact]
    public void Entity_ids_replace_name_words_when_the_entity_layer_ran()
    {
        var text = "Lukashenko offered talks.";
        var article = Article("a", text) with { Entities = [new Storyline.Entities.EntityMention(new TextSpan(0, 10), "PERSON", "alexander-lukashenko")] };

        var features = new StoryFeatureExtractor().Extract(article).Features;

        Assert.Contains(features, f => f.Key == "alexander-lukashenko" && f.Kind == FeatureKind.Entity);
        Assert.DoesNotContain(features, f => f.Key == "lukashenko");
    }

    [Fact]
    public void The_result_does_not_depend_on_the_thread_count_of_feature_extraction()
    {
        Article[] articles = [.. Enumerable.Range(0, 60).Select(i => Article($"a{i}", (i % 3) switch { 0 => Quake, 1 => QuakeRewritten, _ => Transfer } + $" Item {i}.", Day))];
        var sequential = new StoryBuilder().Build(articles).Select(s => string.Join(",", s.Articles)).ToList();
        var again = new StoryBuilder().Build([.. articles.AsParallel().AsOrdered().WithDegreeOfParallelism(2).Select(a => a)]).Select(s => string.Join(",", s.Articles)).ToList();

        Assert.Equal(sequential, again);
    }

    [Fact]
    public void An_empty_batch_has_no_stories()
    {
        Assert.Empty(new StoryBuilder().Build(ImmutableArray<Article>.Empty));
    }
}
