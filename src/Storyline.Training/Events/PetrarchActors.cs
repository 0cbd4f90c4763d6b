using System.Text.RegularExpressions;

namespace Storyline.Training.Events;

/// <summary>
/// Reads PETRARCH/TABARI actor and agent dictionaries (Phoenix.*.actors.txt, Phoenix.agents.txt, PETR.Validate.*) and
/// writes them in the compact form <see cref="Storyline.Events.ActorLexicon"/> reads: <c>A name code</c> for actors
/// (a name and its <c>+</c> aliases share the code lines that follow them) and <c>G name ~code</c> for agents (role
/// words such as "police" → <c>~COP</c>, joined to a country code when a country word comes with them).
/// </summary>
/// <remarks>An actor with several dated codes (a minister, then an ex-minister) keeps the open-ended one (no end date
/// or <c>&gt;date</c>), else the first listed.</remarks>
public static partial class PetrarchActors
{
    public static void ConvertActors(IEnumerable<string> paths, TextWriter output)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var names = new List<string>();
            var codes = new List<(string Code, bool Open)>();
            var inComment = false;

            void Flush()
            {
                if (names.Count > 0 && codes.Count > 0)
                {
                    var code = codes.FirstOrDefault(c => c.Open).Code ?? codes[0].Code;
                    if (code is not "---" and not "")
                    {
                        foreach (var name in names)
                        {
                            if (name.Length > 1 && seen.Add(name))
                            {
                                output.WriteLine($"A\t{name}\t{code}");
                            }
                        }
                    }
                }

                names.Clear();
                codes.Clear();
            }

            foreach (var raw in File.ReadLines(path))
            {
                if (SkipComment(raw, ref inComment))
                {
                    continue;
                }

                var line = StripHash(raw);
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                var matches = Code().Matches(line);
                var text = Code().Replace(line, " ").Trim();
                var isAlias = text.StartsWith('+');
                if (text.Length > 0 && !isAlias && codes.Count > 0)
                {
                    Flush();
                }

                if (text.Length > 0)
                {
                    names.Add(PetrarchVerbs.Words(text));
                }

                foreach (Match m in matches)
                {
                    var parts = m.Groups[1].Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length == 0)
                    {
                        continue;
                    }

                    var open = parts.Length == 1 || parts[1].StartsWith('>');
                    codes.Add((parts[0].ToUpperInvariant(), open));
                }
            }

            Flush();
        }
    }

    public static void ConvertAgents(IEnumerable<string> paths, TextWriter output)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var macros = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var inComment = false;
            foreach (var raw in File.ReadLines(path))
            {
                if (SkipComment(raw, ref inComment))
                {
                    continue;
                }

                var line = StripHash(raw).Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (line.StartsWith('!') && eq > 0)
                {
                    macros[line[..eq].Trim()] = [.. line[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim())];
                    continue;
                }

                var match = Code().Match(line);
                if (!match.Success)
                {
                    continue;
                }

                var code = match.Groups[1].Value.Trim().ToUpperInvariant();
                var text = Code().Replace(line, " ");
                string[]? plurals = null;
                var brace = text.IndexOf('{', StringComparison.Ordinal);
                if (brace >= 0)
                {
                    var close = text.IndexOf('}', brace);
                    plurals = text[(brace + 1)..(close > brace ? close : text.Length)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    text = text[..brace];
                }

                foreach (var expanded in Expand(text.Trim(), macros))
                {
                    var forms = new List<string> { expanded };
                    if (plurals is null)
                    {
                        forms.Add(expanded.EndsWith('y') ? expanded[..^1] + "IES" : expanded.EndsWith('S') ? expanded + "ES" : expanded + "S");
                    }
                    else
                    {
                        forms.AddRange(plurals);
                    }

                    foreach (var form in forms)
                    {
                        var name = PetrarchVerbs.Words(form);
                        if (name.Length > 1 && seen.Add(name))
                        {
                            output.WriteLine($"G\t{name}\t{code}");
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Expand(string text, Dictionary<string, string[]> macros)
    {
        var start = text.IndexOf('!', StringComparison.Ordinal);
        var end = start >= 0 ? text.IndexOf('!', start + 1) : -1;
        if (end < 0)
        {
            yield return text;
            yield break;
        }

        var key = text[start..(end + 1)];
        foreach (var value in macros.GetValueOrDefault(key) ?? [])
        {
            foreach (var rest in Expand(text[..start] + value + text[(end + 1)..], macros))
            {
                yield return rest;
            }
        }
    }

    private static bool SkipComment(string line, ref bool inComment)
    {
        if (inComment)
        {
            inComment = !line.Contains("-->", StringComparison.Ordinal);
            return true;
        }

        if (line.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
        {
            inComment = !line.Contains("-->", StringComparison.Ordinal);
            return true;
        }

        return false;
    }

    private static string StripHash(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash >= 0 ? line[..hash] : line;
    }

    [GeneratedRegex(@"\[([^\]]*)\]")]
    private static partial Regex Code();
}
