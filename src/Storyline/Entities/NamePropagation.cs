using Storyline.Tagging;

namespace Storyline.Entities;

/// <summary>
/// The document-level second pass of name recognition ("one sense per discourse"): a name recognised somewhere in an
/// article is recognised wherever the same words recur in it. The sentence-level recogniser misses repeats whose local
/// context is weak ("before Trump said Tuesday that…" in a seed article, where "Tell Trump that…" is found).
/// A recurrence of a PERSON name becomes a PERSON mention when it is written exactly as the name (same case), or as
/// the name's last word ("Donald Trump" → "Trump"), and passes the guards in <c>Acceptable</c>.
/// </summary>
public static class NamePropagation
{
    private const string Person = "PERSON";

    /// <summary>Adds to <paramref name="names"/> the recurrences of its names; returns how many were added (all PERSON). The
    /// list is left sorted by first token.</summary>
    /// <param name="words">The document's tokens' text, in order.</param>
    /// <param name="pos">The UPOS index (<see cref="Upos"/>) of each token.</param>
    /// <param name="sentenceInitial">Whether each token is the first word of its sentence (after any opening
    /// punctuation).</param>
    /// <param name="names">The names recognised sentence by sentence, token ranges into <paramref name="words"/>.</param>
    public static int Propagate(IReadOnlyList<string> words, ReadOnlySpan<int> pos, ReadOnlySpan<bool> sentenceInitial, List<NameMention> names)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            return 0;
        }

        var covered = new bool[words.Count];
        foreach (var name in names)
        {
            covered.AsSpan(name.FirstToken, name.EndToken - name.FirstToken).Fill(true);
        }

        // Words written in lower case anywhere in the article are common words there ("may", "bush", "turkey"):
        // their capitalised form is not propagated.
        var lower = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in words)
        {
            if (word.Length > 0 && char.IsLower(word[0]))
            {
                lower.Add(word);
            }
        }

        // Only PERSON names are propagated: on the GMB dev slice (10-sentence groups) propagating every type lowered
        // ORGANIZATION F1 0.697 → 0.695 and micro-all 0.828 → 0.827 (74 more predictions, fewer than half right);
        // persons alone add 14 predictions, 10 right (PERSON recall 0.726 → 0.733, F1 0.743 → 0.746).
        // Keys are a person's words joined by a space, and the surname alone ("Donald Trump" → "Trump").
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var maxLength = 0;
        foreach (var name in names.Where(n => n.Type == Person))
        {
            keys.Add(Key(words, name.FirstToken, name.EndToken));
            keys.Add(words[name.EndToken - 1]);
            maxLength = Math.Max(maxLength, name.EndToken - name.FirstToken);
        }

        // A person's words also recognised as another type's name ("Washington") are left alone.
        foreach (var name in names.Where(n => n.Type != Person))
        {
            keys.Remove(Key(words, name.FirstToken, name.EndToken));
        }

        var added = new List<NameMention>();
        for (var i = 0; i < words.Count; i++)
        {
            if (covered[i] || !IsCapitalised(words[i]))
            {
                continue;
            }

            for (var length = Math.Min(maxLength, words.Count - i); length >= 1; length--)
            {
                var end = i + length;
                if (covered.AsSpan(i, length).Contains(true)
                    || !keys.Contains(Key(words, i, end))
                    || !Acceptable(words, pos, sentenceInitial, lower, i, end))
                {
                    continue;
                }

                added.Add(new NameMention(i, end, Person));
                i = end - 1;
                break;
            }
        }

        if (added.Count > 0)
        {
            names.AddRange(added);
            names.Sort((a, b) => a.FirstToken.CompareTo(b.FirstToken));
        }

        return added.Count;
    }

    /// <summary>Marks in <paramref name="initial"/> the first word of the sentence [first, first + count): the
    /// first token that starts with a letter or digit (an opening quote or bracket comes before it).</summary>
    public static void MarkSentenceInitial(IReadOnlyList<string> words, int first, int count, Span<bool> initial)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (var t = first; t < first + count; t++)
        {
            if (words[t].Length > 0 && char.IsLetterOrDigit(words[t][0]))
            {
                initial[t] = true;
                return;
            }
        }
    }

    private static bool Acceptable(IReadOnlyList<string> words, ReadOnlySpan<int> pos, ReadOnlySpan<bool> sentenceInitial, HashSet<string> lower, int start, int end)
    {
        for (var t = start; t < end; t++)
        {
            if (!Connective(words[t]) && (lower.Contains(words[t]) || (IsLetter(words[t]) && !IsCapitalised(words[t]))))
            {
                return false;
            }

            // Function words are never names even when a name was once recognised as one ("The", "He").
            if (pos[t] is Upos.Det or Upos.Pron or Upos.Adp or Upos.Aux or Upos.Cconj or Upos.Sconj or Upos.Part)
            {
                return false;
            }
        }

        // At the start of a sentence any word is capitalised: only a word the tagger calls a proper noun there.
        if (sentenceInitial[start] && pos[start] != Upos.Propn)
        {
            return false;
        }

        // A capitalised neighbour means the words belong to a longer name ("Trump Tower", "the Washington Post",
        // "North Korean") that was not recognised or was recognised as another name: claiming part of it would give
        // the wrong span. A capitalised word before is fine when it only begins the sentence ("Tell Trump that").
        if (end < words.Count && IsCapitalised(words[end]))
        {
            return false;
        }

        return start == 0 || sentenceInitial[start - 1] || !IsCapitalised(words[start - 1]);
    }

    private static string Key(IReadOnlyList<string> words, int start, int end) =>
        end - start == 1 ? words[start] : string.Join(' ', Enumerable.Range(start, end - start).Select(i => words[i]));

    private static bool IsCapitalised(string word) => word.Length > 0 && char.IsUpper(word[0]);

    private static bool IsLetter(string word) => word.Length > 0 && char.IsLetter(word[0]);

    private static bool Connective(string word) => word is "of" or "the" or "and" or "for" or "de" or "la" or "du" or "des" or "al" or "bin";
}
