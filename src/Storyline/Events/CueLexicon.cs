using System.Collections.Frozen;
using System.Reflection;

namespace Storyline.Events;

/// <summary>
/// Cue verbs and their patterns, in the compact form derived from the PETRARCH2 CAMEO verb dictionary
/// (models/events/cues.tsv, built by <c>storyline train events</c>) plus Storyline's hand-written supplement
/// (models/events/cues.extra.tsv), whose patterns win over the derived ones.
/// </summary>
/// <remarks>
/// A verb form belongs to a block (a PETRARCH verb group: OFFER, PROFFER, VOLUNTEER…); the block's patterns apply to
/// every verb in it. A pattern is the words expected before and after the verb, each a word or a synset of
/// alternatives; its code is a CAMEO code, <c>A:B</c> for a pair (A for actor → target, B for the reverse) or
/// <c>---</c> for "not an event".
/// </remarks>
public sealed class CueLexicon
{
    /// <summary>One element of a pattern: alternative word sequences (a single word, or a synset's members).</summary>
    internal sealed record Element(string[][] Alternatives);

    internal sealed record Pattern(Element[] Before, Element[] After, string Code, string Verb, int Priority, int Order)
    {
        public int Size => Before.Length + After.Length;
    }

    internal sealed record Block(string? DefaultCode, List<Pattern> Patterns);

    /// <summary>A verb form (one or more words) in a block, with its own default code when the dictionary gives one.</summary>
    internal sealed record VerbForm(string[] Words, Block Block, string? Code, int Priority);

    private readonly Dictionary<string, List<VerbForm>> _forms = new(StringComparer.Ordinal);

    private CueLexicon()
    {
    }

    /// <summary>The product's lexicon: the derived CAMEO cues with the supplement on top.</summary>
    public static CueLexicon Default { get; } = LoadDefault();

    /// <summary>Number of distinct verb forms (for reports and tests).</summary>
    public int FormCount => _forms.Values.Sum(l => l.Count);

    internal IReadOnlyList<VerbForm>? FormsStartingWith(string word) => _forms.GetValueOrDefault(word);

    /// <summary>Reads lexicons in their text form; a later reader's patterns get a higher priority.</summary>
    public static CueLexicon Read(params TextReader[] readers)
    {
        var lexicon = new CueLexicon();
        var order = 0;
        for (var priority = 0; priority < readers.Length; priority++)
        {
            lexicon.Add(readers[priority], priority, ref order);
        }

        return lexicon;
    }

    private void Add(TextReader reader, int priority, ref int order)
    {
        var synsets = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var blocks = new Dictionary<string, Block>(StringComparer.Ordinal);
        var lines = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields[0] == "S" && fields.Length >= 3)
            {
                synsets[fields[1]] = [.. fields[2].Split('|', StringSplitOptions.RemoveEmptyEntries)];
            }
            else
            {
                lines.Add(fields);
            }
        }

        string[][] Resolve(string synset, int depth)
        {
            if (depth > 4 || !synsets.TryGetValue(synset, out var members))
            {
                return [];
            }

            var result = new List<string[]>();
            foreach (var member in members)
            {
                if (member.StartsWith('&'))
                {
                    result.AddRange(Resolve(member, depth + 1));
                }
                else
                {
                    result.Add(member.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }
            }

            return [.. result];
        }

        Element[] Elements(string side) =>
            [.. side.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(word => word.StartsWith('&') ? new Element(Resolve(word, 0)) : new Element([[word]]))
                .Where(e => e.Alternatives.Length > 0)];

        static string? Code(string code) => code is "-" or "" ? null : code;

        foreach (var fields in lines)
        {
            switch (fields[0])
            {
                case "B" when fields.Length >= 3:
                    blocks[fields[1]] = new Block(Code(fields[2]), []);
                    break;
                case "V" when fields.Length >= 4 && blocks.TryGetValue(fields[1], out var block):
                    foreach (var form in fields[2].Split('|', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var words = form.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        if (words.Length == 0)
                        {
                            continue;
                        }

                        if (!_forms.TryGetValue(words[0], out var list))
                        {
                            _forms[words[0]] = list = [];
                        }

                        list.Add(new VerbForm(words, block, Code(fields[3]), priority));
                    }

                    break;
                case "P" when fields.Length >= 5 && blocks.TryGetValue(fields[1], out var owner):
                    owner.Patterns.Add(new Pattern(Elements(fields[2]), Elements(fields[3]), fields[4], fields.Length > 5 ? fields[5] : "", priority, order++));
                    break;
                default:
                    break;
            }
        }
    }

    private static CueLexicon LoadDefault()
    {
        var assembly = typeof(CueLexicon).Assembly;
        using var cues = Open(assembly, "cues.tsv");
        using var extra = Open(assembly, "cues.extra.tsv");
        return Read(cues, extra);
    }

    internal static StreamReader Open(Assembly assembly, string name)
    {
        var stream = assembly.GetManifestResourceStream("Storyline.Events." + name)
            ?? throw new InvalidOperationException($"the embedded lexicon Storyline.Events.{name} is missing from {assembly.GetName().Name}");
        return new StreamReader(stream);
    }

    /// <summary>Words that make the next word a noun, not a verb ("the talks", "its aid").</summary>
    internal static readonly FrozenSet<string> Determiners = FrozenSet.ToFrozenSet(
    [
        "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your", "all", "some",
        "any", "no", "every", "each", "'s", "’s", "of", "new", "military", "economic", "financial", "humanitarian",
        "diplomatic", "foreign", "private", "official", "first", "further", "such", "more", "peace", "joint", "direct",
    ], StringComparer.Ordinal);
}
