using System.Collections.Immutable;
using Storyline.Pipeline;
using Storyline.Quotes;
using Storyline.Text;
using Storyline.Training.Corpora;

namespace Storyline.Training.Evaluation;

/// <summary>One gold attribution of PolNeAR: its content segments, its source segments (empty when it has none) and
/// whether it is a direct quote (the content starts with a quotation mark).</summary>
public sealed record GoldAttribution(ImmutableArray<TextSpan> Content, ImmutableArray<TextSpan> Source, bool Direct);

public sealed record QuoteDocument(string Name, string Text, ImmutableArray<GoldAttribution> Gold);

/// <summary>A gold or system attribution that was missed or wrong, for error analysis.</summary>
public sealed record QuoteError(string Document, string Kind, TextSpan Span, TextSpan? SystemSpeaker, ImmutableArray<TextSpan> GoldSource, string? By = null);

/// <summary>Counts of one run; the figures are derived.</summary>
public sealed record QuoteScores(
    int Documents, int Gold, int System, int Matched, int SpeakerRight, int ReportedGold, int ReportedFound,
    int ReportedSystem, int ReportedSystemOnGold)
{
    public double Precision => Ratio(Matched, System);
    public double Recall => Ratio(Matched, Gold);
    public double F1 => Harmonic(Precision, Recall);
    public double SpeakerPrecision => Ratio(SpeakerRight, System);
    public double SpeakerRecall => Ratio(SpeakerRight, Gold);
    public double SpeakerF1 => Harmonic(SpeakerPrecision, SpeakerRecall);
    public double ReportedRecall => Ratio(ReportedFound, ReportedGold);

    /// <summary>Share of system reported-speech quotes that overlap some gold attribution (direct or not).</summary>
    public double ReportedPrecision => Ratio(ReportedSystemOnGold, ReportedSystem);

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
    private static double Harmonic(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>
/// Scores quote extraction on PolNeAR as issue 5 defines it. Gold direct quotes are the attributions whose content
/// starts with a quotation mark, from one annotator file per document (the first in sorted order). The parts of one
/// system attribution (quotes sharing a cue: a split quote, a continuation) form one unit, as PolNeAR annotates them
/// as one discontinuous content. Units and gold quotes are matched one-to-one by content overlap (largest overlap
/// first); the speaker is right when the system's speaker span overlaps the gold source (or both have none).
/// Reported speech: recall of the other attributions by system quotes with <c>Direct = false</c>, one-to-one.
/// </summary>
public static class QuoteEvaluation
{
    private const string QuotationMarks = "\"“”‘’'«»„";

    public static IReadOnlyList<QuoteDocument> Load(string polnearRoot, string split)
    {
        var folder = Path.Combine(polnearRoot, "data", split);
        var annotations = Directory.GetFiles(Path.Combine(folder, "attributions"), "*.ann");
        Array.Sort(annotations, StringComparer.Ordinal);
        var documents = new List<QuoteDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ann in annotations)
        {
            // "name_ANNOTATOR.ann": the annotator id is the last underscore-separated part.
            var stem = Path.GetFileNameWithoutExtension(ann);
            var name = stem[..stem.LastIndexOf('_')];
            var textPath = Path.Combine(folder, "text", name + ".txt");
            if (!seen.Add(name) || !File.Exists(textPath))
            {
                continue;
            }

            var text = File.ReadAllText(textPath);
            var brat = Brat.Read(File.ReadAllText(ann), text);
            var gold = ImmutableArray.CreateBuilder<GoldAttribution>();
            foreach (var e in brat.Events)
            {
                if (!e.Roles.TryGetValue("Content", out var content))
                {
                    continue;
                }

                var first = content.Segments[0];
                var direct = first.Length > 0 && QuotationMarks.Contains(text[first.Start], StringComparison.Ordinal);
                var source = e.Roles.TryGetValue("Source", out var s) ? s.Segments : [];
                gold.Add(new GoldAttribution(content.Segments, source, direct));
            }

            documents.Add(new QuoteDocument(name, text, gold.ToImmutable()));
        }

        return documents;
    }

    /// <summary>What production runs on a document up to the quotes: the stages of <see cref="StandardPipeline"/> up to
    /// and including <see cref="QuoteStage"/> (tokens, sentences, POS, entities, times), so the figures describe the
    /// product and the speakers are resolved against real entities.</summary>
    public static Func<QuoteDocument, IReadOnlyList<Quote>> ProductionQuotes()
    {
        var stages = StandardPipeline.Create().Stages;
        var quoteStage = stages.IndexOf(stages.First(s => s is QuoteStage));
        var pipeline = AnalysisPipeline.Build(stages.Take(quoteStage + 1));
        return document => pipeline.Run(new Article
        {
            Id = document.Name, Text = document.Text, Metadata = new ArticleMetadata { Source = document.Name },
        }).Quotes;
    }

    /// <summary>Runs <paramref name="extract"/> on every document and scores it; <paramref name="errors"/>, when
    /// given, receives every miss, false alarm and wrong speaker.</summary>
    public static QuoteScores Evaluate(IReadOnlyList<QuoteDocument> documents, Func<QuoteDocument, IReadOnlyList<Quote>> extract, List<QuoteError>? errors = null)
    {
        int gold = 0, system = 0, matched = 0, speakerRight = 0, reportedGold = 0, reportedFound = 0, reportedSystem = 0, reportedOnGold = 0;
        foreach (var document in documents)
        {
            var quotes = extract(document);
            var units = Units(quotes.Where(q => q.Direct));
            var goldDirect = document.Gold.Where(g => g.Direct).ToList();
            gold += goldDirect.Count;
            system += units.Count;
            var pairs = Match(units.Select(u => u.Spans).ToList(), goldDirect.Select(g => g.Content).ToList());
            var matchedUnits = new HashSet<int>();
            var matchedGold = new HashSet<int>();
            foreach (var (u, g) in pairs)
            {
                matched++;
                matchedUnits.Add(u);
                matchedGold.Add(g);
                var speaker = units[u].Speaker;
                var source = goldDirect[g].Source;
                var right = source.IsEmpty ? speaker is null : speaker is { } sp && source.Any(s => s.Overlaps(sp));
                if (right)
                {
                    speakerRight++;
                }
                else
                {
                    errors?.Add(new QuoteError(document.Name, "speaker", units[u].Spans[0], speaker, source, units[u].By));
                }
            }

            if (errors is not null)
            {
                for (var u = 0; u < units.Count; u++)
                {
                    if (!matchedUnits.Contains(u))
                    {
                        errors.Add(new QuoteError(document.Name, "false-alarm", units[u].Spans[0], units[u].Speaker, [], units[u].By));
                    }
                }

                for (var g = 0; g < goldDirect.Count; g++)
                {
                    if (!matchedGold.Contains(g))
                    {
                        errors.Add(new QuoteError(document.Name, "miss", goldDirect[g].Content[0], null, goldDirect[g].Source));
                    }
                }
            }

            var reported = quotes.Where(q => !q.Direct).Select(q => ImmutableArray.Create(q.Span)).ToList();
            var goldReported = document.Gold.Where(g => !g.Direct).Select(g => g.Content).ToList();
            reportedGold += goldReported.Count;
            reportedSystem += reported.Count;
            var reportedPairs = Match(reported, goldReported);
            reportedFound += reportedPairs.Count;
            reportedOnGold += reported.Count(r => document.Gold.Any(g => g.Content.Any(c => c.Overlaps(r[0]))));
            if (errors is not null)
            {
                var found = reportedPairs.Select(p => p.Gold).ToHashSet();
                for (var g = 0; g < goldReported.Count; g++)
                {
                    if (!found.Contains(g))
                    {
                        errors.Add(new QuoteError(document.Name, "reported-miss", goldReported[g][0], null, []));
                    }
                }
            }
        }

        return new QuoteScores(documents.Count, gold, system, matched, speakerRight, reportedGold, reportedFound, reportedSystem, reportedOnGold);
    }

    /// <summary>System quotes grouped into attributions: the quotes that share a cue span are one unit.</summary>
    private static List<(ImmutableArray<TextSpan> Spans, TextSpan? Speaker, string By)> Units(IEnumerable<Quote> quotes)
    {
        var units = new List<(ImmutableArray<TextSpan> Spans, TextSpan? Speaker, string By)>();
        var byCue = new Dictionary<TextSpan, int>();
        foreach (var quote in quotes)
        {
            if (quote.CueSpan is { } cue && byCue.TryGetValue(cue, out var index))
            {
                units[index] = (units[index].Spans.Add(quote.Span), units[index].Speaker ?? quote.SpeakerSpan, units[index].By);
                continue;
            }

            if (quote.CueSpan is { } newCue)
            {
                byCue[newCue] = units.Count;
            }

            units.Add(([quote.Span], quote.SpeakerSpan, quote.By));
        }

        return units;
    }

    /// <summary>One-to-one matching of overlapping span sets, largest overlap first.</summary>
    private static List<(int System, int Gold)> Match(List<ImmutableArray<TextSpan>> system, List<ImmutableArray<TextSpan>> gold)
    {
        var candidates = new List<(int Overlap, int System, int Gold)>();
        for (var s = 0; s < system.Count; s++)
        {
            for (var g = 0; g < gold.Count; g++)
            {
                var overlap = 0;
                foreach (var a in system[s])
                {
                    foreach (var b in gold[g])
                    {
                        overlap += Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));
                    }
                }

                if (overlap > 0)
                {
                    candidates.Add((overlap, s, g));
                }
            }
        }

        candidates.Sort((x, y) => y.Overlap != x.Overlap ? y.Overlap.CompareTo(x.Overlap) : x.System != y.System ? x.System.CompareTo(y.System) : x.Gold.CompareTo(y.Gold));
        var usedSystem = new HashSet<int>();
        var usedGold = new HashSet<int>();
        var pairs = new List<(int System, int Gold)>();
        foreach (var (_, s, g) in candidates)
        {
            if (usedSystem.Add(s))
            {
                if (usedGold.Add(g))
                {
                    pairs.Add((s, g));
                }
                else
                {
                    usedSystem.Remove(s);
                }
            }
        }

        return pairs;
    }
}
