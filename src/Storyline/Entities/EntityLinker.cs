using System.Collections.Frozen;
using System.Text;
using Storyline.Text;
using Storyline.Tokens;

namespace Storyline.Entities;

/// <summary>A recognised name before identity: its tokens [FirstToken, EndToken) in the article and its type.</summary>
public readonly record struct NameMention(int FirstToken, int EndToken, string Type);

/// <summary>
/// Entity identity within one article. Titles are split from names ("President Donald Trump" → title "President",
/// name "Donald Trump"); a later "Trump" is the person whose full name ends so (the nearest one before it when two
/// share a surname); country aliases and demonyms resolve to the country ("U.S." → united-states, "Belarusian" →
/// belarus); an acronym is the organisation whose initials it spells ("U.N." = "United Nations"). Ids are slugs of
/// the canonical name ("dmitry-peskov"), so the same name gives the same id in every article.
/// Descriptors: the title, the words before the name ("Kremlin spokesperson") and an appositive after it
/// (", the Ukrainian president,").
/// </summary>
public static class EntityLinker
{
    /// <summary>Capitalised words that are titles, not names, when they open a PERSON span.</summary>
    private static readonly FrozenSet<string> Titles = new[]
    {
        "president", "vice", "prime", "minister", "mr.", "mrs.", "ms.", "miss", "dr.", "secretary", "general", "gen.",
        "senator", "sen.", "rep.", "representative", "king", "queen", "pope", "chancellor", "premier", "governor",
        "gov.", "mayor", "judge", "justice", "sir", "lord", "prince", "princess", "sheikh", "ayatollah", "chairman",
        "chairwoman", "spokesman", "spokeswoman", "spokesperson", "foreign", "defense", "defence", "interior",
        "finance", "deputy", "former", "lt.", "col.", "colonel", "captain", "capt.", "sgt.", "sergeant", "admiral",
        "commander", "ambassador", "envoy", "leader", "chief", "director", "speaker", "archbishop", "bishop",
        "cardinal", "rev.", "reverend", "father", "sister", "brother", "president-elect", "emperor", "sultan", "emir",
        "crown", "first", "lady", "officer", "coach", "professor", "prof.", "dictator",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a capitalised word is a title ("President", "Gen.") rather than part of a name.</summary>
    internal static bool IsTitle(string word) => Titles.Contains(word);

    private static readonly FrozenSet<string> Connectives =
        new[] { "of", "the", "and", "for", "&", "de", "la", "du", "des", "on", "in" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Links the mentions of one article; returns one <see cref="EntityMention"/> per name, in order.</summary>
    /// <param name="isPlace">Whether a name is a known place (the gazetteer); it settles a tie in the type vote.</param>
    public static List<EntityMention> Link(string text, IReadOnlyList<Token> tokens, IReadOnlyList<NameMention> names, EntityNames known, Func<string, bool>? isPlace = null)
    {
        var resolved = new (string Name, string Type, int NameStart, string? Title)[names.Count];
        for (var m = 0; m < names.Count; m++)
        {
            var mention = names[m];
            var start = mention.FirstToken;
            string? title = null;
            if (mention.Type == "PERSON")
            {
                while (start < mention.EndToken - 1 && Titles.Contains(Word(text, tokens[start])))
                {
                    start++;
                }

                if (start > mention.FirstToken)
                {
                    title = Slice(text, tokens[mention.FirstToken].Span.Start, tokens[start - 1].Span.End);
                }
            }

            var end = mention.EndToken;
            // "Zelensky's": the possessive is not part of the name.
            if (end - start > 1 && Word(text, tokens[end - 1]) is "'s" or "’s" or "'" or "’")
            {
                end--;
            }

            var name = Slice(text, tokens[start].Span.Start, tokens[end - 1].Span.End);
            var type = mention.Type;
            if (type == "NORP" && known.Demonyms.TryGetValue(name, out var country))
            {
                name = country;
            }
            else if (type is "LOCATION" or "NORP" or "ORGANIZATION" && known.CountryAliases.TryGetValue(name, out var common))
            {
                name = common;
            }
            else if (type is not "PERSON" && SeatOfGovernment(text, tokens, start, end) is { } seatCountry)
            {
                // "the Kremlin said": the building stands for the government, an organisation tied to its country
                // by its id ("government-of-russia"); OUTPUT.md's entities[] has no field for the tie.
                name = "Government of " + seatCountry;
                type = "ORGANIZATION";
            }

            resolved[m] = (name, type, start, title);
        }

        // One sense per discourse (Gale, Church & Yarowsky 1992): the same name in one article has one type, the
        // type most of its mentions got (ties: the first mention's); a country's name is a LOCATION.
        var votes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var firstType = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var m = 0; m < names.Count; m++)
        {
            if (resolved[m].Type == "NORP")
            {
                continue;
            }

            var byType = votes.TryGetValue(resolved[m].Name, out var v) ? v : votes[resolved[m].Name] = new(StringComparer.Ordinal);
            byType[resolved[m].Type] = byType.GetValueOrDefault(resolved[m].Type) + 1;
            firstType.TryAdd(resolved[m].Name, resolved[m].Type);
        }

        for (var m = 0; m < names.Count; m++)
        {
            if (resolved[m].Type == "NORP")
            {
                continue;
            }

            var name = resolved[m].Name;
            var byType = votes[name];
            var type = resolved[m].Type == "ORGANIZATION" && name.StartsWith("Government of ", StringComparison.Ordinal) ? "ORGANIZATION"
                : known.CountryAliases.ContainsKey(name) || known.Demonyms.Values.Contains(name)
                ? "LOCATION"
                : byType.OrderByDescending(kv => kv.Value)
                    .ThenBy(kv => kv.Key == "LOCATION" && isPlace?.Invoke(name) == true ? 0 : 1)
                    .ThenBy(kv => kv.Key == firstType[name] ? 0 : 1).First().Key;
            resolved[m] = resolved[m] with { Type = type };
        }

        // A single word that is the surname of a person named in full in the article is that person, whatever type
        // the recogniser gave it ("Zelensky" tagged ORGANIZATION once).
        var surnames = resolved.Where(r => r.Type == "PERSON" && r.Name.Contains(' ', StringComparison.Ordinal))
            .Select(r => r.Name.Split(' ')[^1]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var m = 0; m < names.Count; m++)
        {
            if (resolved[m].Type is "ORGANIZATION" or "LOCATION" or "OTHER" && surnames.Contains(resolved[m].Name))
            {
                resolved[m] = resolved[m] with { Type = "PERSON" };
            }
        }

        // Persons: a shorter name is the person whose longer name ends (or starts) with it; the nearest one before
        // it wins, then the first one after it.
        var canonical = new string[names.Count];
        for (var m = 0; m < names.Count; m++)
        {
            canonical[m] = resolved[m].Name;
            if (resolved[m].Type != "PERSON" || resolved[m].Name.Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            var best = -1;
            for (var k = 0; k < names.Count; k++)
            {
                if (k == m || resolved[k].Type != "PERSON" || !resolved[k].Name.Contains(' ', StringComparison.Ordinal))
                {
                    continue;
                }

                var parts = resolved[k].Name.Split(' ');
                if (!parts[^1].Equals(resolved[m].Name, StringComparison.OrdinalIgnoreCase) && !parts[0].Equals(resolved[m].Name, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var better = best < 0 || (k < m && (best > m || k > best)) || (k > m && best > m && k < best);
                if (better)
                {
                    best = k;
                }
            }

            if (best >= 0)
            {
                canonical[m] = resolved[best].Name;
            }
        }

        // Acronyms: "U.N." is the organisation whose capitalised words give those initials.
        for (var m = 0; m < names.Count; m++)
        {
            var letters = Letters(canonical[m]);
            if (letters is null)
            {
                continue;
            }

            for (var k = 0; k < names.Count; k++)
            {
                if (k != m && resolved[k].Type is "ORGANIZATION" or "LOCATION" && Initials(canonical[k]) == letters)
                {
                    canonical[m] = canonical[k];
                    break;
                }
            }
        }

        var result = new List<EntityMention>(names.Count);
        for (var m = 0; m < names.Count; m++)
        {
            var mention = names[m];
            var span = new TextSpan(tokens[mention.FirstToken].Span.Start, tokens[mention.EndToken - 1].Span.End);
            var descriptor = Descriptor(text, tokens, mention, resolved[m].Title);
            result.Add(new EntityMention(span, resolved[m].Type, Slug(canonical[m]), descriptor));
        }

        return result;
    }

    /// <summary>The id of a name: its letters and digits lowercased, other runs as one '-', dots and apostrophes
    /// dropped ("U.N." → "un"). Letters keep their accents and script ("josé-martí", "путин").</summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        var dash = false;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (dash && slug.Length > 0)
                {
                    slug.Append('-');
                }

                slug.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (c is '.' or '\'' or '’')
            {
                // Dots and apostrophes join: "U.N." → "un", "O'Brien" → "obrien".
            }
            else
            {
                dash = true;
            }
        }

        return slug.Length == 0 ? "entity" : slug.ToString();
    }

    /// <summary>The words before the name that label it ("Kremlin spokesperson", "Belarusian dictator"), with its
    /// title, or an appositive after it (", the Ukrainian president,").</summary>
    private static string? Descriptor(string text, IReadOnlyList<Token> tokens, NameMention mention, string? title)
    {
        if (mention.Type != "PERSON")
        {
            return null;
        }

        // Premodifiers: up to four words before the span that are not punctuation, determiners, verbs or pronouns.
        var start = mention.FirstToken;
        var first = start;
        while (first > 0 && start - first < 4 && IsModifier(tokens[first - 1]))
        {
            first--;
        }

        if (first < start)
        {
            return Slice(text, tokens[first].Span.Start, title is null ? tokens[start - 1].Span.End : tokens[FirstNameToken(text, tokens, mention) - 1].Span.End);
        }

        if (title is not null)
        {
            return title;
        }

        // Appositive: ", the Kremlin spokesman," right after the name.
        var after = mention.EndToken;
        if (after + 2 < tokens.Count && Word(text, tokens[after]) == "," && tokens[after + 1].Pos is "DET" or "ADJ" or "NOUN" or "PROPN")
        {
            var end = after + 1;
            var hasNoun = false;
            while (end < tokens.Count && end - after <= 7 && tokens[end].Pos is "DET" or "ADJ" or "NOUN" or "PROPN" or "ADP" or "NUM" or "PUNCT" && Word(text, tokens[end]) is not ("," or "." or ";" or ")" or "\"" or "“" or "”"))
            {
                hasNoun |= tokens[end].Pos == "NOUN";
                end++;
            }

            if (hasNoun && end < tokens.Count && Word(text, tokens[end]) is "," or "." or ";")
            {
                return Slice(text, tokens[after + 1].Span.Start, tokens[end - 1].Span.End);
            }
        }

        return null;
    }

    /// <summary>The country whose government a seat-of-government name stands for ("Kremlin" → "Russia"), unless a
    /// preposition of place before it says the building itself is meant ("at the White House", "in the Kremlin").</summary>
    private static string? SeatOfGovernment(string text, IReadOnlyList<Token> tokens, int start, int end)
    {
        if (!FirstNames.SeatsOfGovernment.TryGetValue(Slice(text, tokens[start].Span.Start, tokens[end - 1].Span.End), out var country))
        {
            return null;
        }

        var before = start - 1;
        if (before >= 0 && Word(text, tokens[before]).Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            before--;
        }

        return before >= 0 && PlacePrepositions.Contains(Word(text, tokens[before])) ? null : country;
    }

    private static readonly FrozenSet<string> PlacePrepositions =
        new[] { "at", "in", "inside", "outside", "near", "into", "visited", "visit" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static int FirstNameToken(string text, IReadOnlyList<Token> tokens, NameMention mention)
    {
        var start = mention.FirstToken;
        while (start < mention.EndToken - 1 && Titles.Contains(Word(text, tokens[start])))
        {
            start++;
        }

        return start;
    }

    private static bool IsModifier(Token token) => token.Pos is "NOUN" or "ADJ" or "PROPN" && token.Kind == TokenKind.Word;

    private static string? Letters(string name)
    {
        var letters = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c))
            {
                letters.Append(c);
            }
            else if (c != '.')
            {
                return null;
            }
        }

        return letters.Length >= 2 ? letters.ToString() : null;
    }

    private static string? Initials(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return null;
        }

        var initials = new StringBuilder();
        foreach (var w in words)
        {
            if (Connectives.Contains(w))
            {
                continue;
            }

            if (!char.IsUpper(w[0]))
            {
                return null;
            }

            initials.Append(w[0]);
        }

        return initials.ToString();
    }

    private static string Word(string text, Token token) => text.Substring(token.Span.Start, token.Span.Length);

    private static string Slice(string text, int start, int end) => text[start..end];
}
