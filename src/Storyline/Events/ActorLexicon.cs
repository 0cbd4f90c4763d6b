namespace Storyline.Events;

/// <summary>
/// Actor names and agent words with their CAMEO actor codes, derived from the Phoenix/PETRARCH2 actor dictionaries
/// (models/events/actors.tsv): "Kremlin" → RUSGOV, "Belarusian" → BLR, "police" → ~COP (an agent: its code joins a
/// country's, "Russian police" → RUSCOP).
/// </summary>
public sealed class ActorLexicon
{
    internal sealed record Entry(string[] Words, string Code, bool Agent);

    private readonly Dictionary<string, List<Entry>> _byFirst = new(StringComparer.Ordinal);

    private ActorLexicon()
    {
    }

    public static ActorLexicon Default { get; } = LoadDefault();

    public int Count => _byFirst.Values.Sum(l => l.Count);

    /// <summary>Entries whose first word is <paramref name="word"/> (lower case), longest first.</summary>
    internal IReadOnlyList<Entry>? StartingWith(string word) => _byFirst.GetValueOrDefault(word);

    public static ActorLexicon Read(TextReader reader)
    {
        var lexicon = new ActorLexicon();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (fields.Length < 3 || fields[0] is not ("A" or "G"))
            {
                continue;
            }

            var words = fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            if (!lexicon._byFirst.TryGetValue(words[0], out var list))
            {
                lexicon._byFirst[words[0]] = list = [];
            }

            list.Add(new Entry(words, fields[2], fields[0] == "G"));
        }

        foreach (var list in lexicon._byFirst.Values)
        {
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }

        return lexicon;
    }

    private static ActorLexicon LoadDefault()
    {
        using var reader = CueLexicon.Open(typeof(ActorLexicon).Assembly, "actors.tsv");
        return Read(reader);
    }
}
