using System.Collections.Immutable;
using Storyline.Text;

namespace Storyline.Stories;

/// <summary>The kinds of story feature; a kind's weight says how much sharing one tells that two articles report
/// the same story.</summary>
public enum FeatureKind : byte
{
    /// <summary>An entity: its id when the entity layer resolved it, otherwise a capitalised name word.</summary>
    Entity,
    /// <summary>A content word.</summary>
    Term,
    /// <summary>A number or a year mentioned ("6.1", "2008", "160"): look-alike events differ by them.</summary>
    Number,
}

/// <summary>One feature of an article and how often it occurs there.</summary>
public readonly record struct FeatureCount(string Key, FeatureKind Kind, int Count);

/// <summary>What story clustering knows of an article: its features, its date and its near-duplicate signature.
/// Built once per article (<see cref="StoryFeatureExtractor"/>), a pure function of the article.</summary>
public sealed record ArticleFeatures(string ArticleId, DateOnly? Date, ImmutableArray<FeatureCount> Features, ulong[] Signature);

/// <summary>
/// Where the entity keys of an article come from. The text fallback (<see cref="NameWordKeys"/>) serves until an
/// entity layer fills <see cref="Article.Entities"/>; <see cref="EntityOrNameKeys"/> prefers entity ids, so resolved
/// identities ("Zelensky" = "Volodymyr Zelensky" = "the Ukrainian president") slot in without touching clustering.
/// </summary>
/// <summary>An entity key and the mention it comes from.</summary>
public readonly record struct EntityKey(string Key, TextSpan Span);

public interface IEntityKeySource
{
    /// <summary>One key per mention, repeated per occurrence, with the mention's span.</summary>
    IEnumerable<EntityKey> Keys(Article article);
}

/// <summary>Capitalised words that are not sentence-initial function words: "Dmitry", "Peskov", "Minsk", "NATO".
/// Each word of a name is a key of its own, so "Peskov" in one outlet meets "Dmitry Peskov" in another.</summary>
public sealed class NameWordKeys : IEntityKeySource
{
    public static readonly NameWordKeys Instance = new();

    public IEnumerable<EntityKey> Keys(Article article)
    {
        var words = StoryText.Words(article).ToList();
        // A capital at a sentence start says nothing: "Police said…" is a name only if "police" never occurs in lower case.
        var lower = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            if (char.IsLower(article.Text[word.Span.Start]))
            {
                lower.Add(StoryText.Normalise(article.Slice(word.Span)));
            }
        }

        foreach (var word in words)
        {
            var surface = article.Slice(word.Span);
            if (!StoryText.IsCapitalised(surface) || surface.Length < 2)
            {
                continue;
            }

            var key = StoryText.Normalise(surface);
            if ((!Names.IsAcronym(key) && StoryText.StopWords.Contains(key.ToLowerInvariant())) || (word.SentenceInitial && lower.Contains(key)))
            {
                continue;
            }

            yield return new EntityKey(key, word.Span);
        }
    }
}

/// <summary>Entity ids from the entity layer when the article has it, capitalised name words otherwise.</summary>
public sealed class EntityOrNameKeys : IEntityKeySource
{
    public static readonly EntityOrNameKeys Instance = new();

    public IEnumerable<EntityKey> Keys(Article article) =>
        article.Entities.IsDefaultOrEmpty
            ? NameWordKeys.Instance.Keys(article)
            : article.Entities.Select(e => new EntityKey(e.Entity, e.Span));
}
