using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Storyline.Events;
using Storyline.Training;
using Storyline.Training.Evaluation;
using Storyline.Training.Events;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline eval events [DIR]</c>: PLOVER type and actor accuracy on PETRARCH2's unit-test records, with
/// the records' own dictionaries (PETR.Validate.*) and with the product's lexicons. Exit 0 when scored, 1 when the data
/// is not there.</summary>
internal static class EvalEventsCommand
{
    public static Command Create()
    {
        var dir = new Argument<string?>("dir")
        {
            Description = "The events data folder (default ../shared/data/events).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var errors = new Option<int>("--errors")
        {
            Description = "Print up to N records whose type or actor came out wrong (validation lexicons).",
            DefaultValueFactory = _ => 0,
        };
        var command = new Command("events", "Events on PETRARCH2's unit-test records mapped to PLOVER: type and actor accuracy.") { dir, errors };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(dir) ?? SharedData.Data("events");
            var path = root is null ? null : Path.Combine(root, "petrarch2-validation", "PETR.UnitTest.records.xml");
            if (path is null || !File.Exists(path))
            {
                Console.Error.WriteLine($"PETRARCH2 records not found under '{root ?? "../shared/data/events"}': give the events folder as DIR.");
                return 1;
            }

            var records = EventEvaluation.Load(path);
            var (cues, actors) = EventLexiconBuilder.ValidationLexicons(root!);
            var results = new List<EventRecordResult>();
            var rows = new List<(string Name, EventScores Scores)>
            {
                ("validation lexicons", Score(records, new EventCoder(cues, new ActorFinder(actors)), results)),
                ("  as CAMEO codes tense", Score(records, new EventCoder(cues, new ActorFinder(actors), new EventCoderOptions { FutureCooperationAsAgree = false }), null)),
                ("product lexicons", Score(records, EventCoder.Default, null)),
            };
            Print(rows);
            var shown = parse.GetValue(errors);
            foreach (var result in results.Where(r => r.TypeRight < r.GoldScored || r.ActorRight < r.TypeRight).Take(shown))
            {
                Console.WriteLine($"- {result.Record.Id} [{result.Record.Category}] {result.Record.Text}");
                Console.WriteLine($"    gold:   {string.Join("; ", result.Record.Gold.Select(g => $"{g.Cameo}={g.Plover ?? "-"} {g.Source}→{g.Target}"))}");
                Console.WriteLine($"    system: {string.Join("; ", result.System.Select(e => $"{e.Cameo}={e.Type} {e.ActorCode}→{e.TargetCode} '{result.Record.Text[e.CueSpan!.Value.Start..e.CueSpan.Value.End]}' {e.By}"))}");
            }

            return 0;
        });
        return command;
    }

    private static EventScores Score(IReadOnlyList<EventRecord> records, EventCoder coder, List<EventRecordResult>? results)
    {
        var stage = new EventStage(coder);
        return EventEvaluation.Evaluate(records, r => EventEvaluation.Code(r, stage), results);
    }

    private static void Print(List<(string Name, EventScores Scores)> rows)
    {
        static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        var s0 = rows[0].Scores;
        var table = new Table().Title(
            $"PETRARCH2 unit-test records: {s0.Records}; {s0.Excluded} error records excluded, {s0.Unmapped} with no PLOVER mapping, " +
            $"{s0.Scored} scored ({s0.GoldEvents} gold events, {s0.GoldDropped} unmapped dropped), {s0.NoEventRecords} no-event");
        table.AddColumn("lexicons");
        table.AddColumn(new TableColumn("type acc").RightAligned());
        table.AddColumn(new TableColumn("actor acc").RightAligned());
        table.AddColumn(new TableColumn("actor country").RightAligned());
        table.AddColumn(new TableColumn("target acc").RightAligned());
        table.AddColumn(new TableColumn("type prec").RightAligned());
        table.AddColumn(new TableColumn("no-event").RightAligned());
        table.AddColumn("counts");
        foreach (var (name, s) in rows)
        {
            table.AddRow(name, F(s.TypeAccuracy), F(s.ActorAccuracy), F(s.ActorCountryAccuracy), F(s.TargetAccuracy), F(s.TypePrecision), F(s.NoEventAccuracy),
                $"type {s.TypeRight}/{s.GoldEvents}, actor {s.ActorRight}, system {s.SystemMatched}/{s.SystemEvents}, quiet {s.NoEventQuiet}/{s.NoEventRecords}");
        }

        AnsiConsole.Write(table);
    }
}
