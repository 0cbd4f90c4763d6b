namespace Storyline.Training.Corpora;

/// <summary>A syntactic word of a CoNLL-U sentence: form, UPOS, PTB tag, and whether a space follows it in the text.</summary>
public sealed record ConlluWord(string Form, string Upos, string Xpos, bool SpaceAfter);

/// <summary>A CoNLL-U sentence with its document and paragraph ids (from <c># newdoc</c> / <c># newpar</c>) and <c># text</c>.</summary>
public sealed record ConlluSentence(string Id, string DocumentId, string ParagraphId, string Text, IReadOnlyList<ConlluWord> Words);

/// <summary>Reads Universal Dependencies CoNLL-U files (UD English EWT). Multiword-token ranges and empty nodes are
/// skipped: POS tags belong to syntactic words.</summary>
public static class ConlluReader
{
    public static IEnumerable<ConlluSentence> Read(string path)
    {
        string documentId = string.Empty, paragraphId = string.Empty, sentenceId = string.Empty, text = string.Empty;
        var words = new List<ConlluWord>();
        var paragraphCount = 0;
        // SpaceAfter=No on a multiword token applies to its last word.
        var multiwordNoSpaceEnd = -1;

        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                if (words.Count > 0)
                {
                    yield return new ConlluSentence(sentenceId, documentId, paragraphId, text, words);
                }

                words = [];
                text = sentenceId = string.Empty;
                multiwordNoSpaceEnd = -1;
                continue;
            }

            if (line[0] == '#')
            {
                if (TryComment(line, "newdoc id", out var value) || line.StartsWith("# newdoc", StringComparison.Ordinal))
                {
                    documentId = value ?? $"doc-{sentenceId}";
                    paragraphId = $"{documentId}-p{++paragraphCount}";
                }
                else if (TryComment(line, "newpar id", out value) || line.StartsWith("# newpar", StringComparison.Ordinal))
                {
                    paragraphId = value ?? $"{documentId}-p{++paragraphCount}";
                }
                else if (TryComment(line, "sent_id", out value))
                {
                    sentenceId = value!;
                }
                else if (TryComment(line, "text", out value))
                {
                    text = value!;
                }

                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length < 10)
            {
                throw new FormatException($"{path}: a CoNLL-U word line needs 10 columns: '{line}'");
            }

            var id = columns[0];
            var noSpace = columns[9].Contains("SpaceAfter=No", StringComparison.Ordinal);
            if (id.Contains('-', StringComparison.Ordinal))
            {
                var range = id.Split('-');
                multiwordNoSpaceEnd = noSpace ? int.Parse(range[1]) : -1;
                continue;
            }

            if (id.Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            var wordIndex = int.Parse(id);
            var spaceAfter = !noSpace && wordIndex != multiwordNoSpaceEnd;
            words.Add(new ConlluWord(columns[1], columns[3], columns[4], spaceAfter));
        }

        if (words.Count > 0)
        {
            yield return new ConlluSentence(sentenceId, documentId, paragraphId, text, words);
        }
    }

    private static bool TryComment(string line, string key, out string? value)
    {
        var prefix = "# " + key + " =";
        if (line.StartsWith(prefix, StringComparison.Ordinal))
        {
            value = line[prefix.Length..].Trim();
            return true;
        }

        value = null;
        return false;
    }
}
