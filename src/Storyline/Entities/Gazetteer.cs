using Storyline.Tagging;
using Storyline.Text;

namespace Storyline.Entities;

/// <summary>What a gazetteer entry is; one name can be several (Georgia: country and city).</summary>
[Flags]
public enum GazetteerKinds : uint
{
    None = 0,
    Country = 1 << 0,
    Demonym = 1 << 1,
    Capital = 1 << 2,
    City = 1 << 3,
    /// <summary>US president, vice-president or member of Congress (full name).</summary>
    UsPolitician = 1 << 4,
    /// <summary>Not an entry itself but the first words of a longer one: matching goes on.</summary>
    Prefix = 1u << 31,
}

/// <summary>
/// Names from public gazetteers (countries, demonyms, capitals, cities, US officials), keyed by the hash of their
/// lowercased words, baked into the NER model file at training time. Matching runs over token spans without
/// allocating; entries are at most <see cref="MaxWords"/> words long.
/// </summary>
public sealed class Gazetteer
{
    public const int MaxWords = 5;

    public Gazetteer(KeyTable table) => Table = table;

    public KeyTable Table { get; }

    /// <summary>The key of a sequence of lowercase word hashes (<see cref="FeatureHash.Lower"/>).</summary>
    public static ulong Key(ReadOnlySpan<ulong> words)
    {
        var h = 0x51ED27UL;
        foreach (var w in words)
        {
            h = FeatureHash.Combine(h, w);
        }

        return h == 0 ? 1 : h;
    }

    /// <summary>For each token, the kinds of the entries that start there (<paramref name="begin"/>) and that cover
    /// it after their first word (<paramref name="inside"/>). <paramref name="lower"/> holds each token's lowercase hash.</summary>
    public void Match(ReadOnlySpan<ulong> lower, ReadOnlySpan<bool> canStart, Span<uint> begin, Span<uint> inside)
    {
        begin.Clear();
        inside.Clear();
        for (var i = 0; i < lower.Length; i++)
        {
            if (!canStart[i])
            {
                continue;
            }

            var h = 0x51ED27UL;
            for (var len = 1; len <= MaxWords && i + len <= lower.Length; len++)
            {
                h = FeatureHash.Combine(h, lower[i + len - 1]);
                var kinds = Table.Get(h == 0 ? 1 : h);
                if (kinds == 0)
                {
                    break;
                }

                var entry = kinds & ~(uint)GazetteerKinds.Prefix;
                if (entry != 0)
                {
                    begin[i] |= entry;
                    for (var k = i + 1; k < i + len; k++)
                    {
                        inside[k] |= entry;
                    }
                }

                if ((kinds & (uint)GazetteerKinds.Prefix) == 0)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Whether <paramref name="name"/> (words separated by spaces) is a country, capital or city.</summary>
    public bool IsPlace(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > MaxWords)
        {
            return false;
        }

        Span<ulong> hashes = stackalloc ulong[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            hashes[i] = FeatureHash.Lower(words[i]);
        }

        var kinds = (GazetteerKinds)Table.Get(Key(hashes));
        return (kinds & (GazetteerKinds.Country | GazetteerKinds.Capital | GazetteerKinds.City)) != 0;
    }

    public void Write(BinaryWriter writer) => Table.Write(writer);

    public static Gazetteer Read(BinaryReader reader) => new(KeyTable.Read(reader));
}
