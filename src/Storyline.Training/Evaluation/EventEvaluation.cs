using System.Collections.Immutable;
using System.Globalization;
using System.Xml.Linq;
using Storyline.Events;
using Storyline.Pipeline;
using Storyline.Sentences;
using Storyline.Text;
using Storyline.Time;

namespace Storyline.Training.Evaluation;

/// <summary>One expected event of a PETRARCH unit-test record: CAMEO code, source and target actor codes.</summary>
public sealed record GoldEvent(string Cameo, string? Source, string? Target)
{
    /// <summary>The PLOVER type the CAMEO2PLOVER-2021 table gives the code, or null when the table drops it
    /// (PETRARCH's made-up test codes 9xx and 345, CAMEO 01 and 02).</summary>
    public string? Plover => CameoPlover.Official(Cameo)?.Type;
}

/// <summary>A PETRARCH unit-test record: its sentence, its expected events, or the error PETRARCH must raise.</summary>
public sealed record EventRecord(string Id, string Category, DateOnly? Date, string Text, ImmutableArray<GoldEvent> Gold, bool NoEvents, string? Error);

/// <summary>How one record came out, for error listings.</summary>
public sealed record EventRecordResult(EventRecord Record, ImmutableArray<EventMention> System, int GoldScored, int TypeRight, int ActorRight, int TargetRight);

/// <summary>Counts of one run; the figures are derived.</summary>
public sealed record EventScores(
    int Records, int Excluded, int Unmapped, int Scored, int NoEventRecords, int NoEventQuiet,
    int GoldEvents, int GoldDropped, int TypeRight, int ActorRight, int ActorCountryRight, int TargetRight,
    int SystemEvents, int SystemMatched)
{
    /// <summary>Share of mapped gold events for which the coder produced an event of the same PLOVER type.</summary>
    public double TypeAccuracy => Ratio(TypeRight, GoldEvents);

    /// <summary>Share of type-matched gold events whose matched event has exactly the gold source actor code.</summary>
    public double ActorAccuracy => Ratio(ActorRight, TypeRight);

    /// <summary>The same on the first three letters of the code (the country: ARN for ARNGOV).</summary>
    public double ActorCountryAccuracy => Ratio(ActorCountryRight, TypeRight);

    public double TargetAccuracy => Ratio(TargetRight, TypeRight);

    /// <summary>Share of the coder's (PLOVER-typed) events in scored records that matched a gold event.</summary>
    public double TypePrecision => Ratio(SystemMatched, SystemEvents);

    /// <summary>Share of records expected to yield no event for which the coder produced none.</summary>
    public double NoEventAccuracy => Ratio(NoEventQuiet, NoEventRecords);

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
}

/// <summary>
/// Scores the event coder on PETRARCH2's unit-test records (PETR.UnitTest.records.xml), with the expected CAMEO codes
/// mapped to PLOVER by the CAMEO2PLOVER-2021 table (issue 6).
/// </summary>
/// <remarks>
/// Definitions:
/// <list type="bullet">
/// <item>Records with an <c>error</c> coding (datelines, unparseable input, discard words: they test PETRARCH's input
/// handling, not coding) are excluded. Records whose every expected code has no PLOVER mapping (the suite's made-up
/// codes 9xx and 345) are "unmapped" and not scored; in scored records, unmapped gold events are dropped.
/// <c>noevents</c> records are scored apart: the coder should produce no PLOVER event there.</item>
/// <item>System events are expanded into dyads (each member of a compound actor with each member of a compound
/// target, PLOVER 2.4.2); their types are reduced to the 2021 table's vocabulary (DEMAND → REQUEST, FIGHT → ASSAULT;
/// MAKE STATEMENT, which the table drops, is left out).</item>
/// <item>Each gold event is matched one-to-one to a system dyad of the same PLOVER type in its sentence, preferring the
/// dyad with the gold source, then the gold target. Type accuracy = matched gold events / scored gold events.
/// Actor accuracy = matched gold events whose dyad's actor code equals the gold source code / matched gold events
/// (a gold source of "---…" counts as any code with the same agent part); actor-country accuracy compares the first
/// three letters.</item>
/// </list>
/// </remarks>
public static class EventEvaluation
{
    public static IReadOnlyList<EventRecord> Load(string path)
    {
        var document = XDocument.Load(path);
        var records = new List<EventRecord>();
        foreach (var sentence in document.Descendants("Sentence"))
        {
            var text = string.Join(' ', ((string?)sentence.Element("Text") ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var gold = new List<GoldEvent>();
            var noEvents = false;
            string? error = null;
            foreach (var coding in sentence.Elements("EventCoding"))
            {
                if ((string?)coding.Attribute("error") is { } e)
                {
                    error = e;
                }
                else if (((string?)coding.Attribute("noevents"))?.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) == true)
                {
                    noEvents = true;
                }
                else if ((string?)coding.Attribute("eventcode") is { } code)
                {
                    gold.Add(new GoldEvent(code.Trim(), Clean((string?)coding.Attribute("sourcecode")), Clean((string?)coding.Attribute("targetcode"))));
                }
            }

            DateOnly? date = DateOnly.TryParseExact((string?)sentence.Attribute("date") ?? "", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            records.Add(new EventRecord((string?)sentence.Attribute("id") ?? "", (string?)sentence.Attribute("category") ?? "", date, text, [.. gold], noEvents, error));
        }

        return records;
    }

    private static string? Clean(string? code) => code is null ? null : code.Trim().Trim('"').Trim();

    /// <summary>Runs sentences, times and the given event stage on each record's text.</summary>
    public static ImmutableArray<EventMention> Code(EventRecord record, EventStage stage)
    {
        var article = new Article
        {
            Id = record.Id,
            Text = record.Text,
            Metadata = new ArticleMetadata { Source = record.Id, Published = record.Date, PublishedFrom = record.Date is null ? PublishedFrom.None : PublishedFrom.Metadata },
        };
        var pipeline = AnalysisPipeline.Build(new SentenceStage(), new TimeStage(), stage);
        return pipeline.Run(article).Events;
    }

    public static EventScores Evaluate(IReadOnlyList<EventRecord> records, Func<EventRecord, ImmutableArray<EventMention>> code, List<EventRecordResult>? results = null)
    {
        int excluded = 0, unmapped = 0, scored = 0, noEventRecords = 0, noEventQuiet = 0;
        int goldEvents = 0, goldDropped = 0, typeRight = 0, actorRight = 0, countryRight = 0, targetRight = 0, systemEvents = 0, systemMatched = 0;
        foreach (var record in records)
        {
            if (record.Error is not null)
            {
                excluded++;
                continue;
            }

            var system = code(record);
            var dyads = Dyads(system);
            if (record.Gold.IsEmpty)
            {
                if (record.NoEvents)
                {
                    noEventRecords++;
                    noEventQuiet += dyads.Count == 0 ? 1 : 0;
                }

                continue;
            }

            var mapped = record.Gold.Where(g => g.Plover is not null).ToList();
            goldDropped += record.Gold.Length - mapped.Count;
            if (mapped.Count == 0)
            {
                unmapped++;
                continue;
            }

            scored++;
            goldEvents += mapped.Count;
            var used = new bool[dyads.Count];
            var events = new HashSet<EventMention>(ReferenceEqualityComparer.Instance);
            int right = 0, actorHits = 0, targetHits = 0;
            foreach (var gold in mapped)
            {
                var best = -1;
                var bestScore = -1;
                for (var i = 0; i < dyads.Count; i++)
                {
                    if (used[i] || dyads[i].Type != gold.Plover)
                    {
                        continue;
                    }

                    var score = (SameActor(gold.Source, dyads[i].Actor) ? 2 : 0) + (SameActor(gold.Target, dyads[i].Target) ? 1 : 0);
                    if (score > bestScore)
                    {
                        best = i;
                        bestScore = score;
                    }
                }

                if (best < 0)
                {
                    continue;
                }

                used[best] = true;
                events.Add(dyads[best].Event);
                right++;
                if (SameActor(gold.Source, dyads[best].Actor))
                {
                    actorHits++;
                }

                if (gold.Source is { Length: >= 3 } s && dyads[best].Actor is { Length: >= 3 } a && s[..3] == a[..3])
                {
                    countryRight++;
                }

                if (SameActor(gold.Target, dyads[best].Target))
                {
                    targetHits++;
                }
            }

            typeRight += right;
            actorRight += actorHits;
            targetRight += targetHits;
            var typed = system.Where(e => CameoPlover.OfficialType(e.Type) is not null).ToList();
            systemEvents += typed.Count;
            systemMatched += typed.Count(events.Contains);
            results?.Add(new EventRecordResult(record, system, mapped.Count, right, actorHits, targetHits));
        }

        return new EventScores(records.Count, excluded, unmapped, scored, noEventRecords, noEventQuiet, goldEvents, goldDropped,
            typeRight, actorRight, countryRight, targetRight, systemEvents, systemMatched);
    }

    private sealed record Dyad(EventMention Event, string Type, string? Actor, string? Target);

    private static List<Dyad> Dyads(ImmutableArray<EventMention> events)
    {
        var dyads = new List<Dyad>();
        foreach (var e in events)
        {
            if (CameoPlover.OfficialType(e.Type) is not { } type)
            {
                continue;
            }

            IEnumerable<string?> actors = e.Actors.IsDefaultOrEmpty ? [e.ActorCode] : e.Actors.Select(a => a.Code);
            IEnumerable<string?> targets = e.Targets.IsDefaultOrEmpty ? [e.TargetCode] : e.Targets.Select(t => t.Code);
            foreach (var actor in actors)
            {
                foreach (var target in targets)
                {
                    dyads.Add(new Dyad(e, type, actor, target));
                }
            }
        }

        return dyads;
    }

    /// <summary>Codes are equal; a gold "---GOV" (an agent of no known country) matches any code ending in GOV, and a
    /// missing gold target ("---" or none) matches a missing system target.</summary>
    public static bool SameActor(string? gold, string? system)
    {
        if (gold is null or "---" or "")
        {
            return system is null || system.StartsWith("---", StringComparison.Ordinal) && system.Length == 3;
        }

        if (system is null)
        {
            return false;
        }

        if (gold.StartsWith("---", StringComparison.Ordinal))
        {
            return system.Length >= 3 && system[3..] == gold[3..];
        }

        return string.Equals(gold, system, StringComparison.OrdinalIgnoreCase);
    }
}
