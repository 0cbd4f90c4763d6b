using System.Collections.Frozen;
using Storyline.Text;

namespace Storyline.Entities;

/// <summary>A third-person pronoun ("he", "her", "himself") and the person entity it refers to.</summary>
public readonly record struct PronounLink(TextSpan Span, string Entity);

/// <summary>
/// Within-article pronoun resolution for persons, on top of the entities stage. A "he"/"she"/"his"/"her"/"himself"
/// goes to the most recent compatible PERSON entity: compatible when the entity's gender is unknown or agrees, the
/// gender coming from an honorific ("Mr. Kamin"), the first name ("Hillary Clinton"; a short list, below) or the
/// pronouns already linked to it earlier in the article; a pronoun also counts as a mention of its entity for the
/// pronouns after it ("He said ... he left"). Among candidates, a subject (the first person before any verb) in the
/// most recent candidate's sentence or the one before wins over that candidate (Lappin and Leass 1994's salience);
/// a reflexive takes the most recent person of its own sentence. A pronoun with no person within
/// <see cref="Window"/> sentences stays unlinked.
/// The links are not entities[] mentions: OUTPUT.md's entities are names (types PERSON … OTHER, each mention a
/// "text"), and the NER scores count them; the quote layer resolves pronoun speakers on its own.
/// </summary>
public static class PronounLinker
{
    /// <summary>How many sentences back a pronoun looks for its person. Tuned on GUM train (eval entities --train):
    /// F1 0.705 at 1 sentence, 0.711 at 3, 0.714 at 6, 0.715 at 20; 6 keeps nearly all of it.</summary>
    internal const int Window = 6;

    private enum Gender
    {
        Unknown,
        Male,
        Female,
    }

    private static readonly FrozenDictionary<string, Gender> Pronouns = new Dictionary<string, Gender>(StringComparer.OrdinalIgnoreCase)
    {
        ["he"] = Gender.Male, ["him"] = Gender.Male, ["his"] = Gender.Male, ["himself"] = Gender.Male,
        ["she"] = Gender.Female, ["her"] = Gender.Female, ["hers"] = Gender.Female, ["herself"] = Gender.Female,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a word is one of the person pronouns resolved here.</summary>
    public static bool IsPersonPronoun(ReadOnlySpan<char> word) =>
        Pronouns.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word);

    private readonly record struct Candidate(string Entity, int Token, int Sentence, bool Subject);

    /// <summary>The person each person pronoun of the article refers to, in text order; unresolved ones are left out.</summary>
    public static IReadOnlyList<PronounLink> Link(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var result = new List<PronounLink>();
        if (article.Tokens.IsEmpty || article.Sentences.IsEmpty)
        {
            return result;
        }

        var tokens = article.Tokens;
        var genders = new Dictionary<string, Gender>(StringComparer.Ordinal);
        var typeOf = MajorityTypes(article);
        // Person mentions by their first token.
        var persons = new Dictionary<int, (string Entity, int End)>();
        var entityIndex = 0;
        var entities = article.Entities.OrderBy(e => e.Span.Start).ToList();
        for (var t = 0; t < tokens.Length && entityIndex < entities.Count; t++)
        {
            while (entityIndex < entities.Count && entities[entityIndex].Span.Start < tokens[t].Span.Start)
            {
                entityIndex++;
            }

            if (entityIndex < entities.Count && entities[entityIndex].Span.Start == tokens[t].Span.Start
                && typeOf.GetValueOrDefault(entities[entityIndex].Entity) == "PERSON")
            {
                var e = entities[entityIndex];
                var end = t;
                while (end < tokens.Length && tokens[end].Span.Start < e.Span.End)
                {
                    end++;
                }

                persons[t] = (e.Entity, end);
                var gender = GenderOfName(article.Text, tokens, t, end);
                if (gender != Gender.Unknown)
                {
                    genders.TryAdd(e.Entity, gender);
                }
            }
        }

        var candidates = new List<Candidate>();
        for (var s = 0; s < article.Sentences.Length; s++)
        {
            var sentence = article.Sentences[s];
            var sawVerb = false;
            var sawSubject = false;
            for (var t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            {
                if (persons.TryGetValue(t, out var person))
                {
                    var subject = !sawVerb && !sawSubject;
                    sawSubject = true;
                    candidates.Add(new Candidate(person.Entity, t, s, subject));
                    t = person.End - 1;
                    continue;
                }

                var token = tokens[t];
                if (token.Pos is "VERB" or "AUX")
                {
                    sawVerb = true;
                }

                var word = article.Text.AsSpan(token.Span.Start, token.Span.Length);
                if (!Pronouns.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var gender))
                {
                    if (token.Pos is "NOUN" or "PROPN" && !sawVerb)
                    {
                        // "The minister said": a noun subject that is not a named person takes the subject slot.
                        sawSubject = true;
                    }

                    continue;
                }

                var reflexive = word.EndsWith("self", StringComparison.OrdinalIgnoreCase);
                var found = Choose(candidates, s, gender, reflexive, genders);
                var isSubject = !sawVerb && !sawSubject;
                sawSubject |= word is "he" or "she" or "He" or "She";
                if (found is null)
                {
                    continue;
                }

                genders.TryAdd(found, gender);
                result.Add(new PronounLink(token.Span, found));
                candidates.Add(new Candidate(found, t, s, isSubject));
            }
        }

        return result;
    }

    private static string? Choose(List<Candidate> candidates, int sentence, Gender gender, bool reflexive, Dictionary<string, Gender> genders)
    {
        Candidate? best = null;
        for (var i = candidates.Count - 1; i >= 0; i--)
        {
            var c = candidates[i];
            if (sentence - c.Sentence > Window || (reflexive && c.Sentence != sentence))
            {
                break;
            }

            if (genders.TryGetValue(c.Entity, out var known) && known != gender)
            {
                continue;
            }

            if (best is null)
            {
                best = c;
                if (reflexive || c.Subject)
                {
                    break;
                }

                continue;
            }

            // A subject in the most recent candidate's sentence or the one before it outranks it (Lappin and Leass's
            // subject salience). On GUM train: F1 0.702 with no subject preference, 0.714 for a subject of that
            // sentence only, 0.717 with the sentence before too.
            if (c.Sentence >= best.Value.Sentence - 1 && c.Subject)
            {
                best = c;
                break;
            }

            if (c.Sentence < best.Value.Sentence - 1)
            {
                break;
            }
        }

        return best?.Entity;
    }

    /// <summary>An honorific before the name or its first name tells a person's gender.</summary>
    private static Gender GenderOfName(string text, System.Collections.Immutable.ImmutableArray<Tokens.Token> tokens, int first, int end)
    {
        if (first > 0 && Word(text, tokens[first - 1]) is var before && Honorific(before) is var h && h != Gender.Unknown)
        {
            return h;
        }

        for (var t = first; t < end; t++)
        {
            var word = Word(text, tokens[t]);
            var g = Honorific(word);
            if (g != Gender.Unknown)
            {
                return g;
            }

            if (!EntityLinker.IsTitle(word))
            {
                return FirstNames.Female.Contains(word) ? Gender.Female : FirstNames.Male.Contains(word) ? Gender.Male : Gender.Unknown;
            }
        }

        return Gender.Unknown;
    }

    private static Gender Honorific(string word) => word switch
    {
        "Mr." or "Mr" or "Sir" or "Lord" or "King" or "Prince" or "Father" or "Brother" => Gender.Male,
        "Mrs." or "Mrs" or "Ms." or "Ms" or "Miss" or "Queen" or "Princess" or "Lady" or "Sister" => Gender.Female,
        _ => Gender.Unknown,
    };

    private static Dictionary<string, string> MajorityTypes(Article article) =>
        article.Entities.GroupBy(e => e.Entity, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(e => e.Type, StringComparer.Ordinal).OrderByDescending(t => t.Count()).First().Key, StringComparer.Ordinal);

    private static string Word(string text, Tokens.Token token) => text.Substring(token.Span.Start, token.Span.Length);
}
