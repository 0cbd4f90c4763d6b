using System.Text;
using Storyline.Text;

namespace Storyline.Training.Corpora;

/// <summary>A GUM entity mention: words [Start, End) of its document, entity type, and the coreference group.</summary>
public sealed record GumMention(int Start, int End, string Type, string Group);

/// <summary>A GUM document: its text rebuilt from the words (with their spacing), word spans, UPOS, sentences
/// (first word, word count) and every entity mention.</summary>
public sealed record GumDocument(string Id, string Text, IReadOnlyList<TextSpan> Words, IReadOnlyList<string> Upos,
    IReadOnlyList<(int First, int Count)> Sentences, IReadOnlyList<GumMention> Mentions);

/// <summary>Reads GUM's enriched CoNLL-U (MISC <c>Entity=(id-type-…</c> opens a mention, <c>id)</c> closes it).</summary>
public static class GumReader
{
    public static GumDocument Read(string path)
    {
        var text = new StringBuilder();
        var words = new List<TextSpan>();
        var upos = new List<string>();
        var sentences = new List<(int, int)>();
        var mentions = new List<GumMention>();
        var open = new List<(string Group, string Type, int Start)>();
        var sentenceStart = 0;
        var spaceBefore = false;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                if (words.Count > sentenceStart)
                {
                    sentences.Add((sentenceStart, words.Count - sentenceStart));
                    sentenceStart = words.Count;
                    text.Append('\n');
                    spaceBefore = false;
                }

                continue;
            }

            if (line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length < 10 || columns[0].Contains('-', StringComparison.Ordinal) || columns[0].Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            if (spaceBefore)
            {
                text.Append(' ');
            }

            var index = words.Count;
            words.Add(new TextSpan(text.Length, text.Length + columns[1].Length));
            text.Append(columns[1]);
            upos.Add(columns[3]);
            var misc = columns[9];
            spaceBefore = !misc.Contains("SpaceAfter=No", StringComparison.Ordinal);
            foreach (var field in misc.Split('|'))
            {
                if (field.StartsWith("Entity=", StringComparison.Ordinal))
                {
                    ParseEntities(field["Entity=".Length..], index, open, mentions);
                }
            }
        }

        if (words.Count > sentenceStart)
        {
            sentences.Add((sentenceStart, words.Count - sentenceStart));
        }

        return new GumDocument(Path.GetFileNameWithoutExtension(path), text.ToString(), words, upos, sentences, mentions);
    }

    private static void ParseEntities(string value, int word, List<(string Group, string Type, int Start)> open, List<GumMention> mentions)
    {
        var i = 0;
        while (i < value.Length)
        {
            if (value[i] == '(')
            {
                var end = i + 1;
                while (end < value.Length && value[end] is not '(' and not ')')
                {
                    end++;
                }

                var parts = value[(i + 1)..end].Split('-');
                var group = parts[0];
                var type = parts.Length > 1 ? parts[1] : string.Empty;
                if (end < value.Length && value[end] == ')')
                {
                    mentions.Add(new GumMention(word, word + 1, type, group));
                    end++;
                }
                else
                {
                    open.Add((group, type, word));
                }

                i = end;
            }
            else
            {
                var end = i;
                while (end < value.Length && char.IsAsciiDigit(value[end]))
                {
                    end++;
                }

                if (end < value.Length && value[end] == ')' && end > i)
                {
                    var group = value[i..end];
                    var k = open.FindLastIndex(o => o.Group == group);
                    if (k >= 0)
                    {
                        mentions.Add(new GumMention(open[k].Start, word + 1, open[k].Type, group));
                        open.RemoveAt(k);
                    }

                    end++;
                }
                else
                {
                    end = Math.Max(end, i + 1);
                }

                i = end;
            }
        }
    }
}
