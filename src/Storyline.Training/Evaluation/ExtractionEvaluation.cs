using System.Globalization;
using System.Text;
using System.Text.Json;
using Storyline.Ingest;
using Storyline.Ingest.Html;

namespace Storyline.Training.Evaluation;

/// <summary>How one page's extracted body compares with its true body, as the ScrapingHub article-extraction
/// benchmark counts it: shingle matches normalised by their total, so long pages do not outweigh short ones.</summary>
public sealed record PageScore(string Id, double TruePositives, double FalsePositives, double FalseNegatives, bool Exact, string? Error = null)
{
    /// <summary>Null when the page is left out of the precision mean (nothing predicted, nothing matched).</summary>
    public double? Precision => TruePositives + FalsePositives > 0
        ? (FalsePositives == 0 && FalseNegatives == 0 ? 1.0 : TruePositives / (TruePositives + FalsePositives))
        : null;

    /// <summary>Null when the page is left out of the recall mean (no true shingles, nothing matched).</summary>
    public double? Recall => TruePositives + FalseNegatives > 0
        ? (FalsePositives == 0 && FalseNegatives == 0 ? 1.0 : TruePositives / (TruePositives + FalseNegatives))
        : null;

    /// <summary>The page's own F1, for ranking the worst pages.</summary>
    public double F1
    {
        get
        {
            var p = Precision ?? 0;
            var r = Recall ?? 0;
            return p + r > 0 ? 2 * p * r / (p + r) : 0;
        }
    }
}

/// <summary>What one body rule is worth: the score without it, and the pages it helps or hurts (page F1 higher or
/// lower with the rule than without).</summary>
public sealed record RuleEffect(BodyRules Rule, ExtractionScore Without, int PagesImproved, int PagesWorsened);

/// <summary>Mean precision and mean recall over pages, the F1 of those two means, and the share of pages whose
/// words match exactly.</summary>
public sealed record ExtractionScore(double Precision, double Recall, double F1, double Accuracy, int Pages, IReadOnlyList<PageScore> PerPage);

/// <summary>
/// The metric of the ScrapingHub article-extraction-benchmark (its evaluate.py, commit 7d95432): words are runs of
/// Unicode word characters, shingles are 4-word windows (a text of fewer than 4 words is one shingle), and a page's
/// true/false positives and false negatives come from the shingle multiset counts. Pages with nothing on either side
/// of a ratio are left out of that mean, exactly as the script does.
/// </summary>
public static class ExtractionEvaluation
{
    public const int ShingleSize = 4;

    /// <summary>The words of <paramref name="text"/>: maximal runs of letters, digits and underscores (Python's
    /// <c>\w</c> with <c>re.UNICODE</c>: alphanumeric code points and <c>_</c>; combining marks split words there,
    /// so they split words here too).</summary>
    public static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            if (IsWordRune(rune))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }

            i += consumed;
        }

        if (start >= 0)
        {
            words.Add(text[start..]);
        }

        return words;
    }

    /// <summary>The 4-word shingles of the words with their counts.</summary>
    public static Dictionary<string, int> Shingles(IReadOnlyList<string> words)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (words.Count == 0)
        {
            return counts;
        }

        var windows = Math.Max(1, words.Count - ShingleSize + 1);
        for (var i = 0; i < windows; i++)
        {
            var length = Math.Min(ShingleSize, words.Count - i);
            // Joined with a character no word contains, so different word lists never share a key.
            var key = string.Join(' ', words.Skip(i).Take(length));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    /// <summary>Compares one page's extracted text with its true text.</summary>
    public static PageScore ScorePage(string id, string truth, string predicted)
    {
        var trueWords = Words(truth);
        var predictedWords = Words(predicted);
        var trueShingles = Shingles(trueWords);
        var predictedShingles = Shingles(predictedWords);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (key, trueCount) in trueShingles)
        {
            var predictedCount = predictedShingles.GetValueOrDefault(key);
            tp += Math.Min(trueCount, predictedCount);
            fn += Math.Max(0, trueCount - predictedCount);
        }

        foreach (var (key, predictedCount) in predictedShingles)
        {
            fp += Math.Max(0, predictedCount - trueShingles.GetValueOrDefault(key));
        }

        var sum = tp + fp + fn;
        if (sum > 0)
        {
            tp /= sum;
            fp /= sum;
            fn /= sum;
        }

        return new PageScore(id, tp, fp, fn, trueWords.SequenceEqual(predictedWords, StringComparer.Ordinal));
    }

    /// <summary>The benchmark's summary over pages.</summary>
    public static ExtractionScore Summarize(IReadOnlyList<PageScore> pages)
    {
        var precisions = pages.Select(p => p.Precision).OfType<double>().ToList();
        var recalls = pages.Select(p => p.Recall).OfType<double>().ToList();
        var precision = precisions.Count > 0 ? precisions.Average() : 0;
        var recall = recalls.Count > 0 ? recalls.Average() : 0;
        var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        var accuracy = pages.Count > 0 ? pages.Count(p => p.Exact) / (double)pages.Count : 0;
        return new ExtractionScore(precision, recall, f1, accuracy, pages.Count, pages);
    }

    /// <summary>
    /// Reads every <c>html/ID.html.gz</c> in <paramref name="directory"/> with <see cref="HtmlArticleReader"/> (which
    /// unpacks gzip itself) and scores its text against <c>ground-truth.json</c> (<c>{ ID: { "articleBody": … } }</c>).
    /// A page the reader rejects counts as an empty extraction.
    /// </summary>
    public static ExtractionScore Evaluate(string directory, CancellationToken cancellationToken = default) =>
        Evaluate(directory, static (source, bytes) => HtmlArticleReader.Read(source, bytes), cancellationToken);

    /// <summary>As <see cref="Evaluate(string, CancellationToken)"/> with only some body rules.</summary>
    public static ExtractionScore Evaluate(string directory, BodyRules rules, CancellationToken cancellationToken = default) =>
        Evaluate(directory, (source, bytes) => HtmlArticleReader.Read(source, bytes, rules), cancellationToken);

    /// <summary>Each body rule turned off alone, compared page by page with <paramref name="full"/> (all rules on).</summary>
    public static IReadOnlyList<RuleEffect> Ablate(string directory, ExtractionScore full, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(full);
        var withRule = full.PerPage.ToDictionary(p => p.Id, p => p.F1, StringComparer.Ordinal);
        var effects = new List<RuleEffect>();
        foreach (var rule in Enum.GetValues<BodyRules>().Where(r => r is not (BodyRules.None or BodyRules.All)))
        {
            var without = Evaluate(directory, BodyRules.All & ~rule, cancellationToken);
            var improved = without.PerPage.Count(p => withRule[p.Id] > p.F1 + 1e-9);
            var worsened = without.PerPage.Count(p => withRule[p.Id] < p.F1 - 1e-9);
            effects.Add(new RuleEffect(rule, without, improved, worsened));
        }

        return effects;
    }

    /// <summary>As <see cref="Evaluate(string, CancellationToken)"/> with another extractor, for comparisons.</summary>
    public static ExtractionScore Evaluate(string directory, Func<string, byte[], ReadResult> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        var truth = LoadGroundTruth(Path.Combine(directory, "ground-truth.json"));
        var pages = new List<PageScore>(truth.Count);
        foreach (var (id, body) in truth.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(directory, "html", id + ".html.gz");
            var result = read(path, File.ReadAllBytes(path));
            var predicted = result is ArticleRead ok ? ok.Article.Text : string.Empty;
            var score = ScorePage(id, body, predicted);
            pages.Add(result is ReadError error ? score with { Error = error.Error } : score);
        }

        return Summarize(pages);
    }

    /// <summary>The page id → true article body map of a benchmark folder.</summary>
    public static Dictionary<string, string> LoadGroundTruth(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in document.RootElement.EnumerateObject())
        {
            truth[page.Name] = page.Value.TryGetProperty("articleBody", out var body) && body.ValueKind == JsonValueKind.String
                ? body.GetString() ?? string.Empty
                : string.Empty;
        }

        return truth;
    }

    private static bool IsWordRune(Rune rune) =>
        rune.Value == '_' || Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
}
