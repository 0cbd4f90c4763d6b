namespace Storyline.Training.Corpora;

/// <summary>One GMB token: the word, its PTB tag and its IOB2 entity tag (e.g. <c>B-per</c>, <c>I-geo</c>, <c>O</c>).</summary>
public sealed record GmbToken(string Word, string Pos, string Tag);

/// <summary>A GMB sentence with its 1-based number in the file.</summary>
public sealed record GmbSentence(int Number, IReadOnlyList<GmbToken> Tokens);

/// <summary>
/// Reads the GMB extract (ner_dataset.csv: "Sentence #,Word,POS,Tag", the sentence number only on a sentence's first
/// row). The project's split: the last 10% of the sentences are the dev set, the rest train.
/// </summary>
public static class GmbReader
{
    public const double DevFraction = 0.10;

    public static IReadOnlyList<GmbSentence> ReadAll(string path)
    {
        var sentences = new List<GmbSentence>();
        List<GmbToken>? current = null;
        var number = 0;
        string? broken = null;
        foreach (var raw in File.ReadLines(path).Skip(1))
        {
            if (raw.Length == 0)
            {
                continue;
            }

            // Four rows of the file are split over two lines (",", then ",\",\",O"): a record whose word is a
            // line break. Join such a short line with the next one, then drop the blank token.
            var line = broken is null ? raw : broken + "\n" + raw;
            var fields = SplitCsv(line);
            if (fields.Count < 4 && broken is null)
            {
                broken = line;
                continue;
            }

            broken = null;
            if (fields.Count != 4)
            {
                throw new FormatException($"{path}: expected 4 CSV fields, got {fields.Count}: '{line}'");
            }

            if (string.IsNullOrWhiteSpace(fields[1]))
            {
                continue;
            }

            if (fields[0].Length > 0)
            {
                if (current is { Count: > 0 })
                {
                    sentences.Add(new GmbSentence(number, current));
                }

                current = [];
                number = int.Parse(fields[0].AsSpan(fields[0].IndexOf(':') + 1).Trim());
            }

            (current ??= []).Add(new GmbToken(fields[1], fields[2], fields[3]));
        }

        if (current is { Count: > 0 })
        {
            sentences.Add(new GmbSentence(number, current));
        }

        return sentences;
    }

    /// <summary>Train = the first 90% of sentences, dev = the last 10% (the split the data README prescribes).</summary>
    public static (IReadOnlyList<GmbSentence> Train, IReadOnlyList<GmbSentence> Dev) Split(IReadOnlyList<GmbSentence> all)
    {
        var devStart = all.Count - (int)Math.Round(all.Count * DevFraction);
        return (all.Take(devStart).ToList(), all.Skip(devStart).ToList());
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>(4);
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
