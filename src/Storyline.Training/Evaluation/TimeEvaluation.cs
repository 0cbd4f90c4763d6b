using Storyline.Text;
using Storyline.Time;
using Storyline.Training.Corpora;

namespace Storyline.Training.Evaluation;

/// <summary>Span, type and value scores as TempEval-3 defines them (the document creation time is not scored).</summary>
public sealed record TimexScores(
    int Gold,
    int System,
    int StrictMatches,
    int RelaxedMatches,
    int TypeCorrect,
    int ValueCorrect)
{
    public double StrictPrecision => Ratio(StrictMatches, System);
    public double StrictRecall => Ratio(StrictMatches, Gold);
    public double StrictF1 => F1(StrictPrecision, StrictRecall);
    public double RelaxedPrecision => Ratio(RelaxedMatches, System);
    public double RelaxedRecall => Ratio(RelaxedMatches, Gold);
    public double RelaxedF1 => F1(RelaxedPrecision, RelaxedRecall);

    /// <summary>Among relaxed matches, the share whose type is right.</summary>
    public double TypeAccuracy => Ratio(TypeCorrect, RelaxedMatches);

    /// <summary>Among relaxed matches, the share whose value is right.</summary>
    public double ValueAccuracy => Ratio(ValueCorrect, RelaxedMatches);

    /// <summary>TempEval-3's value F1: relaxed F1 × value accuracy.</summary>
    public double ValueF1 => RelaxedF1 * ValueAccuracy;

    public double TypeF1 => RelaxedF1 * TypeAccuracy;

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>Figures for one TIMEX3 type: recall over gold of that type, precision over system output of that type.</summary>
public sealed record TimexTypeScores(string Type, int Gold, int System, int GoldFound, int SystemMatched, int ValueCorrect)
{
    public double Precision => System == 0 ? 0 : (double)SystemMatched / System;
    public double Recall => Gold == 0 ? 0 : (double)GoldFound / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Among gold expressions of this type that were found, the share with the right value.</summary>
    public double ValueAccuracy => GoldFound == 0 ? 0 : (double)ValueCorrect / GoldFound;
}

/// <summary>One error: missed (gold not found), spurious (found, not gold), value or type (found, wrong attribute).</summary>
public sealed record TimexError(string Kind, string Text, string? GoldValue, string? SystemValue, string Document, string? Rule)
{
    /// <summary>The words around the expression, for reading the error.</summary>
    public string Context { get; init; } = "";
}

public sealed record TimeEvaluationResult(string Corpus, int Documents, TimexScores Scores, IReadOnlyList<TimexTypeScores> PerType, IReadOnlyList<TimexError> Errors)
{
    /// <summary>
    /// The matches whose value is right (kind "correct"), so a convention can be weighed by the cases it wins as well
    /// as by those it loses.
    /// </summary>
    public IReadOnlyList<TimexError> Correct { get; init; } = [];
}

/// <summary>Scores a temporal tagger on TimeML documents, TempEval-3 style.</summary>
public static class TimeEvaluation
{
    /// <summary>The corpora under a folder: each sub-folder holding .tml files (TimeBank, AQUAINT), or the folder itself.</summary>
    public static IReadOnlyList<(string Name, string Folder)> Corpora(string folder)
    {
        var subs = Directory.EnumerateDirectories(folder)
            .Where(d => Directory.EnumerateFiles(d, "*.tml").Any())
            .Order(StringComparer.Ordinal)
            .Select(d => (Path.GetFileName(d), d))
            .ToList();
        if (subs.Count > 0)
        {
            return subs;
        }

        return Directory.EnumerateFiles(folder, "*.tml").Any() ? [(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), folder)] : [];
    }

    /// <summary>Our tagger as scored: the document's text, its sentences, its creation time as the reference.</summary>
    public static IReadOnlyList<TimeExpression> TagDocument(TimeMlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return TimexTagger.Tag(document.Text, EvaluationSentences.Split(document.Text), document.CreationTime);
    }

    public static TimeEvaluationResult Evaluate(string corpus, IReadOnlyList<TimeMlDocument> documents, Func<TimeMlDocument, IReadOnlyList<TimeExpression>>? tagger = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        tagger ??= TagDocument;
        int gold = 0, system = 0, strict = 0, relaxed = 0, typeOk = 0, valueOk = 0;
        var perType = new Dictionary<string, int[]>(StringComparer.Ordinal);
        int[] TypeRow(string type) => perType.TryGetValue(type, out var row) ? row : perType[type] = new int[5];
        var errors = new List<TimexError>();
        var correct = new List<TimexError>();
        foreach (var document in documents)
        {
            var found = tagger(document);
            var golds = document.Timexes;
            gold += golds.Count;
            system += found.Count;
            var goldSpans = golds.Select(g => g.Span).ToHashSet();
            strict += found.Count(f => goldSpans.Contains(f.Span));
            var paired = new bool[found.Count];
            foreach (var g in golds)
            {
                var row = TypeRow(g.Type);
                row[0]++;
                var match = -1;
                for (var k = 0; k < found.Count; k++)
                {
                    if (!paired[k] && found[k].Span.Overlaps(g.Span))
                    {
                        match = k;
                        break;
                    }
                }

                var goldText = Clean(document.Text, g.Span);
                if (match < 0)
                {
                    errors.Add(new TimexError("missed", goldText, g.Value, null, document.Id, null) { Context = Around(document.Text, g.Span) });
                    continue;
                }

                paired[match] = true;
                relaxed++;
                row[2]++;
                var f = found[match];
                if (f.Type == g.Type)
                {
                    typeOk++;
                }
                else
                {
                    errors.Add(new TimexError("type", goldText, g.Type, f.Type, document.Id, f.By) { Context = Around(document.Text, g.Span) });
                }

                if (f.Value == g.Value)
                {
                    valueOk++;
                    row[4]++;
                    correct.Add(new TimexError("correct", goldText, g.Value, f.Value, document.Id, f.By) { Context = Around(document.Text, g.Span) + " | ours: " + Clean(document.Text, f.Span) });
                }
                else
                {
                    errors.Add(new TimexError("value", goldText, g.Value, f.Value, document.Id, f.By) { Context = Around(document.Text, g.Span) + " | ours: " + Clean(document.Text, f.Span) });
                }
            }

            for (var k = 0; k < found.Count; k++)
            {
                var row = TypeRow(found[k].Type);
                row[1]++;
                if (paired[k])
                {
                    row[3]++;
                }
                else
                {
                    errors.Add(new TimexError("spurious", Clean(document.Text, found[k].Span), null, found[k].Value, document.Id, found[k].By) { Context = Around(document.Text, found[k].Span) });
                }
            }
        }

        var types = perType.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new TimexTypeScores(p.Key, p.Value[0], p.Value[1], p.Value[2], p.Value[3], p.Value[4]))
            .ToList();
        return new TimeEvaluationResult(corpus, documents.Count, new TimexScores(gold, system, strict, relaxed, typeOk, valueOk), types, errors) { Correct = correct };
    }

    /// <summary>The most frequent errors, grouped by kind and lower-cased text, with an example of each.</summary>
    public static IReadOnlyList<(int Count, TimexError Example)> FrequentErrors(IEnumerable<TimexError> errors, int count) =>
        errors.GroupBy(e => (e.Kind, Text: e.Text.ToLowerInvariant()))
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key.Kind, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Text, StringComparer.Ordinal)
            .Take(count)
            .Select(g => (g.Count(), g.First()))
            .ToList();

    private static string Around(string text, TextSpan span)
    {
        var start = Math.Max(0, span.Start - 80);
        var end = Math.Min(text.Length, span.End + 60);
        return Clean(text, new TextSpan(start, span.Start)) + " [" + Clean(text, span) + "] " + Clean(text, new TextSpan(span.End, end));
    }

    private static string Clean(string text, TextSpan span) =>
        string.Join(' ', text.Substring(span.Start, span.Length).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
