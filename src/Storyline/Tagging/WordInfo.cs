using System.Globalization;

namespace Storyline.Tagging;

/// <summary>Orthographic facts about one token, used by both taggers.</summary>
[Flags]
internal enum WordTraits
{
    None = 0,
    Capitalized = 1 << 0,
    AllUpper = 1 << 1,
    AllLower = 1 << 2,
    HasDigit = 1 << 3,
    AllDigits = 1 << 4,
    HasHyphen = 1 << 5,
    HasPeriod = 1 << 6,
    HasLetter = 1 << 7,
    NonLatin = 1 << 8,
    MixedCase = 1 << 9,
}

/// <summary>
/// The hashes of one token that feature templates combine: exact form, lowercase form, shapes, prefixes and
/// suffixes. Computed once per token in one pass over its characters, without allocating.
/// </summary>
internal struct WordInfo
{
    public ulong Exact;
    public ulong Lower;
    /// <summary>Character classes (X, x, d, punctuation kept) with runs capped at 3: "McCain" → "XxXxxx".</summary>
    public ulong Shape;
    /// <summary>Character classes with every run collapsed: "McCain" → "XxXx", "U.S." → "X.X.".</summary>
    public ulong ShortShape;
    public ulong Prefix1, Prefix2, Prefix3;
    public ulong Suffix1, Suffix2, Suffix3, Suffix4;
    public WordTraits Flags;
    public int Length;

    public static WordInfo Compute(ReadOnlySpan<char> word)
    {
        var info = new WordInfo { Length = word.Length };
        ulong exact = FeatureHash.Seed, lower = FeatureHash.Seed, shape = FeatureHash.Seed, shortShape = FeatureHash.Seed;
        var previousClass = '\0';
        var run = 0;
        int upper = 0, digits = 0, letters = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            exact = FeatureHash.Step(exact, c);
            lower = FeatureHash.Step(lower, FeatureHash.Fold(c));
            if (i == 0)
            {
                info.Prefix1 = FeatureHash.Mix(lower);
            }
            else if (i == 1)
            {
                info.Prefix2 = FeatureHash.Mix(lower);
            }
            else if (i == 2)
            {
                info.Prefix3 = FeatureHash.Mix(lower);
            }

            char cls;
            if (char.IsUpper(c))
            {
                cls = 'X';
                upper++;
                letters++;
            }
            else if (char.IsLetter(c))
            {
                cls = 'x';
                letters++;
            }
            else if (char.IsDigit(c))
            {
                cls = 'd';
                digits++;
            }
            else
            {
                cls = c;
                if (c == '-')
                {
                    info.Flags |= WordTraits.HasHyphen;
                }
                else if (c == '.')
                {
                    info.Flags |= WordTraits.HasPeriod;
                }
            }

            if (c > '\u024F' && char.IsLetter(c))
            {
                info.Flags |= WordTraits.NonLatin;
            }

            run = cls == previousClass ? run + 1 : 1;
            if (run <= 3)
            {
                shape = FeatureHash.Step(shape, cls);
            }

            if (run == 1)
            {
                shortShape = FeatureHash.Step(shortShape, cls);
            }

            previousClass = cls;
        }

        if (word.Length < 3)
        {
            if (word.Length < 2)
            {
                info.Prefix2 = info.Prefix1;
            }

            info.Prefix3 = info.Prefix2;
        }

        // Suffixes hash the lowercase characters from the end backwards.
        var suffix = FeatureHash.Seed;
        for (var k = 1; k <= 4; k++)
        {
            if (k <= word.Length)
            {
                suffix = FeatureHash.Step(suffix, FeatureHash.Fold(word[^k]));
            }

            var value = FeatureHash.Mix(suffix);
            switch (k)
            {
                case 1: info.Suffix1 = value; break;
                case 2: info.Suffix2 = value; break;
                case 3: info.Suffix3 = value; break;
                default: info.Suffix4 = value; break;
            }
        }

        info.Exact = FeatureHash.Mix(exact);
        info.Lower = FeatureHash.Mix(lower);
        info.Shape = FeatureHash.Mix(shape);
        info.ShortShape = FeatureHash.Mix(shortShape);
        if (letters > 0)
        {
            info.Flags |= WordTraits.HasLetter;
            if (char.IsUpper(word[0]))
            {
                info.Flags |= WordTraits.Capitalized;
            }

            if (upper == letters)
            {
                info.Flags |= WordTraits.AllUpper;
            }
            else if (upper == 0)
            {
                info.Flags |= WordTraits.AllLower;
            }
            else if (upper > 1 || !char.IsUpper(word[0]))
            {
                info.Flags |= WordTraits.MixedCase;
            }
        }

        if (digits > 0)
        {
            info.Flags |= WordTraits.HasDigit;
            if (digits == word.Length)
            {
                info.Flags |= WordTraits.AllDigits;
            }
        }

        return info;
    }

    /// <summary>A small integer bucket of the length (1, 2, 3, 4–5, 6–8, 9+), for length features.</summary>
    public readonly int LengthBucket => Length switch { <= 3 => Length, <= 5 => 4, <= 8 => 5, _ => 6 };

    public override readonly string ToString() => string.Create(CultureInfo.InvariantCulture, $"len {Length} {Flags}");
}
