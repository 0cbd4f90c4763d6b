using System.Collections.Immutable;
using Storyline.Text;

namespace Storyline.Stories;

/// <summary>
/// Groups the quotes of a story that report the same utterance: same speaker (key from <see cref="Speakers"/>),
/// and content that overlaps — at least <see cref="MinShared"/> content words in common (all of a shorter quote's, and at least two) and an overlap coefficient
/// (shared / smaller set) of at least <see cref="MinOverlap"/>, so a partial quote matches the full one it is cut
/// from and a paraphrase with the same key words matches the original. Grouping is single-link.
/// </summary>
public static class StatementGrouping
{
    public const int MinShared = 3;
    public const double MinOverlap = 0.5;

    private sealed record Unit(Article Article, ResolvedSpeaker Speaker, List<Quotes.Quote> Quotes, string Text, HashSet<string> Words);

    public static ImmutableArray<Statement> Group(
        IReadOnlyList<Article> articles, IReadOnlyDictionary<string, List<NameMention>> names, IReadOnlyDictionary<string, string> copyOf)
    {
        var units = new List<Unit>();
        foreach (var article in articles)
        {
            var speakers = Speakers.Resolve(article, names[article.Id]);
            // The parts of one attribution (a split or continued quote share the cue) are one unit.
            var byCue = new Dictionary<(TextSpan, string), Unit>();
            for (var q = 0; q < article.Quotes.Length; q++)
            {
                if (speakers[q] is not { } speaker)
                {
                    continue;
                }

                var quote = article.Quotes[q];
                var text = article.Text.Substring(quote.Span.Start, quote.Span.Length);
                if (quote.CueSpan is { } cue && byCue.TryGetValue((cue, speaker.Key), out var unit))
                {
                    unit.Quotes.Add(quote);
                    var joined = unit.Text + " " + text;
                    var merged = unit with { Text = joined, Words = StoryBuilder.ContentWords(joined) };
                    units[units.IndexOf(unit)] = merged;
                    byCue[(cue, speaker.Key)] = merged;
                    continue;
                }

                var created = new Unit(article, speaker, [quote], text, StoryBuilder.ContentWords(text));
                units.Add(created);
                if (quote.CueSpan is { } c)
                {
                    byCue[(c, speaker.Key)] = created;
                }
            }
        }

        var parent = Enumerable.Range(0, units.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        for (var i = 0; i < units.Count; i++)
        {
            for (var j = i + 1; j < units.Count; j++)
            {
                if (units[i].Speaker.Key == units[j].Speaker.Key && Similar(units[i].Words, units[j].Words))
                {
                    parent[Find(j)] = Find(i);
                }
            }
        }

        var statements = new List<(Statement Statement, int First)>();
        foreach (var group in Enumerable.Range(0, units.Count).GroupBy(Find))
        {
            var members = group.Select(i => units[i]).ToList();
            // The wordings are compared from the first direct quote: the outlets' own words, not a paraphrase.
            var first = members.FirstOrDefault(u => u.Quotes[0].Direct) ?? members[0];
            var sources = members.Select(u => copyOf.GetValueOrDefault(u.Article.Id) ?? u.Article.Id).Distinct(StringComparer.Ordinal).Count();
            var name = members.Select(u => u.Speaker.Name).OrderByDescending(n => n.Length).First();
            var diffs = members.Where(u => u.Article.Id != first.Article.Id && (u.Quotes[0].Direct || !first.Quotes[0].Direct))
                .Select(u => new WordingDiff(first.Article.Id, u.Article.Id, WordDiff.Compare(Unquoted(first.Text), Unquoted(u.Text))))
                .ToImmutableArray();
            var quotes = members.SelectMany(u => u.Quotes.Select(q => new StatementQuote(
                u.Article.Id, u.Article.Metadata.Outlet, q.Span, u.Article.Text.Substring(q.Span.Start, q.Span.Length), q.Direct))).ToImmutableArray();
            var id = first.Speaker.By == "speaker/entity" ? first.Speaker.Key : LabelComparison.Slug(name);
            statements.Add((new Statement(id, name, sources, quotes, diffs), group.Key));
        }

        return [.. statements.OrderByDescending(s => s.Statement.Sources).ThenByDescending(s => s.Statement.Quotes.Length).ThenBy(s => s.First).Select(s => s.Statement)];
    }

    internal static bool Similar(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }

        var shared = a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        // A short partial quote ("We will rebuild every home") may hold fewer than MinShared content words: all of them then.
        var smaller = Math.Min(a.Count, b.Count);
        return shared >= Math.Max(2, Math.Min(MinShared, smaller)) && shared >= MinOverlap * smaller;
    }

    private static string Unquoted(string text) => text.Trim().Trim('"', '“', '”', '‘', '’', '\'', ' ', ',');
}
