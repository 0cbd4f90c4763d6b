using System.Collections.Immutable;
using Storyline.Text;

namespace Storyline.Stories;

/// <summary>
/// Turns an article into <see cref="ArticleFeatures"/>: entity keys (from <see cref="IEntityKeySource"/>), content
/// words, numbers, the publication date, and a MinHash signature over word 5-shingles. Pure and thread-safe: run it
/// in the parallel per-article part; only <see cref="StoryClusterer.Add"/> is sequential.
/// </summary>
public sealed class StoryFeatureExtractor(IEntityKeySource? keys = null)
{
    private readonly IEntityKeySource _keys = keys ?? EntityOrNameKeys.Instance;

    public ArticleFeatures Extract(Article article)
    {
        var counts = new Dictionary<(string, FeatureKind), int>();
        void Count(string key, FeatureKind kind) =>
            counts[(key, kind)] = counts.GetValueOrDefault((key, kind)) + 1;

        var entityKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in _keys.Keys(article))
        {
            Count(key, FeatureKind.Entity);
            entityKeys.Add(key.ToLowerInvariant());
        }

        var shingles = new List<ulong>();
        var window = new ulong[MinHash.ShingleWords];
        var seen = 0;
        foreach (var word in StoryText.Words(article))
        {
            var surface = article.Slice(word.Span);
            window[seen++ % window.Length] = MinHash.HashWord(surface);
            if (seen >= window.Length)
            {
                shingles.Add(MinHash.HashShingle(window, seen));
            }

            if (StoryText.IsNumber(surface))
            {
                // Single digits ("3 people") are everywhere; longer numbers and decimals ("6.1", "2008", "160") tell events apart.
                if (surface.Length >= 2)
                {
                    Count(surface.ToString().Replace(",", "", StringComparison.Ordinal), FeatureKind.Number);
                }

                continue;
            }

            if (StoryText.IsCapitalised(surface) && !word.SentenceInitial)
            {
                continue; // a name: counted among the entity keys
            }

            var term = StoryText.Normalise(surface);
            if (term.Length < 3 || StoryText.StopWords.Contains(term) || entityKeys.Contains(term) || !char.IsLetter(term[0]))
            {
                continue;
            }

            Count(term, FeatureKind.Term);
        }

        var features = counts.Select(c => new FeatureCount(c.Key.Item1, c.Key.Item2, c.Value))
            .OrderBy(f => f.Kind).ThenBy(f => f.Key, StringComparer.Ordinal).ToImmutableArray();
        return new ArticleFeatures(article.Id, article.Metadata.Published, features, MinHash.Signature(shingles));
    }
}
