using Storyline.Text;

namespace Storyline.Entities;

/// <summary>One real-world entity across the analysed articles of a run (OUTPUT.md <c>entities[]</c>).</summary>
/// <param name="Name">The longest surface form ("Dmitry Peskov" over "Peskov"), titles aside.</param>
/// <param name="Type">The type most of its mentions carry.</param>
/// <param name="Aliases">Distinct surface forms, in order of first appearance.</param>
/// <param name="Descriptors">Distinct labels the articles give it ("Kremlin spokesperson"), in order of first appearance.</param>
/// <param name="Articles">Ids of the articles that mention it, in input order.</param>
public sealed record EntityEntry(
    string Id, string Name, string Type, IReadOnlyList<string> Aliases, IReadOnlyList<string> Descriptors,
    IReadOnlyList<string> Articles, int Mentions);

/// <summary>
/// The run's entity table: every entity id of the articles' mentions with its name, type, aliases, descriptors,
/// articles and mention count; most mentioned first (ties by id, so the order does not depend on thread count).
/// </summary>
public sealed class EntityTable
{
    private readonly Dictionary<string, EntityEntry> byId;

    private EntityTable(IReadOnlyList<EntityEntry> entries)
    {
        Entries = entries;
        byId = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<EntityEntry> Entries { get; }

    /// <summary>The display name of an entity id, or null when no article of the run mentions it.</summary>
    public string? NameOf(string id) => byId.TryGetValue(id, out var entry) ? entry.Name : null;

    public EntityEntry? Find(string id) => byId.GetValueOrDefault(id);

    public static EntityTable Build(IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var builders = new Dictionary<string, Builder>(StringComparer.Ordinal);
        var order = new List<Builder>();
        foreach (var article in articles)
        {
            foreach (var mention in article.Entities)
            {
                if (!builders.TryGetValue(mention.Entity, out var builder))
                {
                    builder = new Builder(mention.Entity);
                    builders.Add(mention.Entity, builder);
                    order.Add(builder);
                }

                builder.Add(article.Id, Alias(article.Slice(mention.Span)), mention);
            }
        }

        return new EntityTable([.. order.Select(b => b.Build()).OrderByDescending(e => e.Mentions).ThenBy(e => e.Id, StringComparer.Ordinal)]);
    }

    /// <summary>The mention as a name: without a possessive ("Trump's"), edge punctuation or line breaks.</summary>
    private static string Alias(ReadOnlySpan<char> surface)
    {
        if (surface.EndsWith("'s", StringComparison.Ordinal) || surface.EndsWith("’s", StringComparison.Ordinal))
        {
            surface = surface[..^2];
        }

        // "-Ukraine" cut from "Russia-Ukraine": punctuation at the edges is not part of the name ("U.S." keeps its dot).
        while (surface.Length > 0 && !char.IsLetterOrDigit(surface[0]))
        {
            surface = surface[1..];
        }

        while (surface.Length > 0 && !char.IsLetterOrDigit(surface[^1]) && surface[^1] != '.')
        {
            surface = surface[..^1];
        }

        return string.Join(' ', surface.ToString().Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The display name: the longest alias that spells the id ("Dmitry Peskov" for dmitry-peskov, "Ukraine"
    /// rather than the demonym "Ukrainian"), else the longest alias of the majority type; leading titles dropped
    /// ("President Donald Trump" → "Donald Trump"), since a title is a descriptor, not part of the name.</summary>
    private static string NameFrom(string id, List<string> aliases, IEnumerable<string> ofMajorityType)
    {
        static string Untitled(string alias)
        {
            var words = alias.Split(' ');
            var first = 0;
            while (first < words.Length - 1 && EntityLinker.IsTitle(words[first]))
            {
                first++;
            }

            return string.Join(' ', words[first..]);
        }

        static List<string> Longest(IEnumerable<string> names) =>
            [.. names.Select(Untitled).OrderByDescending(a => a.Length).ThenBy(a => a, StringComparer.Ordinal)];

        return Longest(aliases).FirstOrDefault(a => EntityLinker.Slug(a) == id) ?? Longest(ofMajorityType).FirstOrDefault() ?? Longest(aliases)[0];
    }

    private sealed class Builder(string id)
    {
        private readonly List<string> aliases = [];
        private readonly List<string> aliasTypes = [];
        private readonly List<string> descriptors = [];
        private readonly List<string> articles = [];
        private readonly Dictionary<string, int> types = new(StringComparer.Ordinal);
        private int mentions;

        public void Add(string article, string alias, EntityMention mention)
        {
            mentions++;
            if (alias.Length > 0 && !aliases.Contains(alias, StringComparer.Ordinal))
            {
                aliases.Add(alias);
                aliasTypes.Add(mention.Type);
            }

            if (mention.Descriptor is { Length: > 0 } d && !descriptors.Contains(d, StringComparer.Ordinal))
            {
                descriptors.Add(d);
            }

            if (!articles.Contains(article, StringComparer.Ordinal))
            {
                articles.Add(article);
            }

            types[mention.Type] = types.GetValueOrDefault(mention.Type) + 1;
        }

        public EntityEntry Build()
        {
            // Majority type; a tie goes to the type seen first.
            var type = types.OrderByDescending(t => t.Value).First().Key;
            var ofType = aliases.Where((_, i) => aliasTypes[i] == type);
            var name = aliases.Count > 0 ? NameFrom(id, aliases, ofType) : id;
            return new EntityEntry(id, name, type, aliases, descriptors, articles, mentions);
        }
    }
}
