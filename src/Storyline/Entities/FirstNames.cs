using System.Collections.Frozen;

namespace Storyline.Entities;

/// <summary>The word lists of entity identity that travel inside the assembly (Entities/Data/*.tsv, each citing its
/// source): first names by the gender of their pronouns, and seat-of-government metonyms by country.</summary>
internal static class FirstNames
{
    public static FrozenSet<string> Male { get; } = Load("first-names.tsv", "M");

    public static FrozenSet<string> Female { get; } = Load("first-names.tsv", "F");

    /// <summary>"Kremlin" → "Russia": the name (without "the") of a building or street that stands for a country's government.</summary>
    public static FrozenDictionary<string, string> SeatsOfGovernment { get; } =
        Rows("seats-of-government.tsv").ToFrozenDictionary(r => r[0], r => r[1], StringComparer.OrdinalIgnoreCase);

    private static FrozenSet<string> Load(string file, string gender) =>
        Rows(file).Where(r => r[1] == gender).Select(r => r[0]).ToFrozenSet(StringComparer.Ordinal);

    private static List<string[]> Rows(string file)
    {
        using var stream = typeof(FirstNames).Assembly.GetManifestResourceStream("Storyline.Entities." + file)
            ?? throw new InvalidOperationException($"embedded resource {file} missing");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                rows.Add(line.Split('\t'));
            }
        }

        return rows;
    }
}
