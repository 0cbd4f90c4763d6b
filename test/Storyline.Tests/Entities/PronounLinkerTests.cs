using System.Collections.Immutable;
using Storyline.Entities;
using Storyline.Sentences;
using Storyline.Text;
using Storyline.Tokens;

namespace Storyline.Tests.Entities;

public class PronounLinkerTests
{
    private static readonly HashSet<string> Verbs = ["met", "left", "said", "hurt", "thanked", "smiled", "waved", "arrived", "sat", "spoke"];

    /// <summary>The text split at spaces, sentences ending at " . ", names given as (first word, word count); every
    /// name is a PERSON whose id is its slug. Returns each resolved pronoun as (word index, entity).</summary>
    private static List<(int Word, string Entity)> Resolve(string text, params (int First, int Count)[] names)
    {
        var tokens = NewsTokenizer.Tokenize(text)
            .Select(t => t with { Pos = text[t.Span.Start..t.Span.End] is var w && Verbs.Contains(w) ? "VERB" : char.IsUpper(w[0]) ? "PROPN" : w == "." ? "PUNCT" : "PRON" })
            .ToImmutableArray();
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var first = 0;
        for (var t = 0; t < tokens.Length; t++)
        {
            if (text[tokens[t].Span.Start] == '.' || t == tokens.Length - 1)
            {
                sentences.Add(new Sentence(new TextSpan(tokens[first].Span.Start, tokens[t].Span.End), first, t - first + 1));
                first = t + 1;
            }
        }

        var entities = names.Select(n => new TextSpan(tokens[n.First].Span.Start, tokens[n.First + n.Count - 1].Span.End))
            .Select(s => new EntityMention(s, "PERSON", EntityLinker.Slug(text[s.Start..s.End]))).ToImmutableArray();
        var article = new Article
        {
            Id = "a", Text = text, Metadata = new ArticleMetadata { Source = "a" },
            Tokens = tokens, Sentences = sentences.ToImmutable(), Entities = entities,
        };
        return PronounLinker.Link(article).Select(l => (tokens.IndexOf(tokens.First(t => t.Span == l.Span)), l.Entity)).ToList();
    }

    [Fact]
    public void Gender_from_the_first_name_picks_the_person()
    {
        var links = Resolve("Jennifer Smith met Andrew Jones . She thanked him .", (0, 2), (3, 2));
        Assert.Equal([(6, "jennifer-smith"), (8, "andrew-jones")], links);
    }

    [Fact]
    public void The_subject_of_the_previous_sentence_wins_over_a_later_person_in_it()
    {
        var links = Resolve("Pat Doe met Lu Roe . He left .", (0, 2), (3, 2));
        Assert.Equal([(6, "pat-doe")], links);
    }

    [Fact]
    public void The_subject_of_the_sentence_before_wins_over_an_object_after_it()
    {
        var links = Resolve("Pat Doe spoke . It met Lu Roe . He left .", (0, 2), (6, 2));
        Assert.Equal([(9, "pat-doe")], links);
    }

    [Fact]
    public void A_reflexive_takes_the_nearest_person_of_its_sentence()
    {
        var links = Resolve("Pat Doe said Lu Roe hurt himself .", (0, 2), (3, 2));
        Assert.Equal([(6, "lu-roe")], links);
    }

    [Fact]
    public void A_pronoun_already_linked_tells_the_gender_for_the_pronouns_after_it()
    {
        // "She" goes to Jo Park (Andrew is male); "He" must then skip her, whatever is more recent.
        var links = Resolve("Jo Park and Andrew Jones met . She smiled . He waved .", (0, 2), (3, 2));
        Assert.Equal([(7, "jo-park"), (10, "andrew-jones")], links);
    }

    [Fact]
    public void A_pronoun_with_no_person_near_it_stays_unlinked()
    {
        var text = "Pat Doe arrived ." + string.Concat(Enumerable.Repeat(" It sat .", PronounLinker.Window + 1)) + " He spoke .";
        Assert.Empty(Resolve(text, (0, 2)));
        Assert.Single(Resolve("Pat Doe arrived . It sat . He spoke .", (0, 2)));
    }

    [Theory]
    [InlineData("he", true)]
    [InlineData("Herself", true)]
    [InlineData("they", false)]
    [InlineData("it", false)]
    public void Person_pronouns_are_third_person_singular(string word, bool expected) =>
        Assert.Equal(expected, PronounLinker.IsPersonPronoun(word));
}
