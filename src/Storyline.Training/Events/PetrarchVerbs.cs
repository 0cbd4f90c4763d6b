using System.Text.RegularExpressions;

namespace Storyline.Training.Events;

/// <summary>
/// Reads a PETRARCH verb dictionary (CAMEO.2.0.txt, PETR.Validate.verbs.txt) and writes it as the compact cue lexicon
/// the core reads (<see cref="Storyline.Events.CueLexicon"/>): synsets, verb forms with their default code, and
/// patterns reduced to the words before and after the verb.
/// </summary>
/// <remarks>
/// What is kept of PETRARCH's pattern language: the words on each side of <c>*</c> (in order), synset references
/// (<c>&amp;NAME</c>), and the code. What is dropped: the parse-tree conditions (noun phrase <c>{…}</c> and
/// prepositional phrase <c>(…)</c> become plain word sequences), the source/target markers (<c>+ $ % ^</c>) and word
/// adjacency (<c>_</c>): the core matches the words in order within a window of the clause.
/// Verb forms: listed irregular forms plus the regular ones PETRARCH generates (-s, -ed, -ing).
/// </remarks>
public static partial class PetrarchVerbs
{
    /// <summary>Converts the dictionary at <paramref name="path"/> to the lexicon's text form.</summary>
    public static void Convert(string path, TextWriter output, string attribution)
    {
        var lines = File.ReadAllLines(path);
        output.WriteLine("# Storyline cue lexicon: derived by `storyline train events` (Storyline.Training.Events.PetrarchVerbs).");
        foreach (var line in attribution.Split('\n'))
        {
            output.WriteLine("# " + line.TrimEnd());
        }

        output.WriteLine("# S <synset> <alternatives|…>    B <block> <default code>    V <block> <form|…> <code>    P <block> <before> <after> <code> <verb>");
        var block = -1;
        string? synset = null;
        var synsetWords = new List<string>();
        var inComment = false;

        void FlushSynset()
        {
            if (synset is not null && synsetWords.Count > 0)
            {
                output.WriteLine($"S\t{synset}\t{string.Join('|', synsetWords.Distinct(StringComparer.Ordinal))}");
            }

            synset = null;
            synsetWords.Clear();
        }

        foreach (var raw in lines)
        {
            var line = raw;
            if (inComment)
            {
                if (line.Contains("-->", StringComparison.Ordinal))
                {
                    inComment = false;
                }

                continue;
            }

            if (line.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
            {
                inComment = !line.Contains("-->", StringComparison.Ordinal);
                continue;
            }

            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var comment = hash >= 0 ? line[(hash + 1)..].Trim() : "";
            if (hash >= 0)
            {
                line = line[..hash];
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                FlushSynset();
                continue;
            }

            if (line.StartsWith('&'))
            {
                FlushSynset();
                synset = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0].TrimEnd('_').ToUpperInvariant();
                continue;
            }

            if (synset is not null && line.StartsWith('+'))
            {
                synsetWords.Add(Words(line[1..]));
                continue;
            }

            FlushSynset();
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                var code = CodeOf(line) ?? "---";
                block++;
                output.WriteLine($"B\t{block}\t{code}");
                continue;
            }

            if (block < 0)
            {
                continue;
            }

            if (line.StartsWith('-'))
            {
                var code = CodeOf(line);
                if (code is null)
                {
                    continue;
                }

                var body = BracketCode().Replace(line[1..], " ");
                body = body.Replace('_', ' ').Replace('{', ' ').Replace('}', ' ').Replace('(', ' ').Replace(')', ' ');
                var star = body.IndexOf('*', StringComparison.Ordinal);
                if (star < 0)
                {
                    continue;
                }

                var before = Elements(body[..star]);
                var after = Elements(body[(star + 1)..]);
                var verb = comment.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim(',').ToLowerInvariant() ?? "";
                output.WriteLine($"P\t{block}\t{before}\t{after}\t{code}\t{verb}");
                continue;
            }

            // A verb line: WORD {FORMS} [code] or +MULTI_WORD {+FORMS} [code] or KLM_NOP_+RST [code].
            var verbCode = CodeOf(line) ?? "-";
            var text = BracketCode().Replace(line, " ");
            string[]? irregular = null;
            var brace = text.IndexOf('{', StringComparison.Ordinal);
            if (brace >= 0)
            {
                var close = text.IndexOf('}', brace);
                var inside = close > brace ? text[(brace + 1)..close] : text[(brace + 1)..];
                irregular = inside.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
                text = text[..brace];
            }

            var head = text.Trim();
            if (head.Length == 0 || head.Contains(' ', StringComparison.Ordinal) && !head.Contains('_', StringComparison.Ordinal))
            {
                // "PRESIDENT HOSNI" style entries never occur in verb blocks; anything with spaces is a stray note.
                head = head.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            }

            if (head.Length == 0)
            {
                continue;
            }

            var forms = new List<string>();
            forms.AddRange(Inflect(head));
            if (irregular is not null)
            {
                forms.AddRange(irregular.Select(Words));
            }

            output.WriteLine($"V\t{block}\t{string.Join('|', forms.Where(f => f.Length > 0).Distinct(StringComparer.Ordinal))}\t{verbCode}");
        }

        FlushSynset();
    }

    /// <summary>A dictionary phrase (<c>+MEET_WITH</c>, <c>WIRE_+TAP</c>, <c>PRIME_MINISTER</c>) as lower-case words.</summary>
    internal static string Words(string phrase) =>
        string.Join(' ', phrase.Replace('+', ' ').Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>The base form and the regular forms PETRARCH generates for the verb word of a (multi-word) verb.</summary>
    internal static IEnumerable<string> Inflect(string head)
    {
        var parts = head.Split('_', StringSplitOptions.RemoveEmptyEntries);
        var verbIndex = Array.FindIndex(parts, p => p.StartsWith('+'));
        if (verbIndex < 0)
        {
            verbIndex = 0;
        }

        var words = parts.Select(p => p.TrimStart('+').ToLowerInvariant()).ToArray();
        var verb = words[verbIndex];
        foreach (var form in VerbForms(verb))
        {
            var copy = (string[])words.Clone();
            copy[verbIndex] = form;
            yield return string.Join(' ', copy.Where(w => w.Length > 0));
        }
    }

    internal static IEnumerable<string> VerbForms(string verb)
    {
        yield return verb;
        if (verb.Length < 2)
        {
            yield break;
        }

        static bool Vowel(char c) => "aeiou".Contains(c, StringComparison.Ordinal);
        var last = verb[^1];
        var consonantY = last == 'y' && !Vowel(verb[^2]);
        if (verb.EndsWith('s') || verb.EndsWith('x') || verb.EndsWith('z') || verb.EndsWith("ch", StringComparison.Ordinal) || verb.EndsWith("sh", StringComparison.Ordinal) || verb.EndsWith('o'))
        {
            yield return verb + "es";
        }
        else if (consonantY)
        {
            yield return verb[..^1] + "ies";
        }
        else
        {
            yield return verb + "s";
        }

        if (last == 'e')
        {
            yield return verb + "d";
            yield return verb.EndsWith("ee", StringComparison.Ordinal) ? verb + "ing" : verb[..^1] + "ing";
            if (verb.EndsWith("ie", StringComparison.Ordinal))
            {
                yield return verb[..^2] + "ying";
            }
        }
        else if (consonantY)
        {
            yield return verb[..^1] + "ied";
            yield return verb + "ing";
        }
        else
        {
            yield return verb + "ed";
            yield return verb + "ing";
            // Consonant-vowel-consonant endings double in many verbs (plan → planned); the extra form is harmless
            // where they do not (visit → visitted never occurs in text).
            if (verb.Length >= 3 && !Vowel(last) && last is not ('w' or 'x' or 'y') && Vowel(verb[^2]) && !Vowel(verb[^3]))
            {
                yield return verb + last + "ed";
                yield return verb + last + "ing";
            }
        }
    }

    private static string? CodeOf(string line)
    {
        var match = BracketCode().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var code = match.Groups[1].Value.Trim();
        return code.Length == 0 ? null : code.ToUpperInvariant();
    }

    /// <summary>Pattern words as space-separated lower-case elements; synsets keep their <c>&amp;NAME</c>.</summary>
    private static string Elements(string side)
    {
        var elements = new List<string>();
        foreach (var token in side.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var t = token.Trim('+', '$', '%', '^', ',');
            if (t.Length == 0 || t == "-")
            {
                continue;
            }

            elements.Add(t.StartsWith('&') ? t.ToUpperInvariant() : t.ToLowerInvariant());
        }

        return string.Join(' ', elements);
    }

    [GeneratedRegex(@"\[([^\]]*)\]")]
    private static partial Regex BracketCode();
}
