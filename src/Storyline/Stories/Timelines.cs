using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Storyline.Text;

namespace Storyline.Stories;

/// <summary>
/// A story's timeline: every sentence that carries a resolved calendar date (a day, a month or a year from the time
/// layer: "Feb. 24", "the end of February", "in 2022") becomes an item at that date; items of different articles on
/// the same date whose sentences say the same thing (content-word overlap, as for statements) are one item citing
/// both. A sentence with several dates ("before Trump said Tuesday … and before the clash on Friday") is placed at each. Ordered by date, then by where
/// it was first said. Dates the time layer could not anchor (XXXX-02-27 in an undated article) are left out.
/// </summary>
public static partial class Timelines
{
    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$")]
    private static partial Regex CalendarDate();

    private sealed record Item(string Date, string Text, List<TimelineSource> Sources, HashSet<string> Words, int Order);

    public static ImmutableArray<TimelineItem> Build(IReadOnlyList<Article> articles)
    {
        var items = new List<Item>();
        foreach (var article in articles)
        {
            var placed = new HashSet<(int, string)>();
            foreach (var time in article.Times)
            {
                if (time.Type != "DATE" || !CalendarDate().IsMatch(time.Value))
                {
                    continue;
                }

                var sentenceIndex = SentenceOf(article, time.Span.Start);
                if (sentenceIndex < 0 || !placed.Add((sentenceIndex, time.Value)))
                {
                    continue;
                }

                var span = article.Sentences[sentenceIndex].Span;
                var text = article.Text.Substring(span.Start, span.Length).ReplaceLineEndings(" ").Trim();
                var words = StoryBuilder.ContentWords(text);
                var source = new TimelineSource(article.Id, span);
                var same = items.FirstOrDefault(i => i.Date == time.Value && i.Sources.All(s => s.Article != article.Id) && StatementGrouping.Similar(i.Words, words));
                if (same is not null)
                {
                    same.Sources.Add(source);
                }
                else
                {
                    items.Add(new Item(time.Value, text, [source], words, items.Count));
                }
            }
        }

        return [.. items.OrderBy(i => i.Date, StringComparer.Ordinal).ThenBy(i => i.Order)
            .Select(i => new TimelineItem(i.Date, i.Text, [.. i.Sources]))];
    }

    private static int SentenceOf(Article article, int position)
    {
        for (var s = 0; s < article.Sentences.Length; s++)
        {
            if (article.Sentences[s].Span.Start <= position && position < article.Sentences[s].Span.End)
            {
                return s;
            }
        }

        return -1;
    }
}
