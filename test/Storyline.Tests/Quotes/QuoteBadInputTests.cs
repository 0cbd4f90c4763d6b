using System.Diagnostics;
using System.Text;
using Storyline.Pipeline;
using Storyline.Quotes;
using Storyline.Text;

namespace Storyline.Tests.Quotes;

public class QuoteBadInputTests
{
    [Theory]
    [InlineData("“This quote never closes, Peskov said.")]
    [InlineData("This one never opens,” Peskov said.")]
    [InlineData("“One” “two” “three ” ” ” “ “ “")]
    [InlineData("\"\"\"\"\"\"\"")]
    [InlineData("''''''''''")]
    [InlineData("“")]
    [InlineData("”")]
    [InlineData("said: “")]
    [InlineData("“Minsk,”")]
    public void Unbalanced_and_empty_marks_give_sane_output(string text)
    {
        var article = QuoteFinderTests.Analyse(text);

        Assert.All(article.Quotes, q => Assert.True(q.Span.Length > 1, $"{q.Span} is too short for a quote"));
    }

    [Fact]
    public void A_whole_article_inside_quotes_is_quoted_paragraph_by_paragraph()
    {
        const string text = "“Minsk is the best place for us. It is our main ally.\n\n“So it is the best place for negotiations.\n\n“The nuances have not yet changed.”";

        var article = QuoteFinderTests.Analyse(text);

        var quotes = article.Quotes.Where(q => q.Direct).ToList();
        Assert.Equal(3, quotes.Count);
        Assert.All(quotes, q => Assert.DoesNotContain('\n', text[q.Span.Start..q.Span.End]));
    }

    [Fact]
    public void A_quote_in_a_headline_line_does_not_run_into_the_body()
    {
        const string text = "Peskov: “Minsk is the best place”\nThe Kremlin said on Wednesday that talks could be held in Minsk.";

        var article = QuoteFinderTests.Analyse(text);

        var q = Assert.Single(article.Quotes, q => q.Direct);
        Assert.Equal("“Minsk is the best place”", text[q.Span.Start..q.Span.End]);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("“")]
    [InlineData("” ")]
    [InlineData("“a” said he. ")]
    public void Ten_thousand_quote_marks_are_read_in_one_pass(string unit)
    {
        // Linear time is shown by finishing at all: a quadratic pairing of 10,000 marks (or of 2,500 quotes each
        // looking at its neighbours' context) would still finish, so the test also bounds the output.
        var text = new StringBuilder().Insert(0, unit, 10_000).ToString();
        var article = new Article { Id = "t", Text = text, Metadata = new ArticleMetadata { Source = "test" } };

        var quotes = new QuoteStage().Process(article, CancellationToken.None).Quotes;

        Assert.Empty(ArticleInvariants.Check(article with { Quotes = quotes }));
        Assert.True(quotes.Length <= 10_000);
    }

    [Fact]
    public void A_long_paragraph_of_many_quotes_keeps_one_speaker_per_attribution()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 2_000; i++)
        {
            text.Append("“We are ready to talk,” Peskov said. ");
        }

        var article = QuoteFinderTests.Analyse(text.ToString());

        Assert.Equal(2_000, article.Quotes.Count(q => q.Direct));
        Assert.All(article.Quotes, q => Assert.Equal("Peskov", text.ToString()[q.SpeakerSpan!.Value.Start..q.SpeakerSpan.Value.End]));
    }
}

/// <summary>Timing ratios run alone: a test running beside them on the same cores would skew one measurement.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;

[Collection(nameof(RunsAlone))]
public class QuoteScalingTests
{
    [Theory]
    [InlineData("\"")]
    [InlineData("“")]
    [InlineData("” ")]
    [InlineData("“a” said he. ")]
    [InlineData("“We are ready,” Peskov, the Kremlin spokesman, said, ")]
    public void Ten_times_the_marks_take_about_ten_times_as_long(string unit)
    {
        // A ratio measured in one run, not a time limit: linear work gives about 10, a quadratic pairing about 100.
        var small = new StringBuilder().Insert(0, unit, 5_000).ToString();
        var large = new StringBuilder().Insert(0, unit, 50_000).ToString();
        TextSpan[] Whole(string text) => [new TextSpan(0, text.Length)];
        QuoteFinder.Find(small, Whole(small));

        var ratio = Fastest(() => QuoteFinder.Find(large, Whole(large))) / Fastest(() => QuoteFinder.Find(small, Whole(small)));

        Assert.True(ratio < 40, $"10x the input took {ratio:0.0}x as long");
    }

    private static double Fastest(Action run)
    {
        var best = double.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            run();
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}
