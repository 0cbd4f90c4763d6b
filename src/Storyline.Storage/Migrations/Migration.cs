using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Storyline.Storage.Migrations;

/// <summary>One numbered step of a backend's schema: SQL that runs once, in order, inside the migration transaction.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>
    /// A backend's steps, embedded as <c>Migrations/NNNN_name.sql</c>. Numbers must run 1, 2, 3, … with no gap or
    /// repeat: a store records the last number applied, so a hole would be skipped forever. Steps are never edited
    /// once released; a change is a new step.
    /// </summary>
    public static IReadOnlyList<Migration> LoadEmbedded(Assembly assembly)
    {
        var steps = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = Regex.Match(resource, @"\.Migrations\.(?<number>\d+)_(?<name>[A-Za-z0-9_]+)\.sql$");
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            steps.Add(new Migration(int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value, reader.ReadToEnd()));
        }

        steps.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Version != i + 1)
            {
                throw new InvalidOperationException($"{assembly.GetName().Name}: migration steps must be numbered 1, 2, 3, …; found {string.Join(", ", steps.Select(s => s.Version))}.");
            }
        }

        return steps.Count > 0 ? steps : throw new InvalidOperationException($"{assembly.GetName().Name} embeds no Migrations/NNNN_name.sql steps.");
    }
}
