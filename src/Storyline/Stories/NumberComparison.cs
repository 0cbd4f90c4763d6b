using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Storyline.Text;

namespace Storyline.Stories;

/// <summary>
/// Finds the same quantity reported with different values across the articles of a story: a number with a unit
/// ("200 kilometres", "$160 million", "12 people killed", "70-year-old") whose unit matches and whose surrounding
/// content words overlap (at least <see cref="MinSharedContext"/>) another article's number with a different value.
/// Years and dates are the time layer's business and are left out.
/// </summary>
public static class NumberComparison
{
    public const int MinSharedContext = 2;
    private const int ContextWords = 8;

    /// <summary>Unit words and the unit they count in: spellings of one unit compare equal.</summary>
    private static readonly FrozenDictionary<string, string> Units = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["km"] = "km", ["kilometres"] = "km", ["kilometers"] = "km", ["kilometre"] = "km", ["kilometer"] = "km",
        ["miles"] = "miles", ["mile"] = "miles", ["metres"] = "m", ["meters"] = "m", ["feet"] = "feet",
        ["people"] = "people", ["persons"] = "people", ["dead"] = "dead", ["killed"] = "dead", ["deaths"] = "dead",
        ["died"] = "dead", ["bodies"] = "dead", ["injured"] = "injured", ["wounded"] = "injured", ["hurt"] = "injured",
        ["soldiers"] = "soldiers", ["troops"] = "soldiers", ["civilians"] = "civilians", ["children"] = "children",
        ["prisoners"] = "prisoners", ["hostages"] = "hostages", ["refugees"] = "refugees", ["migrants"] = "migrants",
        ["percent"] = "%", ["per cent"] = "%", ["%"] = "%", ["dollars"] = "$", ["euros"] = "EUR", ["pounds"] = "GBP",
        ["years"] = "years", ["months"] = "months", ["days"] = "days", ["hours"] = "hours", ["minutes"] = "minutes",
        ["year-old"] = "age", ["homes"] = "homes", ["houses"] = "homes", ["buildings"] = "buildings",
        ["votes"] = "votes", ["seats"] = "seats", ["tons"] = "tonnes", ["tonnes"] = "tonnes", ["magnitude"] = "magnitude",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, double> Multipliers = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
    {
        ["thousand"] = 1e3, ["million"] = 1e6, ["billion"] = 1e9, ["trillion"] = 1e12, ["bn"] = 1e9, ["m"] = 1e6,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private sealed record Found(NumberMention Mention, HashSet<string> Context, string Original);

    public static ImmutableArray<NumberDiscrepancy> Compare(IReadOnlyList<Article> articles)
    {
        var found = articles.SelectMany(Mentions).ToList();
        var used = new HashSet<int>();
        var result = new List<NumberDiscrepancy>();
        for (var i = 0; i < found.Count; i++)
        {
            if (used.Contains(i))
            {
                continue;
            }

            var group = new List<int> { i };
            for (var j = i + 1; j < found.Count; j++)
            {
                if (!used.Contains(j) && found[j].Mention.Article != found[i].Mention.Article
                    && found[j].Mention.Unit == found[i].Mention.Unit
                    && found[j].Context.Count(found[i].Context.Contains) >= MinSharedContext)
                {
                    group.Add(j);
                }
            }

            var values = group.Select(k => found[k].Mention.Value).Distinct().Count();
            if (values > 1)
            {
                used.UnionWith(group);
                var shared = found[i].Context.Where(w => group.Skip(1).Any(k => found[k].Context.Contains(w)));
                result.Add(new NumberDiscrepancy(found[i].Mention.Unit, string.Join(" ", shared), [.. group.Select(k => found[k].Mention)]));
            }
        }

        return [.. result];
    }

    private static IEnumerable<Found> Mentions(Article article)
    {
        var words = StoryText.Words(article).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var surface = article.Slice(words[i].Span);
            var ageSuffix = surface.EndsWith("-year-old", StringComparison.OrdinalIgnoreCase);
            var numberPart = ageSuffix ? surface[..^"-year-old".Length] : surface;
            if (!StoryText.IsNumber(numberPart)
                || !double.TryParse(numberPart.ToString().Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var end = words[i].Span.End;
            var next = i + 1;
            if (next < words.Count && Multipliers.TryGetValue(article.Slice(words[next].Span).ToString(), out var multiplier))
            {
                value *= multiplier;
                end = words[next].Span.End;
                next++;
            }

            string? unit = ageSuffix ? "age" : null;
            var dollar = words[i].Span.Start > 0 && article.Text[words[i].Span.Start - 1] == '$'
                || (words[i].Span.Start > 1 && article.Text[words[i].Span.Start - 2] == '$' && article.Text[words[i].Span.Start - 1] == ' ');
            if (unit is null && dollar)
            {
                unit = "$";
            }
            else if (unit is null && end < article.Text.Length && article.Text[end] == '%')
            {
                unit = "%";
                end++;
            }
            else if (unit is null && next < words.Count && Units.TryGetValue(article.Slice(words[next].Span).ToString(), out var u))
            {
                unit = u;
                end = words[next].Span.End;
            }

            // A year ("in 2022") is a date, not a quantity.
            if (unit is null || (unit != "$" && value is >= 1900 and <= 2100 && !numberPart.Contains('.')))
            {
                continue;
            }

            var start = dollar ? words[i].Span.Start - (article.Text[words[i].Span.Start - 1] == '$' ? 1 : 2) : words[i].Span.Start;
            var context = new HashSet<string>(StringComparer.Ordinal);
            for (var k = Math.Max(0, i - ContextWords); k < Math.Min(words.Count, i + ContextWords); k++)
            {
                if (k == i)
                {
                    continue;
                }

                var w = StoryText.Normalise(article.Slice(words[k].Span)).ToLowerInvariant();
                if (w.Length >= 3 && !StoryText.StopWords.Contains(w) && !StoryText.IsNumber(w) && !Units.ContainsKey(w) && !Multipliers.ContainsKey(w))
                {
                    context.Add(w);
                }
            }

            var span = new TextSpan(start, end);
            yield return new Found(
                new NumberMention(article.Id, article.Metadata.Outlet, span, article.Text.Substring(span.Start, span.Length), value, unit),
                context, article.Id);
        }
    }
}
