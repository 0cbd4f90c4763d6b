using Storyline.Entities;
using Storyline.Ingest;
using Storyline.Ingest.Text;
using Storyline.Pipeline;
using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Tests.Entities;

public class EntityTableTests
{
    private static Article Article(string id, string text, params (string Surface, string Type, string Entity, string? Descriptor)[] mentions)
    {
        var from = 0;
        var list = new List<EntityMention>();
        foreach (var (surface, type, entity, descriptor) in mentions)
        {
            var start = text.IndexOf(surface, from, StringComparison.Ordinal);
            list.Add(new EntityMention(new TextSpan(start, start + surface.Length), type, entity, descriptor));
            from = start + surface.Length;
        }

        return new Article { Id = id, Text = text, Metadata = new ArticleMetadata { Source = id }, Entities = [.. list] };
    }

    [Fact]
    public void Collects_names_aliases_descriptors_articles_and_mentions_per_id()
    {
        var a = Article("a", "President Donald Trump met Putin. Trump's aides left.",
            ("President Donald Trump", "PERSON", "donald-trump", "President"), ("Putin", "PERSON", "vladimir-putin", null), ("Trump's", "PERSON", "donald-trump", null));
        var b = Article("b", "Trump spoke to Ukraine and Russia-Ukraine talks began in Ukraine.",
            ("Trump", "ORGANIZATION", "donald-trump", "U.S. President"), ("Ukraine", "LOCATION", "ukraine", null), ("-Ukraine", "NORP", "ukraine", null), ("Ukraine", "LOCATION", "ukraine", null));

        var table = EntityTable.Build([a, b]);

        var trump = table.Find("donald-trump")!;
        Assert.Equal("Donald Trump", trump.Name);
        Assert.Equal("PERSON", trump.Type);
        Assert.Equal(["President Donald Trump", "Trump"], trump.Aliases);
        Assert.Equal(["President", "U.S. President"], trump.Descriptors);
        Assert.Equal(["a", "b"], trump.Articles);
        Assert.Equal(3, trump.Mentions);
        Assert.Equal("Ukraine", table.NameOf("ukraine"));
        Assert.Equal(["Ukraine"], table.Find("ukraine")!.Aliases);
        Assert.Null(table.NameOf("nobody"));
        Assert.Equal(["donald-trump", "ukraine", "vladimir-putin"], table.Entries.Select(e => e.Id));
    }

    [SkippableFact]
    public void The_seeds_give_peskov_his_aliases_descriptor_and_both_articles()
    {
        var pipeline = StandardPipeline.Create();
        var articles = Directory.GetFiles(TestData.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(path =>
            pipeline.Run(Assert.IsType<ArticleRead>(TextArticleReader.Read(path, File.ReadAllBytes(path))).Article)).ToList();

        var table = EntityTable.Build(CrossArticleLinker.Link(articles));

        var peskov = table.Find("dmitry-peskov")!;
        Assert.Equal("Dmitry Peskov", peskov.Name);
        Assert.Equal("PERSON", peskov.Type);
        Assert.Contains("Peskov", peskov.Aliases);
        Assert.Contains("Dmitry Peskov", peskov.Aliases);
        Assert.Contains("Kremlin spokesperson", peskov.Descriptors);
        Assert.Equal(["000_1d0450d9dc0eaaa0", "002_c984178ca89a0f10"], peskov.Articles);
        Assert.Equal(articles.Sum(a => a.Entities.Count(e => e.Entity == "dmitry-peskov")), peskov.Mentions);
        Assert.Equal("Alexander Lukashenko", table.NameOf("alexander-lukashenko"));
    }
}
