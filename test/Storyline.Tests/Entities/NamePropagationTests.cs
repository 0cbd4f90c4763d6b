using Storyline.Entities;
using Storyline.Tagging;

namespace Storyline.Tests.Entities;

public class NamePropagationTests
{
    private const int P = Upos.Propn, N = Upos.Noun, V = Upos.Verb, A = Upos.Adp, U = Upos.Aux, X = Upos.Punct;

    /// <summary>Runs the pass over one-space-separated words (sentences split at "."), returns the added names as
    /// their words.</summary>
    private static List<string> Added(string text, int[] pos, params NameMention[] found)
    {
        var words = text.Split(' ');
        Assert.Equal(words.Length, pos.Length);
        var initial = new bool[words.Length];
        var start = 0;
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] == "." || i == words.Length - 1)
            {
                NamePropagation.MarkSentenceInitial(words, start, i + 1 - start, initial);
                start = i + 1;
            }
        }

        var names = found.ToList();
        var count = NamePropagation.Propagate(words, pos, initial, names);
        Assert.Equal(names.OrderBy(n => n.FirstToken).ToList(), names);
        var added = names.Except(found).ToList();
        Assert.Equal(count, added.Count);
        Assert.All(added, n => Assert.Equal("PERSON", n.Type));
        return added.Select(n => string.Join(' ', words[n.FirstToken..n.EndToken])).ToList();
    }

    [Fact]
    public void A_surname_and_a_full_name_recur_as_the_person()
    {
        // Donald Trump spoke . Later Trump said no . Then Donald Trump left .
        var added = Added(
            "Donald Trump spoke . Later Trump said no . Then Donald Trump left .",
            [P, P, V, X, N, P, V, N, X, N, P, P, V, X],
            new NameMention(0, 2, "PERSON"));
        Assert.Equal(["Trump", "Donald Trump"], added);
    }

    [Fact]
    public void A_sentence_initial_surname_needs_the_proper_noun_tag()
    {
        Assert.Equal(["Trump"], Added("Donald Trump spoke . Trump said no .", [P, P, V, X, P, V, N, X], new NameMention(0, 2, "PERSON")));
        Assert.Empty(Added("Donald Trump spoke . Trump said no .", [P, P, V, X, N, V, N, X], new NameMention(0, 2, "PERSON")));
    }

    [Fact]
    public void Guards_keep_common_words_longer_names_and_other_types_out()
    {
        // "may" in lower case elsewhere: "May" is not propagated.
        Assert.Empty(Added("Theresa May spoke . It may rain in May .", [P, P, V, X, N, V, V, A, P, X], new NameMention(0, 2, "PERSON")));

        // A capitalised neighbour: part of a longer name ("Trump Tower"), or "The" before it.
        Assert.Empty(Added("Donald Trump spoke . He saw Trump Tower .", [P, P, V, X, N, V, P, P, X], new NameMention(0, 2, "PERSON")));
        Assert.Empty(Added("Donald Trump spoke . He saw New Trump .", [P, P, V, X, N, V, P, P, X], new NameMention(0, 2, "PERSON")));

        // Function words, and names also recognised as another type, are left alone.
        Assert.Empty(Added("Will spoke . He said Will go .", [P, V, X, N, V, U, V, X], new NameMention(0, 1, "PERSON")));
        Assert.Empty(Added(
            "George Washington spoke . He left Washington today . Washington is far .",
            [P, P, V, X, N, V, P, N, X, P, V, N, X],
            new NameMention(0, 2, "PERSON"), new NameMention(9, 10, "LOCATION")));

        // Lower-case words and words already inside a name are never claimed.
        Assert.Empty(Added("Donald Trump spoke .", [P, P, V, X], new NameMention(0, 2, "PERSON")));
    }
}
