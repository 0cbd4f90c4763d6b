using Storyline.Text;

namespace Storyline.Entities;

/// <summary>
/// Entity identity across the articles of one run. Within an article <see cref="EntityLinker"/> already gives a
/// surname the id of the person named in full there; an article that only says "Trump" gets id "trump". Here such a
/// surname id becomes the full-name id ("donald-trump") when exactly one person in the batch has that surname;
/// when two do ("george-bush", "jeb-bush"), it stays apart, since nothing in the article says which; two full names
/// with different first names are two people. Likewise an acronym an article writes without its expansion ("U.N.",
/// id "un") becomes the organisation of the batch whose initials it spells ("united-nations") when exactly one does.
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

        // Initials of multi-word organisation and place ids ("united-nations" → "un"), skipping connectives as
        // EntityLinker's acronyms do; an initial shared by two ids settles nothing.
        var byInitials = articles.SelectMany(a => a.Entities)
            .Where(e => e.Type is "ORGANIZATION" or "LOCATION" && e.Entity.Contains('-', StringComparison.Ordinal))
            .Select(e => e.Entity)
            .Distinct(StringComparer.Ordinal)
            .Select(id => (Id: id, Initials: string.Concat(id.Split('-').Where(w => w.Length > 0 && !Connectives.Contains(w)).Select(w => w[0]))))
            .Where(p => p.Initials.Length >= 2)
            .GroupBy(p => p.Initials, StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Id, StringComparer.Ordinal);

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
                else if (e.Type is not "PERSON" && IsAcronym(article.Slice(e.Span)) && byInitials.TryGetValue(e.Entity, out var expansion))
                {
                    renamed[e.Entity] = expansion;
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

    private static readonly HashSet<string> Connectives = new(StringComparer.Ordinal) { "of", "the", "and", "for", "de", "la", "du", "des", "on", "in" };

    /// <summary>Capitals and dots only, two letters or more ("U.N.", "EU", "NATO"), a possessive aside.</summary>
    private static bool IsAcronym(ReadOnlySpan<char> surface)
    {
        if (surface.EndsWith("'s", StringComparison.Ordinal) || surface.EndsWith("’s", StringComparison.Ordinal))
        {
            surface = surface[..^2];
        }

        var letters = 0;
        foreach (var c in surface)
        {
            if (char.IsUpper(c))
            {
                letters++;
            }
            else if (c != '.')
            {
                return false;
            }
        }

        return letters >= 2;
    }
}
