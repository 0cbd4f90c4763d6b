using Storyline.Quotes;
using Storyline.Testing;
using Storyline.Text;
using Storyline.Training.Corpora;
using Storyline.Training.Evaluation;

namespace Storyline.Tests.Quotes;

public class QuoteEvaluationTests
{
    /// <summary>Measured on PolNeAR dev (84 documents, 434 gold direct quotes) with the production stages up to the
    /// quotes: detection F1 0.911, speaker F1 0.865, reported-speech recall 0.191 (train: 0.923, 0.868, 0.157).</summary>
    private const double DetectionFloor = 0.906;
    private const double SpeakerFloor = 0.860;
    private const double ReportedRecallFloor = 0.186;

    [SkippableFact]
    public void Direct_quotes_and_their_speakers_on_PolNeAR_dev_stay_above_the_floor()
    {
        var root = TestData.Require("data/quotes/polnear");
        var documents = QuoteEvaluation.Load(root, "dev");

        var scores = QuoteEvaluation.Evaluate(documents, QuoteEvaluation.ProductionQuotes());

        Assert.Equal(84, scores.Documents);
        Assert.True(scores.F1 >= DetectionFloor, $"detection F1 {scores.F1:0.000} fell below {DetectionFloor}");
        Assert.True(scores.SpeakerF1 >= SpeakerFloor, $"speaker F1 {scores.SpeakerF1:0.000} fell below {SpeakerFloor}");
        Assert.True(scores.ReportedRecall >= ReportedRecallFloor, $"reported-speech recall {scores.ReportedRecall:0.000} fell below {ReportedRecallFloor}");
    }

    private static QuoteDocument Document(string text, params GoldAttribution[] gold) => new("d", text, [.. gold]);

    private static GoldAttribution Gold(bool direct, TextSpan source, params TextSpan[] content) => new([.. content], [source], direct);

    [Fact]
    public void Both_halves_of_a_split_quote_match_one_gold_quote_and_the_speaker_must_overlap_the_source()
    {
        //                     0         1         2         3         4
        //                     0123456789012345678901234567890123456789012345
        var document = Document("“Minsk is best,” Peskov said, “it is our ally.”",
            Gold(true, new TextSpan(17, 23), new TextSpan(0, 16), new TextSpan(30, 46)));
        var cue = new TextSpan(24, 28);
        Quote[] right = [
            new(new TextSpan(0, 16), true, null, new TextSpan(17, 23), "said", "x") { CueSpan = cue },
            new(new TextSpan(30, 46), true, null, new TextSpan(17, 23), "said", "x") { CueSpan = cue }];
        Quote[] wrongSpeaker = [new(new TextSpan(0, 16), true, null, new TextSpan(30, 32), "said", "x")];

        var good = QuoteEvaluation.Evaluate([document], _ => right);
        var bad = QuoteEvaluation.Evaluate([document], _ => wrongSpeaker);

        Assert.Equal((1, 1, 1), (good.System, good.Matched, good.SpeakerRight));
        Assert.Equal((1, 1, 0), (bad.System, bad.Matched, bad.SpeakerRight));
    }

    [Fact]
    public void Matching_is_one_to_one()
    {
        var document = Document("“A b c.” “D e f.”", Gold(true, new TextSpan(0, 1), new TextSpan(0, 17)));
        Quote[] two = [new(new TextSpan(0, 8), true, null, null, null, "x"), new(new TextSpan(9, 17), true, null, null, null, "x")];

        var scores = QuoteEvaluation.Evaluate([document], _ => two);

        Assert.Equal((2, 1), (scores.System, scores.Matched));
        Assert.Equal(0.5, scores.Precision);
    }

    [Fact]
    public void Brat_offsets_count_code_points_and_become_utf16_offsets()
    {
        const string text = "😀 “Hi,” he said.";
        var ann = "T1\tContent 2 7\t“Hi,”\nT2\tSource 8 10\the\nT3\tCue 11 15\tsaid\nE1\tAttribution:T3 Content:T1 Source:T2 Cue:T3\n";

        var brat = Brat.Read(ann, text);

        var content = brat.Events.Single().Roles["Content"].Segments.Single();
        Assert.Equal("“Hi,”", text[content.Start..content.End]);
    }
}
