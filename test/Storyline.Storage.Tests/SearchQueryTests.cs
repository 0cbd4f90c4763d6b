using Storyline.Storage.Sqlite;

namespace Storyline.Storage.Tests;

public sealed class SearchQueryTests
{
    private static string Fts(string query) => Fts5.Render(SearchQuery.Parse(query));

    [Theory]
    [InlineData("minsk talks", "\"minsk\" AND \"talks\"")]
    [InlineData("\"best place\" minsk", "\"best place\" AND \"minsk\"")]
    [InlineData("peskov or lukashenko minsk", "(\"peskov\" OR \"lukashenko\") AND \"minsk\"")]
    [InlineData("minsk -talks -\"peace deal\"", "(\"minsk\") NOT (\"talks\" OR \"peace deal\")")]
    [InlineData("\"unclosed phrase", "\"unclosed phrase\"")]
    [InlineData("title:minsk NEAR(a", "\"title:minsk\" AND \"NEAR(a\"")]
    [InlineData("or minsk", "\"minsk\"")]
    [InlineData("minsk or", "\"minsk\"")]
    [InlineData("a \"b\"\"c\"", "\"a\" AND \"b\" AND \"c\"")]
    public void Queries_render_as_fts5_with_every_term_quoted(string query, string expected) =>
        Assert.Equal(expected, Fts(query));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-minsk")]
    [InlineData("* ^ -- \"\"")]
    [InlineData("or OR")]
    public void A_query_that_requires_nothing_is_empty(string query) =>
        Assert.True(SearchQuery.Parse(query).IsEmpty);

    [Fact]
    public void Snippet_parts_split_at_the_marks()
    {
        var snippet = $"…the {Snippets.Open}best{Snippets.Close} {Snippets.Open}place{Snippets.Close} for us";

        Assert.Equal([("…the ", false), ("best", true), (" ", false), ("place", true), (" for us", false)], Snippets.Parts(snippet));
        Assert.Equal("…the best place for us", Snippets.Plain(snippet));
    }
}
