namespace Storyline.Stories;

/// <summary>
/// MinHash over word 5-shingles (case-folded words, punctuation ignored): the share of equal slots of two signatures
/// estimates the Jaccard similarity of their shingle sets. Republished agency copy (the same AFP story in five
/// outlets, with a different first paragraph or disclaimer) keeps most shingles; two reports of one event in their
/// own words share almost none.
/// </summary>
public static class MinHash
{
    public const int ShingleWords = 5;

    /// <summary>Slots per signature: the estimate's standard error is about sqrt(J(1-J)/64), 0.05 at J = 0.8.</summary>
    public const int Slots = 64;

    /// <summary>LSH: 16 bands of 4 slots. Two articles share a band with probability 1-(1-J^4)^16: 0.99 at J = 0.6,
    /// 0.22 at J = 0.2, so candidates are the likely copies and the exact estimate decides.</summary>
    public const int Bands = 16;

    public const int RowsPerBand = Slots / Bands;

    public static ulong HashWord(ReadOnlySpan<char> word)
    {
        // FNV-1a over case-folded UTF-16 code units.
        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>The hash of the last <see cref="ShingleWords"/> words in a ring buffer whose next slot is
    /// <paramref name="count"/> mod its length.</summary>
    public static ulong HashShingle(ulong[] ring, int count)
    {
        var hash = 0x9E3779B97F4A7C15UL;
        for (var k = 0; k < ring.Length; k++)
        {
            hash = Mix(hash ^ ring[(count + k) % ring.Length]);
        }

        return hash;
    }

    public static ulong[] Signature(IReadOnlyList<ulong> shingles)
    {
        var signature = new ulong[Slots];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < Slots; i++)
            {
                var h = Mix(shingle ^ Seeds[i]);
                if (h < signature[i])
                {
                    signature[i] = h;
                }
            }
        }

        return signature;
    }

    /// <summary>Estimated Jaccard similarity; 0 when either text had no shingle (fewer than five words).</summary>
    public static double Similarity(ulong[] a, ulong[] b)
    {
        if (a.Length == 0 || b.Length == 0 || a[0] == ulong.MaxValue || b[0] == ulong.MaxValue)
        {
            return 0;
        }

        var equal = 0;
        for (var i = 0; i < a.Length; i++)
        {
            equal += a[i] == b[i] ? 1 : 0;
        }

        return (double)equal / a.Length;
    }

    /// <summary>The key of one band: a hash of its slots, with the band number in it.</summary>
    public static ulong BandKey(ulong[] signature, int band)
    {
        var hash = Mix((ulong)band + 1);
        for (var r = 0; r < RowsPerBand; r++)
        {
            hash = Mix(hash ^ signature[band * RowsPerBand + r]);
        }

        return hash;
    }

    private static readonly ulong[] Seeds = MakeSeeds();

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[Slots];
        var state = 0x5DEECE66DUL;
        for (var i = 0; i < Slots; i++)
        {
            state = Mix(state + 0x9E3779B97F4A7C15UL);
            seeds[i] = state;
        }

        return seeds;
    }

    /// <summary>splitmix64's finaliser: a cheap, well-mixed 64-bit permutation.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
