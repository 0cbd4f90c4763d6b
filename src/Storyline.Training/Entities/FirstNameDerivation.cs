using Storyline.Training.Corpora;

namespace Storyline.Training.Entities;

/// <summary>
/// Derives the first-name → gender list PronounLinker uses (src/Storyline/Entities/Data/first-names.tsv) from GUM's
/// train documents: a person chain with more he/him/his/himself than she/her/hers/herself (or the reverse) votes M (F)
/// for the first word of each two-word proper name it holds; a word with votes both ways is left out. Only names leave
/// the corpus, no text.
/// </summary>
public static class FirstNameDerivation
{
    private static readonly HashSet<string> MalePronouns = new(["he", "him", "his", "himself"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> FemalePronouns = new(["she", "her", "hers", "herself"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Words the chain rule cannot tell from first names, checked by hand on its output: titles ("General Custer",
    /// "Dame Edith") and surnames written first or names of one word followed by a second proper noun ("Higuchi
    /// Ichiyo", "New York"). 16 of the rule's 85 words.
    /// </summary>
    public static readonly IReadOnlySet<string> Excluded = new HashSet<string>(
    [
        "Dame", "General", "President", "Professor", "Saint", "Shah", "Tsar",
        "Agassiz", "Aner", "Higuchi", "Hoop", "Ihara", "New", "Pescheux", "Tame", "Tosui",
    ], StringComparer.Ordinal);

    /// <summary>Name → 'M' or 'F', in ordinal order of the name.</summary>
    public static SortedDictionary<string, char> Derive(IEnumerable<string> trainFiles)
    {
        ArgumentNullException.ThrowIfNull(trainFiles);
        var votes = new Dictionary<string, (int Male, int Female)>(StringComparer.Ordinal);
        foreach (var file in trainFiles)
        {
            var document = GumReader.Read(file);
            string Word(int i) => document.Text.Substring(document.Words[i].Start, document.Words[i].Length);
            foreach (var chain in document.Mentions.Where(m => m.Type == "person").GroupBy(m => m.Group, StringComparer.Ordinal))
            {
                var male = chain.Count(m => m.End - m.Start == 1 && MalePronouns.Contains(Word(m.Start)));
                var female = chain.Count(m => m.End - m.Start == 1 && FemalePronouns.Contains(Word(m.Start)));
                if (male == female)
                {
                    continue;
                }

                var firsts = chain
                    .Where(m => m.End - m.Start >= 2 && document.Upos[m.Start] == "PROPN" && document.Upos[m.Start + 1] == "PROPN")
                    .Select(m => Word(m.Start))
                    .Where(w => w.Length > 2 && char.IsUpper(w[0]) && !w.EndsWith('.'))
                    .ToHashSet(StringComparer.Ordinal);
                foreach (var name in firsts)
                {
                    var (m, f) = votes.GetValueOrDefault(name);
                    votes[name] = male > female ? (m + 1, f) : (m, f + 1);
                }
            }
        }

        var result = new SortedDictionary<string, char>(StringComparer.Ordinal);
        foreach (var (name, (m, f)) in votes)
        {
            if ((m == 0 || f == 0) && !Excluded.Contains(name))
            {
                result[name] = m > 0 ? 'M' : 'F';
            }
        }

        return result;
    }
}
