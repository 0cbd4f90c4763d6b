using System.Text.Json;
using System.Text.RegularExpressions;
using Storyline.Entities;
using Storyline.Tagging;

namespace Storyline.Training.Tagging;

/// <summary>
/// Builds the NER gazetteer from ../shared/data/gazetteers at training time: countries (common, official and
/// alternative names ≥ 4 letters), demonyms and capitals (mledoze/countries, ODbL), cities of ≥ 15,000 people
/// (GeoNames, CC BY 4.0), US presidents, vice-presidents and members of Congress (CC0). Only hashes of the
/// lowercased names go into the model (the <see cref="Gazetteer"/> section of ner.bin).
/// </summary>
public static partial class GazetteerBuilder
{
    public static Gazetteer Build(string folder, ISet<string>? commonLowercaseWords, TextWriter? log) =>
        Build(folder, commonLowercaseWords, log, out _);

    /// <param name="names">Country aliases and demonyms → the country's common name, for entity identity.</param>
    public static Gazetteer Build(string folder, ISet<string>? commonLowercaseWords, TextWriter? log, out EntityNames names)
    {
        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var demonymsOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var entries = new Dictionary<ulong, uint>();
        var counts = new Dictionary<GazetteerKinds, int>();

        void Add(string? name, GazetteerKinds kind)
        {
            if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny([',', '(', ')', '/']) >= 0)
            {
                return;
            }

            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > Gazetteer.MaxWords)
            {
                return;
            }

            // A one-word place that is mostly an ordinary lowercase word in news ("Of", "Police", "Mobile") would
            // fire on every sentence; leave it to the statistical features.
            if (words.Length == 1 && kind is GazetteerKinds.City && commonLowercaseWords?.Contains(words[0].ToLowerInvariant()) == true)
            {
                return;
            }

            var hashes = words.Select(w => FeatureHash.Lower(w)).ToArray();
            for (var len = 1; len < hashes.Length; len++)
            {
                var prefix = Gazetteer.Key(hashes.AsSpan(0, len));
                entries[prefix] = entries.GetValueOrDefault(prefix) | (uint)GazetteerKinds.Prefix;
            }

            var key = Gazetteer.Key(hashes);
            entries[key] = entries.GetValueOrDefault(key) | (uint)kind;
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }

        using (var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "mledoze-countries", "countries.json"))))
        {
            foreach (var country in json.RootElement.EnumerateArray())
            {
                var name = country.GetProperty("name");
                var common = name.GetProperty("common").GetString()!;
                Add(common, GazetteerKinds.Country);
                Add(name.GetProperty("official").GetString(), GazetteerKinds.Country);
                aliases.TryAdd(name.GetProperty("official").GetString()!, common);
                foreach (var alt in country.GetProperty("altSpellings").EnumerateArray())
                {
                    var s = alt.GetString();
                    if (s is { Length: >= 4 })
                    {
                        Add(s, GazetteerKinds.Country);
                    }

                    // Two-letter codes are ambiguous as words ("IN", "US" in headlines); keep the dotted "U.S." style.
                    if (s is { Length: >= 3 } && s != common)
                    {
                        aliases.TryAdd(s, common);
                    }
                }

                foreach (var capital in country.GetProperty("capital").EnumerateArray())
                {
                    Add(capital.GetString(), GazetteerKinds.Capital);
                }

                if (country.TryGetProperty("demonyms", out var demonyms) && demonyms.TryGetProperty("eng", out var eng))
                {
                    foreach (var form in new[] { "m", "f" })
                    {
                        var demonym = eng.GetProperty(form).GetString();
                        Add(demonym, GazetteerKinds.Demonym);
                        if (demonym is { Length: > 0 })
                        {
                            demonymsOf.TryAdd(demonym, common);
                            if (!demonym.EndsWith('s'))
                            {
                                demonymsOf.TryAdd(demonym + "s", common);
                            }
                        }

                        if (demonym is { Length: > 0 } && !demonym.EndsWith('s'))
                        {
                            // The plural names the people ("Iraqis", "Palestinians"), which news tags as NORP too.
                            Add(demonym + "s", GazetteerKinds.Demonym);
                        }
                    }
                }
            }
        }

        foreach (var line in File.ReadLines(Path.Combine(folder, "geonames", "cities15000.txt")))
        {
            var fields = line.Split('\t');
            if (fields.Length > 2)
            {
                Add(fields[1], GazetteerKinds.City);
                if (fields[2] != fields[1])
                {
                    Add(fields[2], GazetteerKinds.City);
                }
            }
        }

        foreach (var file in new[] { "legislators-current.yaml", "executive.yaml" })
        {
            var text = File.ReadAllText(Path.Combine(folder, "us-congress-legislators", file));
            foreach (Match m in NameBlock().Matches(text))
            {
                Add(m.Groups["first"].Value.Trim('\'', '"') + " " + m.Groups["last"].Value.Trim('\'', '"'), GazetteerKinds.UsPolitician);
                if (m.Groups["full"].Success)
                {
                    Add(m.Groups["full"].Value.Trim('\'', '"'), GazetteerKinds.UsPolitician);
                }
            }
        }

        log?.WriteLine("  gazetteer: " + string.Join(", ", counts.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value:N0}")) + $"; {entries.Count:N0} keys");
        // News spellings the country file lacks.
        foreach (var (alias, country) in new[] { ("U.S.", "United States"), ("US", "United States"), ("U.S.A.", "United States"), ("UK", "United Kingdom"), ("America", "United States"), ("U.K.", "United Kingdom"), ("Britain", "United Kingdom"), ("Great Britain", "United Kingdom") })
        {
            aliases.TryAdd(alias, country);
        }

        names = new EntityNames(aliases, demonymsOf);
        return new Gazetteer(new KeyTable(entries));
    }

    [GeneratedRegex(@"name:\n\s+first: (?<first>[^\n]+)\n(?:\s+middle: [^\n]+\n)?\s+last: (?<last>[^\n]+)\n(?:(?:\s+(?:suffix|nickname): [^\n]+\n)*\s+official_full: (?<full>[^\n]+))?")]
    private static partial Regex NameBlock();
}
