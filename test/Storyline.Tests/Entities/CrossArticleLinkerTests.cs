using Storyline.Entities;
using Storyline.Text;

namespace Storyline.Tests.Entities;

public class CrossArticleLinkerTests
{
    private static Article Article(string id, string text, params (string Surface, string Type, string Entity)[] mentions)
    {
        var from = 0;
        var list = new List<EntityMention>();
        foreach (var (surface, type, entity) in mentions)
        {
            var start = text.IndexOf(surface, from, StringComparison.Ordinal);
            list.Add(new EntityMention(new TextSpan(start, start + surface.Length), type, entity));
            from = start + surface.Length;
        }

        return new Article { Id = id, Text = text, Metadata = new ArticleMetadata { Source = id }, Entities = [.. list] };
    }

    private static string[] Ids(Article article) => [.. article.Entities.Select(e => e.Entity)];

    [Fact]
    public void An_acronym_alone_in_one_article_is_the_organisation_another_article_spells_out()
    {
        var a = Article("a", "The United Nations and the European Union met.",
            ("United Nations", "ORGANIZATION", "united-nations"), ("European Union", "ORGANIZATION", "european-union"));
        var b = Article("b", "The U.N. and the EU's envoys met.", ("U.N.", "ORGANIZATION", "un"), ("EU's", "ORGANIZATION", "eu"));
        // Written as a word, not in capitals: not an acronym.
        var c = Article("c", "Un spoke.", ("Un", "ORGANIZATION", "un"));

        var linked = CrossArticleLinker.Link([a, b, c]);

        Assert.Equal(["united-nations", "european-union"], Ids(linked[1]));
        Assert.Equal(["un"], Ids(linked[2]));
    }

    [Fact]
    public void An_acronym_two_organisations_spell_stays_apart()
    {
        var a = Article("a", "The National Assembly and the New Alliance met.",
            ("National Assembly", "ORGANIZATION", "national-assembly"), ("New Alliance", "ORGANIZATION", "new-alliance"));
        var b = Article("b", "The NA spoke.", ("NA", "ORGANIZATION", "na"));

        Assert.Equal(["na"], Ids(CrossArticleLinker.Link([a, b])[1]));
    }

    [Fact]
    public void Two_people_sharing_a_surname_do_not_merge_across_articles()
    {
        var a = Article("a", "George Bush spoke.", ("George Bush", "PERSON", "george-bush"));
        var b = Article("b", "Jeb Bush spoke.", ("Jeb Bush", "PERSON", "jeb-bush"));
        var c = Article("c", "Bush spoke.", ("Bush", "PERSON", "bush"));

        var linked = CrossArticleLinker.Link([a, b, c]);

        Assert.Equal(["george-bush"], Ids(linked[0]));
        Assert.Equal(["jeb-bush"], Ids(linked[1]));
        Assert.Equal(["bush"], Ids(linked[2]));
    }

    [Fact]
    public void A_surname_alone_is_the_one_person_of_the_batch_named_so_in_full()
    {
        var a = Article("a", "Dmitry Peskov spoke.", ("Dmitry Peskov", "PERSON", "dmitry-peskov"));
        var b = Article("b", "Peskov said no.", ("Peskov", "PERSON", "peskov"));

        Assert.Equal(["dmitry-peskov"], Ids(CrossArticleLinker.Link([a, b])[1]));
    }
}
