using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Storyline.Pipeline;
using Storyline.Sentences;
using Storyline.Text;
using Storyline.Time;
using Storyline.Tokens;
using Storyline.Training;
using Storyline.Training.Evaluation;

namespace Storyline.Tests.Time;

/// <summary>The "times" stage on the seed articles: their dates, the inferred date of the undated one, invariants.</summary>
public sealed partial class TimeStageTests
{
    /// <summary>An article with sentence and token layers (whitespace tokens; the real tokenizer is another stage).</summary>
    private static Article Prepare(string id, string text, DateOnly? published)
    {
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var tokens = ImmutableArray.CreateBuilder<Token>();
        foreach (var span in EvaluationSentences.Split(text))
        {
            var first = tokens.Count;
            foreach (Match m in Words().Matches(text[span.Start..span.End]))
            {
                tokens.Add(new Token(new TextSpan(span.Start + m.Index, span.Start + m.Index + m.Length), TokenKind.Word));
            }

            sentences.Add(new Sentence(span, first, tokens.Count - first));
        }

        return new Article
        {
            Id = id,
            Text = text,
            Metadata = new ArticleMetadata { Source = id, Published = published, PublishedFrom = published is null ? PublishedFrom.None : PublishedFrom.Metadata },
            Layers = Layers.Text | Layers.Ignored | Layers.Sentences | Layers.Tokens,
            Sentences = sentences.ToImmutable(),
            Tokens = tokens.ToImmutable(),
        };
    }

    /// <summary>Stands in for the tokenizer and sentence stages: the test article already carries both layers.</summary>
    private sealed class GivenLayers : IStage
    {
        public string Name => "given-sentences-and-tokens";

        public Layers Requires => Layers.None;

        public Layers Produces => Layers.Sentences | Layers.Tokens;

        public Article Process(Article article, CancellationToken cancellationToken) => article;
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Words();

    private static string Seed(string prefix)
    {
        var folder = Path.Combine(SharedData.Root!, "seeds");
        return File.ReadAllText(Directory.EnumerateFiles(folder, prefix + "_*.txt").Single());
    }

    private static Dictionary<string, string> Values(Article article) =>
        article.Times.GroupBy(t => article.Text[t.Span.Start..t.Span.End]).ToDictionary(g => g.Key, g => g.First().Value);

    [TimeDataFact("seeds")]
    public void The_undated_seed_gets_its_date_inferred_from_what_it_says()
    {
        var article = Prepare("002", Seed("002"), null);
        // The year comes from a story sibling (the other seed is dated 2025-03-05); any date in that season will do.
        foreach (var near in new[] { new DateOnly(2025, 3, 5), new DateOnly(2025, 1, 15) })
        {
            var output = AnalysisPipeline.Build(new GivenLayers(), new TimeStage(near)).Run(Prepare("002", article.Text, null));
            Assert.Empty(ArticleInvariants.Check(output));
            Assert.Equal(new DateOnly(2025, 3, 5), output.Metadata.Published);
            Assert.Equal(PublishedFrom.Inferred, output.Metadata.PublishedFrom);
            var values = Values(output);
            Assert.Equal("2025-03-05", values["Wednesday"]);
            Assert.Equal("2025-02-27", values["February 27"]);
            Assert.Equal("2025-03-04", values["Tuesday"]);
            Assert.Equal("2025-02-28", values["Friday"]);
            Assert.Equal("2014", values["2014"]);
            Assert.Equal("2022", values["2022"]);
        }

        var (date, evidence) = PublicationDateInference.Infer(article, new DateOnly(2025, 1, 15));
        Assert.Equal(new DateOnly(2025, 3, 5), date);
        Assert.Contains("published Wednesday", evidence, StringComparison.Ordinal);
    }

    [TimeDataFact("seeds")]
    public void Without_any_basis_for_a_year_nothing_is_invented()
    {
        var output = new TimeStage().Process(Prepare("002", Seed("002"), null), CancellationToken.None);
        Assert.Null(output.Metadata.Published);
        Assert.Equal(PublishedFrom.None, output.Metadata.PublishedFrom);
        var values = Values(output);
        Assert.Equal("XXXX-WXX-5", values["Friday"]);
        Assert.Equal("XXXX-02-27", values["February 27"]);
    }

    [TimeDataFact("seeds")]
    public void The_dated_seed_has_the_dates_a_reader_expects()
    {
        var output = AnalysisPipeline.Build(new GivenLayers(), new TimeStage()).Run(Prepare("000", Seed("000"), new DateOnly(2025, 3, 5)));
        Assert.Empty(ArticleInvariants.Check(output));
        Assert.Equal(PublishedFrom.Metadata, output.Metadata.PublishedFrom);
        var values = Values(output);
        Assert.Equal("2025-03-05", values["March 5"]);
        Assert.Equal("2025-03-04", values["March 4"]);
        Assert.Equal("2025-02-24", values["Feb. 24"]);
        Assert.Equal("2025-02", values["the end of February"]);
        Assert.Equal("END", output.Times.Single(t => output.Text[t.Span.Start..t.Span.End] == "the end of February").Mod);
    }

    [Fact]
    public void An_article_with_a_date_keeps_it_and_its_times_are_sorted_and_disjoint()
    {
        var text = "Talks resumed on Friday. They will continue next week, officials said on March 3. Every Tuesday the council meets.";
        var output = AnalysisPipeline.Build(new GivenLayers(), new TimeStage()).Run(Prepare("x", text, new DateOnly(2025, 3, 5)));
        Assert.Empty(ArticleInvariants.Check(output));
        Assert.Equal(new DateOnly(2025, 3, 5), output.Metadata.Published);
        Assert.Equal(["2025-02-28", "2025-W11", "2025-03-03", "XXXX-WXX-2"], output.Times.Select(t => t.Value));
    }

    [Fact]
    public void The_stage_declares_what_it_needs_and_makes()
    {
        var stage = new TimeStage();
        Assert.Equal("times", stage.Name);
        Assert.Equal(Layers.Sentences | Layers.Tokens, stage.Requires);
        Assert.Equal(Layers.Times, stage.Produces);
        Assert.Throws<PipelineConfigurationException>(() => AnalysisPipeline.Build(stage));
    }
}
