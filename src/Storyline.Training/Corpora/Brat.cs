using System.Collections.Immutable;
using System.Globalization;
using Storyline.Text;

namespace Storyline.Training.Corpora;

/// <summary>A brat text-bound annotation ("T3	Content 115 290;300 310	…"): a type and one or more segments.</summary>
public sealed record BratSpan(string Id, string Type, ImmutableArray<TextSpan> Segments);

/// <summary>A brat event whose roles name text-bound annotations ("E1	Attribution:T4 Content:T3 Cue:T2 Source:T1").</summary>
public sealed record BratEvent(string Id, string Type, ImmutableDictionary<string, BratSpan> Roles);

public sealed record BratDocument(ImmutableDictionary<string, BratSpan> Spans, ImmutableArray<BratEvent> Events);

/// <summary>Reads brat standoff (.ann) files. Offsets in .ann files count Unicode code points; they are converted to
/// UTF-16 offsets into <c>text</c> so they index a C# string like every other span.</summary>
public static class Brat
{
    public static BratDocument Read(string annotations, string text)
    {
        var toUtf16 = CodePointMap(text);
        var spans = ImmutableDictionary.CreateBuilder<string, BratSpan>(StringComparer.Ordinal);
        var events = new List<(string Id, string Type, string[] Roles)>();
        foreach (var raw in annotations.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var fields = line.Split('\t');
            if (fields.Length < 2 || fields[0].Length == 0)
            {
                continue;
            }

            if (fields[0][0] == 'T')
            {
                var space = fields[1].IndexOf(' ', StringComparison.Ordinal);
                if (space <= 0)
                {
                    continue;
                }

                var segments = ImmutableArray.CreateBuilder<TextSpan>();
                foreach (var part in fields[1][(space + 1)..].Split(';'))
                {
                    var bounds = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (bounds.Length == 2
                        && int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                        && int.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
                        && start <= end && end < toUtf16.Length)
                    {
                        segments.Add(new TextSpan(toUtf16[start], toUtf16[end]));
                    }
                }

                if (segments.Count > 0)
                {
                    spans[fields[0]] = new BratSpan(fields[0], fields[1][..space], segments.ToImmutable());
                }
            }
            else if (fields[0][0] == 'E')
            {
                var parts = fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var colon = parts.Length > 0 ? parts[0].IndexOf(':', StringComparison.Ordinal) : -1;
                if (colon > 0)
                {
                    events.Add((fields[0], parts[0][..colon], parts));
                }
            }
        }

        var resolved = spans.ToImmutable();
        var result = ImmutableArray.CreateBuilder<BratEvent>();
        foreach (var (id, type, parts) in events)
        {
            var roles = ImmutableDictionary.CreateBuilder<string, BratSpan>(StringComparer.Ordinal);
            foreach (var part in parts)
            {
                var colon = part.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && resolved.TryGetValue(part[(colon + 1)..], out var span))
                {
                    roles[part[..colon]] = span;
                }
            }

            result.Add(new BratEvent(id, type, roles.ToImmutable()));
        }

        return new BratDocument(resolved, result.ToImmutable());
    }

    /// <summary>UTF-16 offset of every code-point offset 0..count (inclusive).</summary>
    private static int[] CodePointMap(string text)
    {
        var map = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        map.Add(text.Length);
        return [.. map];
    }
}
