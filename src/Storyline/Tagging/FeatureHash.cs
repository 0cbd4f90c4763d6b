namespace Storyline.Tagging;

/// <summary>
/// 64-bit hashing for sparse features: FNV-1a over UTF-16 code units, finished with the SplitMix64 mixer so that
/// combined keys (template id, word hash, previous tag) spread evenly over the open-addressing tables.
/// Nothing here allocates: words are hashed straight from the article text.
/// </summary>
public static class FeatureHash
{
    public const ulong Seed = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>One FNV-1a step.</summary>
    public static ulong Step(ulong hash, char c) => (hash ^ c) * Prime;

    /// <summary>The hash of the exact characters.</summary>
    public static ulong Exact(ReadOnlySpan<char> text)
    {
        var h = Seed;
        foreach (var c in text)
        {
            h = Step(h, c);
        }

        return Mix(h);
    }

    /// <summary>The hash of the lowercased characters, digits folded to '0' (so "1984" and "2025" share a key).</summary>
    public static ulong Lower(ReadOnlySpan<char> text)
    {
        var h = Seed;
        foreach (var c in text)
        {
            h = Step(h, Fold(c));
        }

        return Mix(h);
    }

    /// <summary>Lowercase and fold digits to '0'; the normalisation behind <see cref="Lower"/>.</summary>
    public static char Fold(char c) => char.IsAsciiDigit(c) ? '0' : char.ToLowerInvariant(c);

    /// <summary>Combines two hashes; not commutative, so (a, b) and (b, a) differ.</summary>
    public static ulong Combine(ulong a, ulong b) => Mix(a * 0x9E3779B97F4A7C15UL ^ b);

    /// <summary>A feature key: a template id and the value it sees. Never 0, which the tables keep for "empty".</summary>
    public static ulong Feature(int template, ulong value)
    {
        var key = Mix(((ulong)(uint)template << 32 | 0x5bd1e995UL) ^ value * 0xC2B2AE3D27D4EB4FUL);
        return key == 0 ? 1 : key;
    }

    /// <summary>SplitMix64 finaliser.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
