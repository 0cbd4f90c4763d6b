using Storyline.Testing;
using Storyline.Training.Corpora;
using Storyline.Training.Evaluation;

namespace Storyline.Tests.Sentences;

public class SentenceBoundaryEvaluationTests
{
    // Floors: a little below the figures measured when they were recorded (EWT dev 0.8942, GMB dev 0.9979,
    // both "within paragraphs"). Raising a floor is a commit; lowering one needs a reason.
    private const double EwtWithinParagraphsFloor = 0.889;
    private const double GmbWithinParagraphsFloor = 0.992;

    // Token spans against UD EWT dev words: measured 0.9892.
    private const double EwtTokenSpanFloor = 0.984;

    [SkippableFact]
    public void Scores_UD_EWT_dev_boundaries_within_paragraphs_above_the_floor()
    {
        var path = TestData.Require("data/pos/ud-english-ewt/en_ewt-ud-dev.conllu");

        var result = SentenceBoundaryEvaluation.ScoreEwt(path);
        Assert.Equal(2001, result.GoldSentences);
        Assert.True(result.WithinParagraphs.F1 >= EwtWithinParagraphsFloor,
            $"EWT dev within-paragraph F1 {result.WithinParagraphs.F1:0.0000} fell below the floor {EwtWithinParagraphsFloor}");
    }

    [SkippableFact]
    public void Scores_GMB_dev_boundaries_within_paragraphs_above_the_floor()
    {
        var path = TestData.Require("data/ner/gmb/ner_dataset.csv");

        var result = SentenceBoundaryEvaluation.ScoreGmbDev(path);
        Assert.Equal(4300, result.GoldSentences);
        Assert.True(result.WithinParagraphs.F1 >= GmbWithinParagraphsFloor,
            $"GMB dev within-paragraph F1 {result.WithinParagraphs.F1:0.0000} fell below the floor {GmbWithinParagraphsFloor}");
    }

    [SkippableFact]
    public void Tokenizes_UD_EWT_dev_like_its_gold_words_above_the_floor()
    {
        var path = TestData.Require("data/pos/ud-english-ewt/en_ewt-ud-dev.conllu");

        var result = TokenizationEvaluation.ScoreEwt(path);
        Assert.Equal(0, result.Unaligned);
        Assert.True(result.Spans.F1 >= EwtTokenSpanFloor, $"EWT dev token-span F1 {result.Spans.F1:0.0000} fell below the floor {EwtTokenSpanFloor}");
    }

    [SkippableTheory]
    [InlineData(new[] { "He", "said", ",", "\"", "We", "won", ".", "\"" }, "He said, \"We won.\"")]
    [InlineData(new[] { "Bush", "'s", "aides", "do", "n't", "agree", "(", "yet", ")", ";", "50", "%", "or", "$", "5", "?" },
        "Bush's aides don't agree (yet); 50% or $5?")]
    [InlineData(new[] { "It", "is", "in", "the", "U.S.", "." }, "It is in the U.S.")]
    [InlineData(new[] { "the", "workers", "'", "union", "and", "HIV", "/", "AIDS", "..." }, "the workers' union and HIV/AIDS...")]
    [InlineData(new[] { "\"", "Stop", "the", "Bombings", ".", "\"" }, "\"Stop the Bombings.\"")]
    public void Detokenises_GMB_sentences_into_natural_text(string[] words, string expected) =>
        Assert.Equal(expected, new GmbDetokenizer().Detokenize(words));

    [SkippableFact]
    public void Carries_an_open_quote_into_the_next_sentence_of_a_document()
    {
        var detokenizer = new GmbDetokenizer();
        Assert.Equal("He said: \"We won.", detokenizer.Detokenize(["He", "said", ":", "\"", "We", "won", "."]));
        Assert.Equal("It was hard.\"", detokenizer.Detokenize(["It", "was", "hard", ".", "\""]));
        detokenizer.Reset();
        Assert.Equal("\"Go", detokenizer.Detokenize(["\"", "Go"]));
    }

    [SkippableFact]
    public void Builds_EWT_documents_from_paragraphs_with_the_gold_sentence_ends()
    {
        ConlluSentence Sentence(string doc, string par, string text) => new("s", doc, par, text, [new ConlluWord("x", "X", "X", true)]);
        var documents = SentenceBoundaryEvaluation.EwtDocuments(
        [
            Sentence("d1", "p1", "One."), Sentence("d1", "p1", "Two"), Sentence("d1", "p2", "Three."), Sentence("d2", "p3", "Four."),
        ]);

        Assert.Equal(2, documents.Count);
        Assert.Equal("One. Two\n\nThree.", documents[0].Text);
        Assert.Equal([4, 8, 16], documents[0].GoldEnds);
        Assert.Equal(new HashSet<int> { 8, 16 }, documents[0].LayoutEnds);
    }

    [SkippableFact]
    public void Scores_boundaries_against_gold_and_leaves_layout_ends_out_of_the_headline()
    {
        // Gold: "One. Two three" is two sentences, the second without a full stop; predicted: "One." and "Two three".
        var document = new BoundaryDocument("d", "One. Two three\n\nFour five. Six", [4, 14, 26, 30], new HashSet<int> { 14, 30 });
        var result = SentenceBoundaryEvaluation.Score("test", [document]);
        Assert.Equal(new BoundaryScore(4, 0, 0), result.All);
        Assert.Equal(new BoundaryScore(2, 0, 0), result.WithinParagraphs);

        var missed = new BoundaryDocument("d", "One two Three four.", [7, 19], new HashSet<int> { 19 });
        var scored = SentenceBoundaryEvaluation.Score("test", [missed], keepErrors: 5);
        Assert.Equal(new BoundaryScore(0, 0, 1), scored.WithinParagraphs);
        Assert.Equal(0.5, scored.All.Recall);
        Assert.False(Assert.Single(scored.Errors).Spurious);
    }
}
