using System.Collections.Frozen;
using System.Text;
using Storyline.Entities;
using Storyline.Sentences;
using Storyline.Text;

namespace Storyline.Events;

/// <summary>
/// A phrase that can be an event's actor, target or location: its span and token range, the name shown, the entity id
/// (from the entity layer when there is one, else a slug of the name), and its CAMEO actor code when the actor lexicon
/// knows it ("the Kremlin" → RUSGOV, "Russian police" → RUSCOP, "a senior official" → ---GOV).
/// </summary>
public sealed record ActorMention(TextSpan Span, int FirstToken, int EndToken, string Name, string Entity, string? Code, string? EntityType = null)
{
    private static readonly FrozenSet<string> NonCountryPrefixes = FrozenSet.ToFrozenSet(
        ["IGO", "NGO", "NGM", "IMG", "MNC", "---", "UIS", "REB", "SPY", "OPP", "GOV", "MIL", "COP", "BUS", "MED", "EDU", "CVL", "JUD", "LEG", "ELI"],
        StringComparer.Ordinal);

    /// <summary>The ISO-like country part of the code (RUS for RUSGOV), when the code starts with one.</summary>
    public string? Country => Code is { Length: >= 3 } c && c.Take(3).All(char.IsAsciiLetterUpper) && !NonCountryPrefixes.Contains(c[..3]) ? c[..3] : null;
}

/// <summary>Finds the actor phrases of a sentence. Behind an interface so the entity layer's ids slot in when it
/// exists (<see cref="ActorFinder"/> uses <see cref="Article.Entities"/> when the article has them).</summary>
public interface IActorFinder
{
    IReadOnlyList<ActorMention> Find(Article article, Sentence sentence);
}

/// <summary>
/// General rules for actor phrases: the longest actor-lexicon name (capitalised) or agent word at each token,
/// capitalised name sequences the lexicon does not know, and their combinations: a country word or name with agent
/// words ("Russian police", "Arnor security officials"), an agent of/from/in a country ("soldiers from Gondor"), a
/// possessive ("Gondor's government"), and descriptors before a name ("Belarusian leader Alexander Lukashenko").
/// Entity mentions of the article, when present, give the ids and add names the rules missed.
/// </summary>
public sealed class ActorFinder(ActorLexicon lexicon) : IActorFinder
{
    public static ActorFinder Default { get; } = new(ActorLexicon.Default);

    /// <summary>Capitalised words that begin sentences or name times, never actors.</summary>
    private static readonly FrozenSet<string> NotNames = FrozenSet.ToFrozenSet(
    [
        "the", "a", "an", "in", "on", "at", "but", "and", "or", "he", "she", "it", "they", "we", "i", "you", "his", "her",
        "their", "its", "this", "that", "these", "those", "there", "after", "before", "when", "while", "if", "as", "for",
        "with", "by", "from", "to", "of", "also", "meanwhile", "however", "earlier", "later", "last", "next", "mr", "mr.",
        "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.",
        "dec.", "today", "yesterday", "tomorrow", "according", "some", "many", "most", "all", "both", "one", "two",
        "our", "my", "your", "what", "who", "which", "why", "how", "where", "not", "no", "yes", "so", "now", "then",
    ], StringComparer.Ordinal);

    private enum Kind { Actor, Agent, Name }

    private readonly record struct Piece(int First, int End, Kind Kind, string? Code);

    public IReadOnlyList<ActorMention> Find(Article article, Sentence sentence)
    {
        var tokens = article.Tokens.AsSpan(sentence.FirstToken, sentence.TokenCount);
        var text = article.Text;
        var lower = new string[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            lower[i] = text.Substring(tokens[i].Span.Start, tokens[i].Span.Length).ToLowerInvariant();
        }

        var starts = new int[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            starts[i] = tokens[i].Span.Start;
        }

        bool Capitalised(int i) => char.IsUpper(text[starts[i]]);

        var pieces = new List<Piece>();
        var at = 0;
        while (at < tokens.Length)
        {
            var matched = false;
            if (lexicon.StartingWith(lower[at]) is { } entries)
            {
                foreach (var entry in entries)
                {
                    var end = at + entry.Words.Length;
                    if (end > tokens.Length)
                    {
                        continue;
                    }

                    var all = true;
                    for (var k = 1; k < entry.Words.Length && all; k++)
                    {
                        all = lower[at + k] == entry.Words[k];
                    }

                    if (!all)
                    {
                        continue;
                    }

                    var capital = false;
                    for (var k = at; k < end && !capital; k++)
                    {
                        capital = Capitalised(k) && !NotNames.Contains(lower[k]);
                    }

                    // Names must be written as names ("Bree", not "bree"); agent words ("police") need not.
                    if (!entry.Agent && !capital)
                    {
                        continue;
                    }

                    pieces.Add(new Piece(at, end, entry.Agent ? Kind.Agent : Kind.Actor, entry.Code));
                    at = end;
                    matched = true;
                    break;
                }
            }

            if (matched)
            {
                continue;
            }

            if (Capitalised(at) && !NotNames.Contains(lower[at]) && char.IsLetter(text[tokens[at].Span.Start]))
            {
                var end = at + 1;
                while (end < tokens.Length && Capitalised(end) && char.IsLetter(text[tokens[end].Span.Start])
                       && !NotNames.Contains(lower[end]) && lexicon.StartingWith(lower[end]) is null)
                {
                    end++;
                }

                pieces.Add(new Piece(at, end, Kind.Name, null));
                at = end;
                continue;
            }

            at++;
        }

        var mentions = new List<ActorMention>();
        for (var p = 0; p < pieces.Count;)
        {
            var group = new List<Piece> { pieces[p] };
            var q = p + 1;
            while (q < pieces.Count)
            {
                var previous = group[^1];
                var next = pieces[q];
                var gap = next.First - previous.End;
                var joins = gap == 0
                    || gap == 1 && lower[previous.End] is "'s" or "’s" or "'" && next.Kind == Kind.Agent
                    || gap == 1 && previous.Kind == Kind.Agent && next.Kind != Kind.Agent && lower[previous.End] is "of" or "from" or "in";
                // Two known actors side by side are two actors ("Arnor Gondor" in a list), not one.
                if (!joins || previous.Kind == Kind.Actor && next.Kind == Kind.Actor)
                {
                    break;
                }

                group.Add(next);
                q++;
            }

            mentions.Add(Mention(text, tokens, sentence.FirstToken, group));
            p = q;
        }

        return WithEntities(article, sentence, mentions);
    }

    private static ActorMention Mention(string text, ReadOnlySpan<Tokens.Token> tokens, int offset, List<Piece> group)
    {
        string? country = null;
        string? actorCode = null;
        string? role = null;
        Piece? name = null;
        foreach (var piece in group)
        {
            switch (piece.Kind)
            {
                case Kind.Actor:
                    actorCode ??= piece.Code;
                    break;
                case Kind.Agent when piece.Code is { } agent:
                    role = agent.Trim('~');
                    break;
                case Kind.Name:
                    name ??= piece;
                    break;
                default:
                    break;
            }
        }

        if (actorCode is { Length: >= 3 })
        {
            country = actorCode;
        }

        string? code = country is null
            ? role is null ? null : "---" + role
            : role is null ? country : (country.Length > 3 && country[..3].All(char.IsAsciiLetterUpper) ? country[..3] : country) + role;

        var first = group[0].First;
        var end = group[^1].End;
        var span = new TextSpan(tokens[first].Span.Start, tokens[end - 1].Span.End);
        var shown = name is { } n ? new TextSpan(tokens[n.First].Span.Start, tokens[n.End - 1].Span.End) : span;
        var display = text.Substring(shown.Start, shown.Length);
        return new ActorMention(span, offset + first, offset + end, display, Slug(display), code);
    }

    /// <summary>With an entity layer: mentions take the overlapping entity's id, and entities the rules missed are added.</summary>
    private static List<ActorMention> WithEntities(Article article, Sentence sentence, List<ActorMention> mentions)
    {
        if (article.Entities.IsDefaultOrEmpty)
        {
            return mentions;
        }

        var result = new List<ActorMention>(mentions.Count);
        var inSentence = article.Entities.Where(e => sentence.Span.Contains(e.Span)).ToList();
        foreach (var mention in mentions)
        {
            // The head of a phrase is its last name, and a demonym before it only modifies it:
            // "Belarusian President Alexander Lukashenko" is Lukashenko, not Belarus.
            var overlapping = inSentence.Where(e => e.Span.Overlaps(mention.Span)).ToList();
            var entity = overlapping.LastOrDefault(e => e.Type != "NORP") ?? overlapping.LastOrDefault();
            result.Add(entity is null ? mention : mention with { Entity = entity.Entity, EntityType = entity.Type });
        }

        foreach (var entity in inSentence)
        {
            if (result.Any(m => m.Span.Overlaps(entity.Span)))
            {
                continue;
            }

            var first = -1;
            var end = -1;
            for (var t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            {
                if (article.Tokens[t].Span.Overlaps(entity.Span))
                {
                    first = first < 0 ? t : first;
                    end = t + 1;
                }
            }

            if (first >= 0)
            {
                result.Add(new ActorMention(entity.Span, first, end, article.Text.Substring(entity.Span.Start, entity.Span.Length), entity.Entity, null, entity.Type));
            }
        }

        result.Sort((a, b) => a.FirstToken.CompareTo(b.FirstToken));
        return result;
    }

    /// <summary>An id for a name without an entity layer: lower case, letters and digits, words joined by '-'
    /// ("the U.S." → "u-s", "Alexander Lukashenko" → "alexander-lukashenko").</summary>
    public static string Slug(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.StartsWith("the-", StringComparison.Ordinal) ? slug[4..] : slug.Length == 0 ? "unknown" : slug;
    }
}
