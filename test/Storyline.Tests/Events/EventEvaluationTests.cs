using System.Collections.Immutable;
using Storyline.Events;
using Storyline.Testing;
using Storyline.Text;
using Storyline.Training.Evaluation;
using Storyline.Training.Events;

namespace Storyline.Tests.Events;

public class EventEvaluationTests
{
    /// <summary>Measured on the 284 PETRARCH2 unit-test records (190 scored, 274 mapped gold events) with the records'
    /// own dictionaries: type accuracy 0.657 and actor accuracy 0.656 with PLOVER's future rule; 0.847 and 0.685
    /// coded as CAMEO codes tense (the gold's convention).</summary>
    private const double TypeFloor = 0.652;
    private const double ActorFloor = 0.651;
    private const double CameoTenseTypeFloor = 0.842;
    private const double CameoTenseActorFloor = 0.680;

    [SkippableFact]
    public void Type_and_actor_accuracy_on_the_PETRARCH2_records_stay_above_the_floor()
    {
        var root = TestData.Require("data/events");
        var records = EventEvaluation.Load(Path.Combine(root, "petrarch2-validation", "PETR.UnitTest.records.xml"));
        var (cues, actors) = EventLexiconBuilder.ValidationLexicons(root);

        var plover = Score(records, new EventCoder(cues, new ActorFinder(actors)));
        var cameo = Score(records, new EventCoder(cues, new ActorFinder(actors), new EventCoderOptions { FutureCooperationAsAgree = false }));

        Assert.Equal(284, plover.Records);
        Assert.Equal(7, plover.Excluded);
        Assert.True(plover.TypeAccuracy >= TypeFloor, $"type accuracy {plover.TypeAccuracy:0.000} fell below {TypeFloor}");
        Assert.True(plover.ActorAccuracy >= ActorFloor, $"actor accuracy {plover.ActorAccuracy:0.000} fell below {ActorFloor}");
        Assert.True(cameo.TypeAccuracy >= CameoTenseTypeFloor, $"type accuracy (CAMEO tense) {cameo.TypeAccuracy:0.000} fell below {CameoTenseTypeFloor}");
        Assert.True(cameo.ActorAccuracy >= CameoTenseActorFloor, $"actor accuracy (CAMEO tense) {cameo.ActorAccuracy:0.000} fell below {CameoTenseActorFloor}");
    }

    private static EventScores Score(IReadOnlyList<EventRecord> records, EventCoder coder)
    {
        var stage = new EventStage(coder);
        return EventEvaluation.Evaluate(records, r => EventEvaluation.Code(r, stage));
    }

    [SkippableFact]
    public void The_committed_lexicons_are_what_train_events_derives()
    {
        var root = TestData.Require("data/events");
        var folder = Path.Combine(Path.GetTempPath(), "storyline-events-" + Guid.NewGuid().ToString("N"));
        try
        {
            EventLexiconBuilder.Build(root, folder);
            var committed = Path.Combine(RepositoryRoot(), "models", "events");
            foreach (var file in new[] { "cues.tsv", "actors.tsv", "plover.tsv" })
            {
                Assert.True(File.ReadAllText(Path.Combine(committed, file)) == File.ReadAllText(Path.Combine(folder, file)), $"models/events/{file} differs from a fresh `storyline train events`");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Storyline.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }

    private static EventMention Event(string type, string? actorCode, string? targetCode, params ActorMention[] actors) =>
        new(new TextSpan(0, 1), type, null, null, null, null) { ActorCode = actorCode, TargetCode = targetCode, Actors = [.. actors] };

    private static ActorMention Actor(string code) => new(new TextSpan(0, 1), 0, 1, code, code.ToLowerInvariant(), code);

    [Fact]
    public void A_compound_event_matches_one_gold_event_per_member_and_unmapped_codes_are_dropped()
    {
        var record = new EventRecord("r", "C", null, "x",
            [new GoldEvent("112", "FRA", "IRN"), new GoldEvent("112", "DEU", "IRN"), new GoldEvent("903", "FRA", "IRN")], false, null);
        ImmutableArray<EventMention> system = [Event("ACCUSE", "FRA", "IRN", Actor("FRA"), Actor("DEU"))];

        var scores = EventEvaluation.Evaluate([record], _ => system);

        Assert.Equal((2, 1, 2, 2), (scores.GoldEvents, scores.GoldDropped, scores.TypeRight, scores.ActorRight));
    }

    [Fact]
    public void Error_records_are_excluded_and_no_event_records_scored_apart()
    {
        EventRecord[] records = [new("e", "E", null, "x", [], false, "dateline"), new("n", "N", null, "x", [], true, null)];

        var quiet = EventEvaluation.Evaluate(records, _ => []);
        var noisy = EventEvaluation.Evaluate(records, _ => [Event("ACCUSE", "FRA", null)]);

        Assert.Equal((1, 1, 1), (quiet.Excluded, quiet.NoEventRecords, quiet.NoEventQuiet));
        Assert.Equal(0, noisy.NoEventQuiet);
        Assert.Equal(0, noisy.Scored);
    }

    [Theory]
    [InlineData("ARNGOV", "ARNGOV", true)]
    [InlineData("ARNGOV", "ARN", false)]
    [InlineData("---GOV", "BREGOV", true)]
    [InlineData("---", null, true)]
    [InlineData(null, "GON", false)]
    public void Actor_codes_compare_exactly_with_an_unknown_country_matching_any(string? gold, string? system, bool same) =>
        Assert.Equal(same, EventEvaluation.SameActor(gold, system));
}
