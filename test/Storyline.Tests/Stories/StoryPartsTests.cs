using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Tests.Stories;

public class StoryPartsTests
{
    private static Article Article(string id, string text, string? outlet = null) => new()
    {
        Id = id,
        Text = text,
        Metadata = new ArticleMetadata { Source = id, Outlet = outlet },
    };

    [Theory]
    [InlineData("a proposal by Belarusian dictator Alexander Lukashenko to host", "Alexander Lukashenko", "Belarusian dictator")]
    [InlineData("Kremlin spokesperson Dmitry Peskov told the agency", "Dmitry Peskov", "Kremlin spokesperson")]
    [InlineData("to host U.S. President Donald Trump, Russian", "Donald Trump", "U.S. President")]
    [InlineData("an interview with US blogger Mario Nawfal, reported", "Mario Nawfal", "US blogger")]
    [InlineData("reported by state news agency Belta.", "Belta", "state news agency")]
    [InlineData("between the U.S., Ukraine, and Russia, Kremlin spokesperson Dmitry Peskov said", "Dmitry Peskov", "Kremlin spokesperson")]
    public void A_descriptor_is_the_run_of_titles_and_role_words_right_before_a_name(string text, string name, string descriptor)
    {
        var article = Article("a", text);

        var mention = Assert.Single(Names.Find(article), m => m.Name == name);

        Assert.Equal(descriptor, mention.Descriptor is { } d ? text[d.Start..d.End] : null);
    }

    private static DiffPiece DiffPiece(DiffOp op, string text) => new(op, text);

    [Fact]
    public void A_word_diff_shows_what_each_wording_has_that_the_other_lacks()
    {
        var pieces = WordDiff.Compare("Minsk is the best place for us. It is our main ally", "for us, Minsk is the best place. Minsk is our ally");

        Assert.Equal(DiffPiece(DiffOp.Added, "for us,"), pieces[0]);
        Assert.Equal(DiffPiece(DiffOp.Same, "Minsk is the best place."), pieces[1]);
        Assert.Contains(DiffPiece(DiffOp.Removed, "main"), pieces);
        Assert.Equal(DiffPiece(DiffOp.Same, "ally"), pieces[^1]);
        Assert.StartsWith("{+for us,+} Minsk is the best", WordDiff.Format(pieces), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_distance_given_differently_by_two_outlets_is_a_discrepancy()
    {
        Article[] articles = [
            Article("a", "There is only 200 kilometres between the Belarus frontier and Kyiv, Lukashenko said.", "WION"),
            Article("b", "Lukashenko said Kyiv lies 190 km from the Belarus frontier.", "Belta"),
            Article("c", "In 2022 some 200 km of road were rebuilt in Poland.", "Other")];

        var discrepancy = Assert.Single(NumberComparison.Compare(articles));

        Assert.Equal("km", discrepancy.Unit);
        Assert.Equal(["200 kilometres", "190 km"], discrepancy.Mentions.Select(m => m.Text));
        Assert.Equal([200.0, 190.0], discrepancy.Mentions.Select(m => m.Value));
    }

    [Fact]
    public void The_same_value_in_two_outlets_is_not_a_discrepancy_and_years_are_not_quantities()
    {
        Article[] articles = [
            Article("a", "The quake killed 12 people in Arica in 2024.", "A"),
            Article("b", "In Arica the quake killed 12 people, in 2025 figures.", "B")];

        Assert.Empty(NumberComparison.Compare(articles));
    }

    [Theory]
    [InlineData("A magnitude 6.1 earthquake struck Chile.", "A magnitude 6.1 earthquake struck Chile.", 1.0)]
    [InlineData("A magnitude 6.1 earthquake struck Chile.", "", 0.0)]
    public void MinHash_estimates_jaccard_similarity_of_shingles(string a, string b, double expected)
    {
        var extractor = new StoryFeatureExtractor();

        var similarity = MinHash.Similarity(extractor.Extract(Article("a", a)).Signature, extractor.Extract(Article("b", b)).Signature);

        Assert.Equal(expected, similarity, 3);
    }

    [Fact]
    public void Unrelated_texts_have_a_low_minhash_similarity()
    {
        var extractor = new StoryFeatureExtractor();
        var a = extractor.Extract(Article("a", "The New York Yankees signed first baseman Mark Teixeira to an eight-year contract on Tuesday."));
        var b = extractor.Extract(Article("b", "A magnitude 6.1 earthquake struck northern Chile near Arica on Tuesday, killing two people."));

        Assert.True(MinHash.Similarity(a.Signature, b.Signature) < 0.2);
    }
}
