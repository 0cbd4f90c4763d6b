using Storyline.Text;

namespace Storyline.Entities;

/// <summary>
/// Entity identity across the articles of one run. Within an article <see cref="EntityLinker"/> already gives a
/// surname the id of the person named in full there; an article that only says "Trump" gets id "trump". Here such a
/// surname id becomes the full-name id ("donald-trump") when exactly one person in the batch has that surname;
/// when two do ("george-bush", "jeb-bush"), it stays apart, since nothing in the article says which.
/// </summary>
public static class CrossArticleLinker
{
    public static IReadOnlyList<Article> Link(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var fullNames = articles.SelectMany(a => a.Entities)
            .Where(e => e.Type == "PERSON" && e.Entity.Contains('-', StringComparison.Ordinal))
            .Select(e => e.Entity)
            .ToHashSet(StringComparer.Ordinal);
        var bySurname = fullNames.GroupBy(id => id[(id.LastIndexOf('-') + 1)..], StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);

        var result = new List<Article>(articles.Count);
        foreach (var article in articles)
        {
            var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var e in article.Entities)
            {
                if (e.Type == "PERSON" && !e.Entity.Contains('-', StringComparison.Ordinal) && bySurname.TryGetValue(e.Entity, out var full))
                {
                    renamed[e.Entity] = full;
                }
            }

            if (renamed.Count == 0)
            {
                result.Add(article);
                continue;
            }

            result.Add(article with
            {
                Entities = [.. article.Entities.Select(e => renamed.TryGetValue(e.Entity, out var id) ? e with { Entity = id } : e)],
                Quotes = [.. article.Quotes.Select(q => q.Speaker is { } s && renamed.TryGetValue(s, out var id) ? q with { Speaker = id } : q)],
            });
        }

        return result;
    }
}
