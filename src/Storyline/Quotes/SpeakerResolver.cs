using System.Collections.Frozen;
using System.Collections.Immutable;
using Storyline.Entities;
using Storyline.Text;

namespace Storyline.Quotes;

/// <summary>
/// Gives each quote's speaker mention (<see cref="Quote.SpeakerSpan"/>) the id of the entity it refers to, as ordered
/// sieves; the sieve that decided is appended to <see cref="Quote.By"/> ("+entity/…") so a wrong id can be traced.
/// <list type="number">
/// <item>entity/mention: the speaker mention overlaps an entity mention ("Peskov", "the Kremlin"); a continuation
/// quote already carries its first part's mention, so it lands here too.</item>
/// <item>entity/pronoun-previous-speaker: "he" / "she" after a quote whose speaker is a person, in the same or the
/// previous paragraph, with no other person named (outside quotes) in between.</item>
/// <item>entity/pronoun-recent: otherwise the most recent person (for "it", "they", "we": organisation) named
/// before the pronoun, outside direct quotes, in the same or the previous paragraph.</item>
/// <item>entity/descriptor: a nominal ("the 70-year-old president", "the Ukrainian president") takes the entity whose
/// descriptors hold its head noun and modifiers, preferring the previous quote's speaker, then the most recent.</item>
/// <item>entity/nominal-recent: a nominal whose head is a person noun ("the spokesman") with no descriptor match takes
/// the person the pronoun sieves would; an organisation noun ("the ministry") the most recent organisation whose
/// name holds it.</item>
/// </list>
/// Every id it sets is an id of one of the article's entity mentions, so <c>ArticleInvariants</c> holds.
/// </summary>
public static class SpeakerResolver
{
    private const string Person = "PERSON";
    private const string Organization = "ORGANIZATION";

    private static readonly FrozenSet<string> PersonPronouns =
        new[] { "he", "she", "him", "her" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> GroupPronouns =
        new[] { "it", "they", "we" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Head nouns of nominals that name a person ("the spokesman", "the 70-year-old president").</summary>
    private static readonly FrozenSet<string> PersonNouns = new[]
    {
        "president", "spokesman", "spokeswoman", "spokesperson", "minister", "leader", "official", "chancellor",
        "premier", "secretary", "governor", "mayor", "senator", "ambassador", "general", "commander", "chief",
        "director", "envoy", "aide", "adviser", "advisor", "king", "queen", "prince", "pope", "prosecutor", "judge",
        "lawmaker", "politician", "diplomat", "candidate", "chairman", "chairwoman", "chair", "ceo", "founder",
        "man", "woman", "father", "mother", "dictator", "strongman", "incumbent", "premier", "representative",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Head nouns of nominals that name an organisation ("the ministry said").</summary>
    private static readonly FrozenSet<string> OrganizationNouns = new[]
    {
        "ministry", "agency", "company", "firm", "group", "party", "army", "military", "department", "office",
        "committee", "commission", "council", "court", "bank", "union", "organisation", "organization", "service",
        "administration", "embassy", "parliament", "police", "newspaper", "broadcaster", "network", "foundation",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Determiners =
        new[] { "the", "a", "an", "this", "that", "its", "his", "her", "their" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static ImmutableArray<Quote> Resolve(string text, ImmutableArray<EntityMention> entities, ImmutableArray<Quote> quotes)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (quotes.IsEmpty || entities.IsEmpty)
        {
            return quotes;
        }

        var context = new Context(text, entities, quotes);
        var result = ImmutableArray.CreateBuilder<Quote>(quotes.Length);
        for (var q = 0; q < quotes.Length; q++)
        {
            var quote = quotes[q];
            var found = quote.SpeakerSpan is { } span ? context.Resolve(q, span, result) : null;
            result.Add(found is { } f ? quote with { Speaker = f.Id, By = quote.By + "+entity/" + f.By } : quote);
        }

        return result.MoveToImmutable();
    }

    private readonly record struct Found(string Id, string By);

    private enum Gender
    {
        Unknown,
        Male,
        Female,
    }

    private sealed class Context(string text, ImmutableArray<EntityMention> entities, ImmutableArray<Quote> quotes)
    {
        private readonly Dictionary<string, string> typeOf = TypesOf(entities);

        /// <summary>Genders the article tells: an honorific before a mention ("Mr. Kamin", "Ms. Scott") or a
        /// "he"/"she" already resolved to the entity. "'Here he is, babe,' she said" must not go to the man the
        /// previous "he" was.</summary>
        private readonly Dictionary<string, Gender> genders = GendersOf(text, entities);

        private static Gender GenderOf(string pronoun) =>
            pronoun.Equals("he", StringComparison.OrdinalIgnoreCase) || pronoun.Equals("him", StringComparison.OrdinalIgnoreCase) ? Gender.Male : Gender.Female;

        private bool Conflicts(string id, Gender gender) =>
            gender != Gender.Unknown && genders.TryGetValue(id, out var known) && known != Gender.Unknown && known != gender;

        private static Dictionary<string, Gender> GendersOf(string text, ImmutableArray<EntityMention> entities)
        {
            var result = new Dictionary<string, Gender>(StringComparer.Ordinal);
            foreach (var e in entities)
            {
                var from = Math.Max(0, e.Span.Start - 5);
                var before = text.AsSpan(from, e.Span.Start - from).Trim();
                var inside = text.AsSpan(e.Span.Start, Math.Min(5, e.Span.Length));
                var gender = Honorific(before, ends: true) is var g && g != Gender.Unknown ? g : Honorific(inside, ends: false);
                if (gender != Gender.Unknown)
                {
                    result.TryAdd(e.Entity, gender);
                }
            }

            return result;
        }

        private static Gender Honorific(ReadOnlySpan<char> words, bool ends)
        {
            static bool Has(ReadOnlySpan<char> w, string h, bool ends) =>
                ends ? w.EndsWith(h, StringComparison.Ordinal) && (w.Length == h.Length || w[^(h.Length + 1)] == ' ')
                     : w.StartsWith(h + " ", StringComparison.Ordinal);

            if (Has(words, "Mr.", ends) || Has(words, "Mr", ends))
            {
                return Gender.Male;
            }

            return Has(words, "Mrs.", ends) || Has(words, "Ms.", ends) || Has(words, "Mrs", ends) || Has(words, "Ms", ends) ? Gender.Female : Gender.Unknown;
        }

        private static Dictionary<string, string> TypesOf(ImmutableArray<EntityMention> entities)
        {
            // The id's majority type: one mention mistyped ("Minsk" as PERSON) should not decide.
            return entities.GroupBy(e => e.Entity, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.GroupBy(e => e.Type, StringComparer.Ordinal).OrderByDescending(t => t.Count()).First().Key, StringComparer.Ordinal);
        }

        public Found? Resolve(int index, TextSpan span, IReadOnlyList<Quote> resolved)
        {
            if (Overlapping(span) is { } id)
            {
                return new Found(id, "mention");
            }

            var words = text.Substring(span.Start, span.Length).Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                return null;
            }

            if (words.Length == 1 && PersonPronouns.Contains(words[0]))
            {
                var gender = GenderOf(words[0]);
                var found = ByPronoun(index, span, resolved, Person, "pronoun", gender);
                if (found is { } f)
                {
                    // What "he"/"she" resolved to says the person's gender for the pronouns after it.
                    genders.TryAdd(f.Id, gender);
                }

                return found;
            }

            if (words.Length == 1 && GroupPronouns.Contains(words[0]))
            {
                return ByPronoun(index, span, resolved, Organization, "pronoun", Gender.Unknown);
            }

            if (!Determiners.Contains(words[0]) && char.IsUpper(words[0][0]))
            {
                // A name the recogniser did not find: nothing to link it to.
                return null;
            }

            return ByNominal(index, span, words, resolved);
        }

        /// <summary>The entity mention the speaker mention overlaps: a person first, then an organisation, the last
        /// one of a kind ("Kremlin spokesman Dmitry Peskov" is Peskov). When the mention ends in a common noun
        /// ("the Ukrainian president") a name inside it is a modifier, not the speaker: the nominal sieve decides.</summary>
        private string? Overlapping(TextSpan span)
        {
            var end = span.End;
            while (end > span.Start && !char.IsLetterOrDigit(text[end - 1]))
            {
                end--;
            }

            var headStart = text.LastIndexOf(' ', end - 1, end - span.Start) + 1;
            var nominal = headStart < end && char.IsLower(text[headStart]);
            EntityMention? best = null;
            foreach (var e in entities)
            {
                if (e.Span.Start >= span.End)
                {
                    break;
                }

                if (e.Span.Overlaps(span) && (!nominal || e.Span.End >= end) && (best is null || Rank(e) >= Rank(best)))
                {
                    best = e;
                }
            }

            return best?.Entity;
        }

        private int Rank(EntityMention e) => typeOf[e.Entity] switch { Person => 2, Organization => 1, _ => 0 };

        private Found? ByPronoun(int index, TextSpan span, IReadOnlyList<Quote> resolved, string type, string rule, Gender gender)
        {
            var window = PreviousParagraphStart(span.Start);
            if (PreviousSpeaker(index, span, resolved, type, window, gender) is { } previous)
            {
                return new Found(previous, rule + "-previous-speaker");
            }

            return Recent(span.Start, type, window, gender) is { } recent ? new Found(recent, rule + "-recent") : null;
        }

        /// <summary>The speaker of the nearest quote before this one, when it is of the type and starts after
        /// <paramref name="window"/>, and no other entity of the type is named outside quotes between them.
        /// "…a deal with Zelensky "since…". "There is only 200 kilometres…," he declared": he is the speaker of the
        /// quote before, Lukashenko, not Zelensky named inside it.</summary>
        private string? PreviousSpeaker(int index, TextSpan span, IReadOnlyList<Quote> resolved, string type, int window, Gender gender)
        {
            for (var p = index - 1; p >= 0; p--)
            {
                var previous = resolved[p];
                if (previous.Speaker is not { } id)
                {
                    continue;
                }

                if (previous.Span.End < window || typeOf[id] != type || Conflicts(id, gender))
                {
                    return null;
                }

                var from = Math.Max(previous.Span.End, previous.SpeakerSpan?.End ?? 0);
                foreach (var e in entities)
                {
                    if (e.Span.Start >= from && e.Span.End <= span.Start && e.Entity != id && typeOf[e.Entity] == type && !InsideQuote(e.Span))
                    {
                        return null;
                    }
                }

                return id;
            }

            return null;
        }

        /// <summary>The most recent entity of the type named before <paramref name="end"/> and after
        /// <paramref name="window"/>, not inside a direct quote (someone named in a quotation is not its speaker).</summary>
        private string? Recent(int end, string type, int window, Gender gender)
        {
            for (var i = entities.Length - 1; i >= 0; i--)
            {
                var e = entities[i];
                if (e.Span.End > end)
                {
                    continue;
                }

                if (e.Span.Start < window)
                {
                    break;
                }

                if (typeOf[e.Entity] == type && !InsideDirectQuote(e.Span) && !Conflicts(e.Entity, gender))
                {
                    return e.Entity;
                }
            }

            return null;
        }

        private Found? ByNominal(int index, TextSpan span, string[] words, IReadOnlyList<Quote> resolved)
        {
            var head = words[^1].TrimEnd(',', '.', ':').ToLowerInvariant();
            // Ages ("70-year-old") and determiners say nothing a descriptor would repeat.
            var modifiers = words[..^1].Select(w => w.ToLowerInvariant())
                .Where(w => !Determiners.Contains(w) && !w.EndsWith("-old", StringComparison.Ordinal))
                .ToList();

            var candidates = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in entities)
            {
                if (e.Descriptor is { } d)
                {
                    var descriptorWords = d.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (descriptorWords.Contains(head) && modifiers.All(m => descriptorWords.Contains(m)))
                    {
                        candidates.Add(e.Entity);
                    }
                }
            }

            if (candidates.Count > 0)
            {
                var window = PreviousParagraphStart(span.Start);
                if (PreviousSpeakerAmong(index, span, resolved, candidates, window) is { } previous)
                {
                    return new Found(previous, "descriptor-previous-speaker");
                }

                // The most recent candidate named before the quote, else the first named after it.
                var before = entities.Where(e => e.Span.End <= span.Start && candidates.Contains(e.Entity) && !InsideDirectQuote(e.Span)).Select(e => e.Entity).LastOrDefault();
                var chosen = before ?? entities.Where(e => candidates.Contains(e.Entity)).Select(e => e.Entity).First();
                return new Found(chosen, "descriptor");
            }

            if (PersonNouns.Contains(head))
            {
                return ByPronoun(index, span, resolved, Person, "nominal", Gender.Unknown);
            }

            if (OrganizationNouns.Contains(head))
            {
                for (var i = entities.Length - 1; i >= 0; i--)
                {
                    var e = entities[i];
                    if (e.Span.End <= span.Start && typeOf[e.Entity] == Organization
                        && text.AsSpan(e.Span.Start, e.Span.Length).Contains(head, StringComparison.OrdinalIgnoreCase))
                    {
                        return new Found(e.Entity, "nominal-organization");
                    }
                }
            }

            return null;
        }

        private static string? PreviousSpeakerAmong(int index, TextSpan span, IReadOnlyList<Quote> resolved, HashSet<string> candidates, int window)
        {
            for (var p = index - 1; p >= 0; p--)
            {
                if (resolved[p].Speaker is { } id && resolved[p].Span.Start < span.Start)
                {
                    return resolved[p].Span.End >= window && candidates.Contains(id) ? id : null;
                }
            }

            return null;
        }

        private bool InsideDirectQuote(TextSpan span) => quotes.Any(q => q.Direct && q.Span.Contains(span));

        private bool InsideQuote(TextSpan span) => quotes.Any(q => q.Span.Contains(span));

        /// <summary>Where the paragraph holding <paramref name="offset"/> starts (paragraphs are lines).</summary>
        private int ParagraphStart(int offset) =>
            offset <= 0 ? 0 : text.LastIndexOf('\n', Math.Min(offset, text.Length) - 1) + 1;

        /// <summary>Where the paragraph before the one holding <paramref name="offset"/> starts (blank lines skipped).</summary>
        private int PreviousParagraphStart(int offset)
        {
            var start = ParagraphStart(offset);
            var j = start - 1;
            while (j > 0 && text[j] is '\n' or '\r')
            {
                j--;
            }

            return j <= 0 ? 0 : ParagraphStart(j);
        }
    }
}
