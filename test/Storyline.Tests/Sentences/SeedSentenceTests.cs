using Storyline.Testing;
using Storyline.Pipeline;
using Storyline.Sentences;
using Storyline.Text;

namespace Storyline.Tests.Sentences;

/// <summary>The two seed articles (shared/seeds) split as a reader would.</summary>
public class SeedSentenceTests
{
    private static IReadOnlyList<string> SplitSeed(string prefix)
    {
        var seeds = TestData.Require("seeds");

        var path = Assert.Single(Directory.GetFiles(seeds, prefix + "_*.txt"));
        var text = File.ReadAllText(path);
        var article = new Article { Id = prefix, Text = text, Metadata = new ArticleMetadata { Source = path } };
        var analysed = new SentenceStage().Process(article, CancellationToken.None);
        Assert.Empty(ArticleInvariants.Check(analysed));
        return [.. analysed.Sentences.Select(s => text[s.Span.Start..s.Span.End])];
    }

    [SkippableTheory]
    [InlineData("000", "Minsk could be the best place to host potential trilateral talks between the U.S., Ukraine, and Russia, Kremlin spokesperson Dmitry Peskov told the Russian news agency Interfax on March 5.")]
    [InlineData("000", "Peskov's statement follows a proposal by Belarusian dictator Alexander Lukashenko to host U.S. President Donald Trump, Russian President Vladimir Putin, and Ukrainian President Volodymyr Zelensky for peace talks.")]
    [InlineData("000", "\"This issue has not been brought up or discussed in any way.")]
    [InlineData("000", "It is our main ally, so it is the best place for negotiations,\" Peskov said.")]
    [InlineData("000", "Zelensky's overture came days after his public clash with Trump in the Oval Office and after the U.S. paused all military aid to pressure Ukraine to talks.")]
    [InlineData("000", "The U.S. also voted alongside Russia on Feb. 24 against a U.N. resolution that condemned the Russian invasion of Ukraine.")]
    [InlineData("002", "Lukashenko is a close ally of Russian President Vladimir Putin.")]
    [InlineData("002", "But the 70-year-old president went on: \"We are going to sit down and calmly make an accord.")]
    [InlineData("002", "If you want to make an accord.\"")]
    [InlineData("002", "Come,\" he declared in the interview recorded on February 27.")]
    [InlineData("002", "\"But for us, Minsk is the best place for negotiations.")]
    [InlineData("002", "Minsk is our ally,\" he told reporters.")]
    public void Splits_the_seed_articles_into_these_sentences(string seed, string sentence)
    {
        var sentences = SplitSeed(seed);

        Assert.Contains(sentence, sentences);
    }

    [SkippableTheory]
    [InlineData("000", 18)]
    [InlineData("002", 24)]
    public void Finds_every_sentence_of_the_seed_articles(string seed, int count)
    {
        var sentences = SplitSeed(seed);

        Assert.Equal(count, sentences.Count);
    }

    [SkippableTheory]
    [InlineData("000")]
    [InlineData("002")]
    public void Never_ends_a_seed_sentence_at_U_S_or_Feb(string seed)
    {
        var sentences = SplitSeed(seed);

        Assert.DoesNotContain(sentences, s => s.EndsWith(" U.S.", StringComparison.Ordinal) || s.EndsWith(" Feb.", StringComparison.Ordinal));
        // The first line of 000 is its metadata header ("date 2025-03-05 …"), which ingestion marks as ignored.
        Assert.All(sentences.Skip(1), s => Assert.False(char.IsLower(s[0]), $"sentence starts in lower case: {s}"));
    }
}
