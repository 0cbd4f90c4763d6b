using Storyline.Quotes;
using Storyline.Text;

namespace Storyline.Stories;

/// <summary>Who a quote is by, as a key that is the same across articles, a display name, and the rule that decided.</summary>
public readonly record struct ResolvedSpeaker(string Key, string Name, string By);

/// <summary>
/// Resolves the speakers of an article's quotes to keys that meet across articles. An entity id from the quote
/// layer wins; otherwise the speaker mention is used: a name gives its name key; a pronoun ("he") takes the speaker
/// of the nearest quote before it, or the first name of its sentence; a description ("the Ukrainian president",
/// "the 70-year-old president") takes the name that the article puts after the same description, preferring
/// the speaker of the quote before it.
/// </summary>
public static class Speakers
{
    public static ResolvedSpeaker?[] Resolve(Article article, IReadOnlyList<NameMention>? names = null)
    {
        names ??= Names.Find(article);
        var fullNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var n in names)
        {
            var clean = n.Name.EndsWith("'s", StringComparison.Ordinal) || n.Name.EndsWith("’s", StringComparison.Ordinal) ? n.Name[..^2] : n.Name;
            if (!fullNames.TryGetValue(n.Key, out var known) || clean.Length > known.Length)
            {
                fullNames[n.Key] = clean;
            }
        }

        // An entity id's display name is its full name in the article, not the local mention ("he").
        var entityNames = article.Quotes.Any(q => q.Speaker is not null) ? Entities.EntityTable.Build([article]) : null;
        var result = new ResolvedSpeaker?[article.Quotes.Length];
        ResolvedSpeaker? previous = null;
        for (var q = 0; q < article.Quotes.Length; q++)
        {
            var quote = article.Quotes[q];
            var resolved = ResolveOne(article, quote, names, fullNames, previous, entityNames);
            result[q] = resolved;
            previous = resolved ?? previous;
        }

        return result;
    }

    private static ResolvedSpeaker? ResolveOne(
        Article article, Quote quote, IReadOnlyList<NameMention> names, Dictionary<string, string> fullNames, ResolvedSpeaker? previous,
        Entities.EntityTable? entityNames)
    {
        if (quote.Speaker is { } entity)
        {
            var surface = entityNames?.NameOf(entity) ?? entity;
            return new ResolvedSpeaker(entity, surface, "speaker/entity");
        }

        if (quote.SpeakerSpan is not { } span)
        {
            return null;
        }

        var mention = article.Text.Substring(span.Start, span.Length);
        var words = mention.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1 && QuotePronouns.Contains(words[0]))
        {
            if (previous is { } p)
            {
                return p with { By = "speaker/pronoun-previous-quote" };
            }

            // "…Lukashenko has offered to host talks, he said": the sentence's first name.
            var sentence = article.Sentences.FirstOrDefault(x => x.Span.Start <= span.Start && span.Start < x.Span.End);
            var first = names.FirstOrDefault(n => n.Span.Start >= sentence.Span.Start && n.Span.End <= span.Start && n.Name.Contains(' ', StringComparison.Ordinal));
            return first.Name is null ? null : new ResolvedSpeaker(first.Key, fullNames[first.Key], "speaker/pronoun-sentence-name");
        }

        if (Names.KeyOf(mention) is { } key && char.IsUpper(mention[0]) && !mention.StartsWith("The ", StringComparison.Ordinal))
        {
            return new ResolvedSpeaker(key, fullNames.GetValueOrDefault(key) ?? mention, "speaker/name");
        }

        // A description: the names the article gives the same head noun ("president") as a descriptor.
        var head = words[^1].ToLowerInvariant();
        var modifiers = words[..^1].Select(w => w.ToLowerInvariant()).Where(w => w is not ("the" or "a" or "an") && !w.EndsWith("-old", StringComparison.Ordinal)).ToList();
        var candidates = names
            .Where(n => n.Descriptor is { } d && n.Span.Start < span.Start + 2000)
            .Select(n => (n.Key, Words: article.Text.Substring(n.Descriptor!.Value.Start, n.Descriptor.Value.Length).ToLowerInvariant().Split(' ')))
            .Where(c => c.Words.Contains(head) && modifiers.All(m => c.Words.Contains(m)))
            .Select(c => c.Key)
            .Distinct()
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var chosen = previous is { } prev && candidates.Contains(prev.Key) ? prev.Key : candidates.Count == 1 || modifiers.Count > 0 ? candidates[0] : null;
        return chosen is null ? null : new ResolvedSpeaker(chosen, fullNames[chosen], "speaker/description");
    }

    private static readonly HashSet<string> QuotePronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "they", "i", "we" };
}
