using System.Collections.Frozen;

namespace Storyline.Entities;

/// <summary>
/// Canonical names for identity: a country's other names (official names, alternative spellings: "U.S.", "USA",
/// "United States of America") map to its common name, and demonyms ("Belarusian", "Iraqis") to the country.
/// Derived from mledoze/countries (ODbL) at training time and stored in ner.bin.
/// </summary>
public sealed class EntityNames
{
    public EntityNames(IReadOnlyDictionary<string, string> countryAliases, IReadOnlyDictionary<string, string> demonyms)
    {
        CountryAliases = countryAliases.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Demonyms = demonyms.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public static EntityNames Empty { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>Any name of a country → its common name.</summary>
    public FrozenDictionary<string, string> CountryAliases { get; }

    /// <summary>Demonym (singular or plural) → the country's common name.</summary>
    public FrozenDictionary<string, string> Demonyms { get; }

    public void Write(BinaryWriter writer)
    {
        foreach (var table in new[] { CountryAliases, Demonyms })
        {
            var entries = table.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            writer.Write(entries.Count);
            foreach (var (key, value) in entries)
            {
                writer.Write(key);
                writer.Write(value);
            }
        }
    }

    public static EntityNames Read(BinaryReader reader)
    {
        Dictionary<string, string> ReadTable()
        {
            var count = reader.ReadInt32();
            var table = new Dictionary<string, string>(count, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < count; i++)
            {
                var key = reader.ReadString();
                table[key] = reader.ReadString();
            }

            return table;
        }

        var aliases = ReadTable();
        return new EntityNames(aliases, ReadTable());
    }
}
