namespace Storyline.Training.Tagging;

/// <summary>
/// Converts Penn Treebank tags (as in the GMB) to UD UPOS, the way UD English annotates: every form of "be" and
/// every modal is AUX, "have"/"do"/"get" are AUX when a verb follows within three words, subordinators are SCONJ.
/// Used to add GMB news sentences to the POS training data.
/// </summary>
public static class PtbToUpos
{
    private static readonly HashSet<string> Be = new(StringComparer.OrdinalIgnoreCase)
    { "be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m", "s" };

    private static readonly HashSet<string> Auxiliary = new(StringComparer.OrdinalIgnoreCase)
    { "have", "has", "had", "having", "'ve", "'d", "do", "does", "did" };

    private static readonly HashSet<string> Subordinators = new(StringComparer.OrdinalIgnoreCase)
    { "because", "although", "though", "while", "if", "whether", "since", "unless", "that", "once", "whereas", "until", "till", "as", "so" };

    public static string[] Convert(IReadOnlyList<string> words, IReadOnlyList<string> tags)
    {
        var result = new string[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var tag = tags[i];
            result[i] = tag switch
            {
                "NN" or "NNS" => "NOUN",
                "NNP" or "NNPS" => "PROPN",
                "MD" => "AUX",
                "VB" or "VBD" or "VBG" or "VBN" or "VBP" or "VBZ" => VerbOrAux(words, tags, i),
                "JJ" or "JJR" or "JJS" => "ADJ",
                "RB" or "RBR" or "RBS" or "WRB" => "ADV",
                "IN" => Subordinators.Contains(word) && i + 1 < words.Count && !tags[i + 1].StartsWith("NN", StringComparison.Ordinal) && word != "as" && word != "so" ? "SCONJ" : "ADP",
                "TO" => i + 1 < words.Count && tags[i + 1] == "VB" ? "PART" : "ADP",
                "RP" => "ADP",
                "DT" or "PDT" => "DET",
                "WDT" => "PRON",
                "PRP" or "WP" or "EX" => "PRON",
                "PRP$" or "WP$" => "PRON",
                "CD" => "NUM",
                "CC" => "CCONJ",
                "POS" => "PART",
                "UH" => "INTJ",
                "FW" or "LS" => "X",
                "$" or "#" => "SYM",
                "SYM" => "SYM",
                _ => "PUNCT",
            };
        }

        return result;
    }

    private static string VerbOrAux(IReadOnlyList<string> words, IReadOnlyList<string> tags, int i)
    {
        var word = words[i];
        if (Be.Contains(word))
        {
            return word is "s" or "'s" && i + 1 < words.Count && tags[i + 1] == "DT" ? "VERB" : "AUX";
        }

        if (Auxiliary.Contains(word))
        {
            for (var j = i + 1; j < Math.Min(words.Count, i + 4); j++)
            {
                if (tags[j].StartsWith("VB", StringComparison.Ordinal))
                {
                    return "AUX";
                }

                if (!tags[j].StartsWith("RB", StringComparison.Ordinal) && tags[j] != "PRP" && tags[j] != "NNP")
                {
                    break;
                }
            }
        }

        return "VERB";
    }
}
