using Storyline.Entities;
using Storyline.Tokens;

namespace Storyline.Tests.Entities;

public class EntityLinkerTests
{
    private static readonly EntityNames Names = new(
        new Dictionary<string, string> { ["U.S."] = "United States", ["USA"] = "United States" },
        new Dictionary<string, string> { ["Belarusian"] = "Belarus", ["Iraqis"] = "Iraq" });

    /// <summary>Links the names given as (first word, word count, type) over the text split at spaces.</summary>
    private static List<(string Text, string Entity, string? Descriptor)> Link(string text, params (int First, int Count, string Type)[] names)
    {
        var tokens = NewsTokenizer.Tokenize(text).Select(t => t with { Pos = char.IsUpper(text[t.Span.Start]) ? "PROPN" : "NOUN" }).ToList();
        var mentions = EntityLinker.Link(text, tokens, names.Select(n => new NameMention(n.First, n.First + n.Count, n.Type)).ToList(), Names);
        return mentions.Select(m => (text[m.Span.Start..m.Span.End], m.Entity, m.Descriptor)).ToList();
    }

    [Fact]
    public void Titles_are_not_part_of_the_identity()
    {
        var linked = Link("President Donald Trump met Trump", (0, 3, "PERSON"), (4, 1, "PERSON"));
        Assert.Equal(("President Donald Trump", "donald-trump", "President"), linked[0]);
        Assert.Equal("donald-trump", linked[1].Entity);
    }

    [Fact]
    public void Two_people_who_share_a_surname_stay_apart_and_the_nearest_one_wins()
    {
        var linked = Link("George Bush left . Jeb Bush came . Bush spoke", (0, 2, "PERSON"), (4, 2, "PERSON"), (8, 1, "PERSON"));
        Assert.Equal("george-bush", linked[0].Entity);
        Assert.Equal("jeb-bush", linked[1].Entity);
        Assert.Equal("jeb-bush", linked[2].Entity);
    }

    [Fact]
    public void Demonyms_and_country_aliases_resolve_to_the_country()
    {
        var linked = Link("Belarusian troops and U.S. officials", (0, 1, "NORP"), (3, 1, "LOCATION"));
        Assert.Equal("belarus", linked[0].Entity);
        Assert.Equal("united-states", linked[1].Entity);
    }

    [Fact]
    public void An_acronym_is_the_organisation_it_abbreviates()
    {
        var linked = Link("the United Nations and the U.N. agree", (1, 2, "ORGANIZATION"), (5, 1, "ORGANIZATION"));
        Assert.Equal("united-nations", linked[1].Entity);
    }

    [Theory]
    [InlineData("Dmitry Peskov", "dmitry-peskov")]
    [InlineData("U.N.", "un")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("José Martí", "josé-martí")]
    [InlineData("Путин", "путин")]
    public void Slugs_are_lowercase_words_joined_by_dashes(string name, string slug) => Assert.Equal(slug, EntityLinker.Slug(name));
}
