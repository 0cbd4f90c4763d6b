using System.Collections.Frozen;

namespace Storyline.Events;

/// <summary>
/// CAMEO code → PLOVER type and mode, from the CAMEO2PLOVER-2021 table (models/events/plover.tsv, CC BY-SA 4.0),
/// plus Storyline's documented extensions (MAKE STATEMENT for CAMEO 01, REQUEST for 02, DEMAND for 10, FIGHT for 19).
/// A code the table does not list falls back to its 3-digit and then 2-digit parent, as the PLOVER manual (7.2,
/// note 2) recommends.
/// </summary>
public static class CameoPlover
{
    private static readonly (FrozenDictionary<string, (string Type, string? Mode)> Table, FrozenDictionary<string, string> Extensions) Data = Load();

    /// <summary>PLOVER type names Storyline emits (the 2021 table's, and the three extensions).</summary>
    public static readonly IReadOnlyList<string> Types =
    [
        "MAKE STATEMENT", "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "DEMAND",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT",
    ];

    /// <summary>The product's type and mode for a CAMEO code (extensions applied), or null when none.</summary>
    public static (string Type, string? Mode)? Lookup(string code)
    {
        var digits = Digits(code);
        if (digits.Length < 2)
        {
            return null;
        }

        var official = Official(digits);
        // An extension renames the root's own type only (191 "impose blockade" stays COERCE, not FIGHT).
        if (Data.Extensions.TryGetValue(digits[..2], out var extension) && (official is null || OfficialType(extension) == official.Value.Type))
        {
            // DEMAND and FIGHT keep the table's mode (REQUEST's assist/change/…; ASSAULT's weapons).
            return (extension, official?.Mode);
        }

        return official;
    }

    /// <summary>The type and mode exactly as the 2021 table gives them (no extensions), or null when it drops the code.</summary>
    public static (string Type, string? Mode)? Official(string code)
    {
        var digits = Digits(code);
        for (var length = Math.Min(digits.Length, 4); length >= 2; length--)
        {
            if (Data.Table.TryGetValue(digits[..length], out var entry))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>A product type reduced to the 2021 table's vocabulary (DEMAND → REQUEST, FIGHT → ASSAULT, MAKE
    /// STATEMENT → null, since the table drops statements).</summary>
    public static string? OfficialType(string type) => type switch
    {
        "DEMAND" => "REQUEST",
        "FIGHT" => "ASSAULT",
        "MAKE STATEMENT" => null,
        _ => type,
    };

    private static string Digits(string code)
    {
        var end = 0;
        while (end < code.Length && char.IsAsciiDigit(code[end]))
        {
            end++;
        }

        return code[..end];
    }

    private static (FrozenDictionary<string, (string, string?)>, FrozenDictionary<string, string>) Load()
    {
        var table = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        var extensions = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = CueLexicon.Open(typeof(CameoPlover).Assembly, "plover.tsv");
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (fields[0] == "M" && fields.Length >= 4)
            {
                // The table lists a few codes twice (175 under ASSAULT twice, 08 as CONCEDE and RETREAT): first wins.
                table.TryAdd(fields[1], (fields[2], fields[3].Trim().Length == 0 ? null : fields[3].Trim()));
            }
            else if (fields[0] == "X" && fields.Length >= 3)
            {
                extensions[fields[1]] = fields[2];
            }
        }

        return (table.ToFrozenDictionary(StringComparer.Ordinal), extensions.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
