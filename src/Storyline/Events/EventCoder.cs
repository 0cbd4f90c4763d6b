using System.Collections.Frozen;
using System.Collections.Immutable;
using Storyline.Sentences;
using Storyline.Text;
using Storyline.Time;
using Storyline.Tokens;

namespace Storyline.Events;

/// <summary>Switches of the coder; the defaults are the product's.</summary>
public sealed record EventCoderOptions
{
    /// <summary>PLOVER 3.1: CONSULT, SUPPORT, COOPERATE and AID reported in the future ("will meet", "is about to
    /// restore ties") are intentions, coded AGREE. CAMEO (and so PETRARCH's gold) codes them as the action.</summary>
    public bool FutureCooperationAsAgree { get; init; } = true;

    /// <summary>Words after the verb a pattern may reach (PETRARCH matches within the verb phrase; we have no parse).</summary>
    public int AfterWindow { get; init; } = 10;

    public int BeforeWindow { get; init; } = 5;

    public static EventCoderOptions Default { get; } = new();
}

/// <summary>
/// Codes PLOVER events in a sentence: finds cue verbs of the <see cref="CueLexicon"/>, picks the most specific
/// pattern that matches the words around each, maps its CAMEO code to a PLOVER type (<see cref="CameoPlover"/>), and
/// takes the actor (nearest actor phrase before the verb, or the "by" phrase of a passive), the target (first actor
/// phrase after it in the clause), the location ("in/at/near" + place) and the date (a time expression of the
/// clause).
/// </summary>
public sealed class EventCoder(CueLexicon cues, IActorFinder actors, EventCoderOptions? options = null)
{
    private readonly EventCoderOptions _options = options ?? EventCoderOptions.Default;

    public static EventCoder Default { get; } = new(CueLexicon.Default, ActorFinder.Default);

    private static readonly FrozenSet<string> Modals = FrozenSet.ToFrozenSet(
        ["will", "would", "'ll", "shall", "could", "can", "may", "might", "must", "should", "did", "does", "do", "to", "not", "n't", "never"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> Future = FrozenSet.ToFrozenSet(["will", "'ll", "shall", "would"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Negations = FrozenSet.ToFrozenSet(["not", "n't", "never", "no"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Be = FrozenSet.ToFrozenSet(
        ["was", "were", "is", "are", "been", "being", "be", "'s", "got", "get", "gets"], StringComparer.Ordinal);

    /// <summary>Words after a comma that begin a new clause (", a senior official said", ", which …").</summary>
    private static readonly FrozenSet<string> ClauseOpeners = FrozenSet.ToFrozenSet(
        ["and", "but", "while", "which", "who", "whom", "whose", "after", "before", "when", "because", "although", "though",
         "as", "where", "whereas", "a", "an", "the", "he", "she", "they", "it", "according", "saying", "adding", "\"", "“", "”"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> PlacePrepositions = FrozenSet.ToFrozenSet(["in", "at", "near", "inside", "outside"], StringComparer.Ordinal);

    private sealed record Candidate(int Verb, int VerbEnd, string Code, string By, int ConsumedEnd, bool Future, bool Negated, bool Passive);

    /// <summary>Codes the events of every sentence of the article (which needs tokens, sentences and times).</summary>
    public ImmutableArray<EventMention> Code(Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var events = new List<EventMention>();
        var times = article.Times;
        var nextTime = 0;
        foreach (var sentence in article.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (nextTime < times.Length && times[nextTime].Span.End <= sentence.Span.Start)
            {
                nextTime++;
            }

            var first = nextTime;
            var last = first;
            while (last < times.Length && times[last].Span.Start < sentence.Span.End)
            {
                last++;
            }

            CodeSentence(article, sentence, times.AsSpan(first, last - first), events);
        }

        events.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start)
            : a.Span.End != b.Span.End ? a.Span.End.CompareTo(b.Span.End)
            : (a.CueSpan?.Start ?? 0).CompareTo(b.CueSpan?.Start ?? 0));
        return [.. events];
    }

    /// <summary>Codes one sentence, appending its events to <paramref name="output"/>.</summary>
    public void CodeSentence(Article article, Sentence sentence, ReadOnlySpan<TimeExpression> times, List<EventMention> output)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (sentence.TokenCount <= 0 || sentence.FirstToken + sentence.TokenCount > article.Tokens.Length)
        {
            return;
        }

        var tokens = article.Tokens.AsSpan(sentence.FirstToken, sentence.TokenCount);
        var text = article.Text;
        var lower = new string[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            lower[i] = text.Substring(tokens[i].Span.Start, tokens[i].Span.Length).ToLowerInvariant();
        }

        var mentions = actors.Find(article, sentence);
        var inMention = new int[tokens.Length];
        Array.Fill(inMention, -1);
        for (var m = 0; m < mentions.Count; m++)
        {
            for (var t = mentions[m].FirstToken; t < mentions[m].EndToken; t++)
            {
                inMention[t - sentence.FirstToken] = m;
            }
        }

        // Words of a time expression are never cues ("on March 5" is not a protest march).
        foreach (var time in times)
        {
            for (var t = 0; t < tokens.Length; t++)
            {
                if (time.Span.Overlaps(tokens[t].Span))
                {
                    inMention[t] = int.MaxValue;
                }
            }
        }

        var candidates = FindCues(tokens, lower, inMention, text);
        if (candidates.Count == 0)
        {
            return;
        }

        var boundaries = ClauseBoundaries(lower);
        EventMention? previous = null;
        Candidate? previousCandidate = null;
        foreach (var candidate in candidates)
        {
            // "condemned an attack … and promised aid": a verb joined by "and" to the cue before shares its actor.
            var shared = previous is not null && previousCandidate is not null && candidate.Verb >= 1 && lower[candidate.Verb - 1] is "and" or "but"
                ? previous : null;
            if (Build(article, sentence, tokens, lower, mentions, boundaries, times, candidate, shared) is { } mention)
            {
                output.Add(mention);
                previous = mention;
                previousCandidate = candidate;
            }
        }
    }

    private List<Candidate> FindCues(ReadOnlySpan<Token> tokens, string[] lower, int[] inMention, string text)
    {
        var found = new List<Candidate>();
        var consumedUntil = -1;
        for (var i = 0; i < tokens.Length; i++)
        {
            // A capitalised word inside a sentence is a name, not a verb ("the Oval Office", "Trust"); time words never cue.
            if (i < consumedUntil || inMention[i] == int.MaxValue || inMention[i] >= 0 && !IsLowerCase(text, tokens[i])
                || i > 0 && !IsLowerCase(text, tokens[i]) && lower[i - 1] is not ("\"" or "“" or "'" or "‘"))
            {
                continue;
            }

            var forms = cues.FormsStartingWith(lower[i]);
            if (forms is null || !LooksLikeVerb(tokens, lower, i))
            {
                continue;
            }

            // The longest verb form wins ("meet with" over "meet"); all blocks holding that form compete by pattern.
            var best = new List<CueLexicon.VerbForm>();
            var length = 0;
            foreach (var form in forms)
            {
                if (i + form.Words.Length > tokens.Length || !Matches(lower, i, form.Words))
                {
                    continue;
                }

                if (form.Words.Length > length)
                {
                    best.Clear();
                    length = form.Words.Length;
                }

                if (form.Words.Length == length)
                {
                    best.Add(form);
                }
            }

            if (best.Count == 0)
            {
                continue;
            }

            var verbEnd = i + length;
            var (code, by, consumed) = Choose(best, lower, i, verbEnd);
            if (code is null)
            {
                continue;
            }

            // "offered to host talks", "threatened to attack": the infinitive belongs to the governing cue's event.
            if (found.Count > 0 && i >= 1 && lower[i - 1] == "to" && found[^1] is { } governing && i - 1 - governing.VerbEnd <= 1 && governing.ConsumedEnd >= i - 1)
            {
                continue;
            }

            var negated = false;
            var future = false;
            for (var k = Math.Max(0, i - 3); k < i; k++)
            {
                negated |= Negations.Contains(lower[k]);
                future |= Future.Contains(lower[k]) || lower[k] == "to" && k >= 1 && lower[k - 1] is "about" or "going" or "plans" or "planned" or "intends";
            }

            var passive = i >= 1 && (lower[i].EndsWith("ed", StringComparison.Ordinal) || lower[i].EndsWith("en", StringComparison.Ordinal))
                && (Be.Contains(lower[i - 1]) || i >= 2 && Be.Contains(lower[i - 2]) && lower[i - 1].EndsWith("ly", StringComparison.Ordinal))
                && Array.IndexOf(lower, "by", verbEnd, Math.Min(6, lower.Length - verbEnd)) >= 0;
            found.Add(new Candidate(i, verbEnd, code, by, Math.Max(verbEnd, consumed), future, negated, passive));
            consumedUntil = Math.Max(verbEnd, consumed);
        }

        return found;
    }

    private static bool IsLowerCase(string text, Token token) => char.IsLower(text[token.Span.Start]);

    /// <summary>Without a tagger, a cue word after a determiner is a noun ("the talks", "its aid"); with one, the tag decides.</summary>
    private static bool LooksLikeVerb(ReadOnlySpan<Token> tokens, string[] lower, int i)
    {
        if (tokens[i].Pos is { } pos)
        {
            return pos == "VERB";
        }

        if (i == 0)
        {
            return true;
        }

        return Modals.Contains(lower[i - 1]) || !CueLexicon.Determiners.Contains(lower[i - 1]);
    }

    private static bool Matches(string[] lower, int at, string[] words)
    {
        for (var k = 0; k < words.Length; k++)
        {
            if (lower[at + k] != words[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The best pattern of the verb's blocks: highest priority (the supplement over the derived lexicon), then
    /// most elements matched, then dictionary order; else the verb's or its block's default code.</summary>
    private (string? Code, string By, int Consumed) Choose(List<CueLexicon.VerbForm> forms, string[] lower, int verb, int verbEnd)
    {
        CueLexicon.Pattern? best = null;
        var bestConsumed = verbEnd;
        var afterEnd = Math.Min(lower.Length, verbEnd + _options.AfterWindow);
        // A pattern does not reach into an infinitive of another cue ("used its territory | to send troops"): that verb
        // has its own object. ("offered to host talks" still codes AGREE: OFFER's default, with "host" absorbed.)
        for (var p = verbEnd + 1; p < afterEnd; p++)
        {
            if (lower[p - 1] == "to" && cues.FormsStartingWith(lower[p]) is not null)
            {
                afterEnd = p - 1;
                break;
            }
        }

        var beforeStart = Math.Max(0, verb - _options.BeforeWindow);
        foreach (var form in forms)
        {
            foreach (var pattern in form.Block.Patterns)
            {
                if (best is not null && (pattern.Priority < best.Priority || pattern.Priority == best.Priority && pattern.Size <= best.Size))
                {
                    continue;
                }

                if (pattern.Size == 0 || !MatchAfter(pattern.After, lower, verbEnd, afterEnd, out var consumed) || !MatchBefore(pattern.Before, lower, beforeStart, verb))
                {
                    continue;
                }

                best = pattern;
                bestConsumed = consumed;
            }
        }

        if (best is not null)
        {
            return (best.Code is "---" ? null : best.Code, best.Priority > 0 ? "cue/supplement-pattern" : "cue/pattern", bestConsumed);
        }

        var form0 = forms.Where(f => (f.Code ?? f.Block.DefaultCode) is not null).OrderByDescending(f => f.Priority).FirstOrDefault();
        var fallback = form0 is null ? null : form0.Code ?? form0.Block.DefaultCode;
        return (fallback is null or "---" ? null : fallback, form0?.Priority > 0 ? "cue/supplement-default" : "cue/verb-default", verbEnd);
    }

    private static bool MatchAfter(CueLexicon.Element[] elements, string[] lower, int from, int to, out int consumed)
    {
        consumed = from;
        var position = from;
        foreach (var element in elements)
        {
            var found = -1;
            var length = 0;
            for (var p = position; p < to && found < 0; p++)
            {
                if (lower[p] is "." or ";" or ":")
                {
                    break;
                }

                foreach (var alternative in element.Alternatives)
                {
                    if (p + alternative.Length <= to && WordsMatch(lower, p, alternative))
                    {
                        found = p;
                        length = alternative.Length;
                        break;
                    }
                }
            }

            if (found < 0)
            {
                return false;
            }

            position = found + length;
        }

        consumed = position;
        return true;
    }

    private static bool MatchBefore(CueLexicon.Element[] elements, string[] lower, int from, int to)
    {
        var position = to;
        for (var e = elements.Length - 1; e >= 0; e--)
        {
            var found = -1;
            for (var p = position - 1; p >= from && found < 0; p--)
            {
                foreach (var alternative in elements[e].Alternatives)
                {
                    if (p + alternative.Length <= position && WordsMatch(lower, p, alternative))
                    {
                        found = p;
                        break;
                    }
                }
            }

            if (found < 0)
            {
                return false;
            }

            position = found;
        }

        return true;
    }

    /// <summary>A pattern word matches the same word, its plural, or — for words of five letters or more, as TABARI
    /// stems did — any word it begins ("negotiat" → "negotiations").</summary>
    private static bool WordsMatch(string[] lower, int at, string[] words)
    {
        for (var k = 0; k < words.Length; k++)
        {
            var token = lower[at + k];
            var word = words[k];
            if (token == word || token.Length == word.Length + 1 && token[^1] == 's' && token.StartsWith(word, StringComparison.Ordinal)
                || token.Length == word.Length + 2 && token.EndsWith("es", StringComparison.Ordinal) && token.StartsWith(word, StringComparison.Ordinal)
                || word.Length >= 5 && token.StartsWith(word, StringComparison.Ordinal))
            {
                continue;
            }

            return false;
        }

        return true;
    }

    /// <summary>Token indexes that end a clause: ; : — and a comma before a clause opener.</summary>
    private static bool[] ClauseBoundaries(string[] lower)
    {
        var boundary = new bool[lower.Length];
        for (var i = 0; i < lower.Length; i++)
        {
            boundary[i] = lower[i] is ";" or ":" or "—" or "–" or "(" or ")" or "that" or "which" or "who" or "whom"
                || lower[i] == "," && i + 1 < lower.Length && ClauseOpeners.Contains(lower[i + 1]);
        }

        return boundary;
    }

    private EventMention? Build(
        Article article, Sentence sentence, ReadOnlySpan<Token> tokens, string[] lower, IReadOnlyList<ActorMention> mentions,
        bool[] boundaries, ReadOnlySpan<TimeExpression> times, Candidate candidate, EventMention? sharedActor)
    {
        var offset = sentence.FirstToken;
        var (forward, reverse) = SplitCode(candidate.Code);
        var code = forward ?? reverse;
        if (code is null || CameoPlover.Lookup(code) is not { } plover)
        {
            return null;
        }

        var clauseStart = candidate.Verb;
        while (clauseStart > 0 && !boundaries[clauseStart - 1])
        {
            clauseStart--;
        }

        var clauseEnd = candidate.VerbEnd;
        while (clauseEnd < tokens.Length && !boundaries[clauseEnd])
        {
            clauseEnd++;
        }

        // The actor: the nearest phrase before the verb, in its clause first, then anywhere before it in the sentence
        // ("Lukashenko, who …, has offered"); a passive's actor is its "by" phrase.
        var before = mentions.Where(m => m.EndToken - offset <= candidate.Verb && !IsModifier(m, lower, offset)).ToList();
        // "Protesters in Minsk were arrested": a place after "in/at/near" is where, not who, when someone else is there.
        if (before.Count > 1 || candidate.Passive)
        {
            var notPlaces = before.Where(m => !(m.FirstToken - offset >= 1 && PlacePrepositions.Contains(lower[m.FirstToken - offset - 1]))).ToList();
            if (notPlaces.Count > 0 || candidate.Passive)
            {
                before = notPlaces;
            }
        }

        // Words the pattern matched ("paused all military aid") are the event's object, not its target.
        // Agent words the pattern matched ("paused all military aid", "send some troops") are the event's object, not
        // its target; a name inside it is ("against a U.N. resolution").
        var after = mentions.Where(m => m.FirstToken - offset >= candidate.VerbEnd && m.FirstToken - offset < clauseEnd
            && !(m.FirstToken - offset < candidate.ConsumedEnd && m.Code is { } c && c.StartsWith("---", StringComparison.Ordinal) && m.Entity == ActorFinder.Slug(m.Name))).ToList();
        // "voted alongside Russia against …": a partner of the actor, not the target.
        var partners = after.Where(m => IsPartner(m, lower, offset)).ToList();
        after.RemoveAll(partners.Contains);
        var by = candidate.By;
        ActorMention? actor = before.LastOrDefault(m => m.FirstToken - offset >= clauseStart) ?? before.LastOrDefault();
        // A pronoun between that phrase and the verb is the subject ("… Russia, he said"): the actor is unresolved.
        var pronounFrom = actor is null ? clauseStart : actor.EndToken - offset;
        for (var k = Math.Max(pronounFrom, candidate.Verb - 4); k < candidate.Verb; k++)
        {
            if (lower[k] is "he" or "she" or "they" or "we" or "i" or "it" or "you")
            {
                actor = null;
                by += "+pronoun";
                break;
            }
        }

        if (sharedActor?.ActorSpan is { } sharedSpan && mentions.FirstOrDefault(m => m.Span == sharedSpan) is { } coordinated)
        {
            actor = coordinated;
            by += "+coordinated";
        }

        var statement = code.StartsWith("01", StringComparison.Ordinal);
        ActorMention? target = statement ? null : after.FirstOrDefault();
        if (candidate.Passive)
        {
            var agent = after.FirstOrDefault(m => m.FirstToken - offset >= 1 && lower[m.FirstToken - offset - 1] == "by");
            if (agent is not null)
            {
                target = actor;
                actor = agent;
                by += "+passive";
            }
        }

        if (forward is null)
        {
            (actor, target) = (target, actor);
            by += "+reverse";
        }

        var actorGroup = Group(actor, mentions, lower, offset);
        if (actor is not null && partners.Count > 0)
        {
            actorGroup = [.. actorGroup.IsEmpty ? [actor] : actorGroup, .. partners];
        }

        var targetGroup = Group(target, mentions, lower, offset);
        if (actor is not null && actorGroup.Length > 1)
        {
            actor = actorGroup[0];
        }

        var (type, mode) = plover;
        if (_options.FutureCooperationAsAgree && candidate.Future && type is "CONSULT" or "SUPPORT" or "COOPERATE" or "AID")
        {
            type = "AGREE";
            mode = null;
            by += "+future";
        }

        // Location: "in/at/near" + a place phrase in the clause that is not the target.
        ActorMention? location = null;
        foreach (var m in mentions)
        {
            var first = m.FirstToken - offset;
            if (first < clauseStart || first >= clauseEnd || ReferenceEquals(m, actor) || m.EntityType is "PERSON" or "ORGANIZATION")
            {
                continue;
            }

            if (first >= 1 && PlacePrepositions.Contains(lower[first - 1]) || first >= 2 && PlacePrepositions.Contains(lower[first - 2]) && char.IsLower(lower[first - 1][0]) && lower[first - 1] is not ("the" or "a"))
            {
                location = m;
                break;
            }
        }

        // Date: the clause's date nearest to the cue.
        TimeExpression? date = null;
        var clauseSpan = new TextSpan(tokens[clauseStart].Span.Start, tokens[clauseEnd - 1].Span.End);
        var cueStart = tokens[candidate.Verb].Span.Start;
        foreach (var time in times)
        {
            if (!clauseSpan.Contains(time.Span) || time.Type is not ("DATE" or "TIME") || time.Value.Length == 0 || !(char.IsAsciiDigit(time.Value[0]) || time.Value[0] == 'X'))
            {
                continue;
            }

            if (date is null || Math.Abs(time.Span.Start - cueStart) < Math.Abs(date.Span.Start - cueStart))
            {
                date = time;
            }
        }

        return new EventMention(clauseSpan, type, actor?.Entity, target?.Entity, location?.Entity, date?.Value)
        {
            CueSpan = new TextSpan(tokens[candidate.Verb].Span.Start, tokens[candidate.VerbEnd - 1].Span.End),
            Mode = mode,
            Cameo = code,
            ActorSpan = actor?.Span,
            TargetSpan = target?.Span,
            LocationSpan = location?.Span,
            DateSpan = date?.Span,
            ActorCode = actor?.Code,
            TargetCode = target?.Code,
            ActorCountry = actor?.Country,
            TargetCountry = target?.Country,
            Actors = actorGroup.Length > 1 ? actorGroup : [],
            Targets = targetGroup.Length > 1 ? targetGroup : [],
            Negated = candidate.Negated,
            By = by,
        };
    }

    /// <summary>A one-word country name or adjective followed by a common noun is a modifier, not an actor
    /// ("Belarusian territory", "Russian gas"); followed by a verb, an auxiliary or punctuation it is one ("Russia has").</summary>
    private bool IsModifier(ActorMention mention, string[] lower, int offset)
    {
        var next = mention.EndToken - offset;
        var countryOrAgent = mention.Code is { Length: 3 } || mention.Code is { } c && c.StartsWith("---", StringComparison.Ordinal) && mention.Entity == ActorFinder.Slug(mention.Name);
        if (mention.EndToken - mention.FirstToken != 1 || !countryOrAgent || next >= lower.Length)
        {
            return false;
        }

        var word = lower[next];
        return word.Length > 2 && char.IsLetter(word[0]) && word.All(c => char.IsLower(c) || c == '-')
            && !NotNouns.Contains(word) && cues.FormsStartingWith(word) is null
            && !word.EndsWith("ly", StringComparison.Ordinal) && !word.EndsWith("ed", StringComparison.Ordinal);
    }

    private static readonly FrozenSet<string> NotNouns = FrozenSet.ToFrozenSet(
        ["has", "have", "had", "is", "was", "were", "are", "will", "would", "could", "can", "may", "might", "must", "should",
         "did", "does", "and", "but", "also", "then", "now", "still", "has", "had", "says", "said", "who", "which", "that",
         "and", "its", "the", "for", "with", "from", "into", "against", "not", "never"], StringComparer.Ordinal);

    private static bool IsPartner(ActorMention mention, string[] lower, int offset)
    {
        var first = mention.FirstToken - offset;
        return first >= 1 && lower[first - 1] == "alongside"
            || first >= 2 && lower[first - 1] == "with" && lower[first - 2] is "together" or "along";
    }

    /// <summary>A compound phrase: the mention and its neighbours joined by "and", "," or "or" ("Mordor, Rohan and Bree").</summary>
    private static ImmutableArray<ActorMention> Group(ActorMention? mention, IReadOnlyList<ActorMention> mentions, string[] lower, int offset)
    {
        if (mention is null)
        {
            return [];
        }

        var index = -1;
        for (var i = 0; i < mentions.Count; i++)
        {
            if (ReferenceEquals(mentions[i], mention))
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return [mention];
        }

        static bool Joined(ActorMention left, ActorMention right, string[] lower, int offset)
        {
            var gap = right.FirstToken - left.EndToken;
            if (gap == 1)
            {
                return lower[left.EndToken - offset] is "and" or "," or "or";
            }

            return gap == 2 && lower[left.EndToken - offset] == "," && lower[left.EndToken - offset + 1] is "and" or "or";
        }

        var start = index;
        while (start > 0 && Joined(mentions[start - 1], mentions[start], lower, offset))
        {
            start--;
        }

        var end = index;
        while (end + 1 < mentions.Count && Joined(mentions[end], mentions[end + 1], lower, offset))
        {
            end++;
        }

        return [.. mentions.Skip(start).Take(end - start + 1)];
    }

    /// <summary>"042:043" → (042, 043); ":020" → (null, 020); "036" → (036, null).</summary>
    internal static (string? Forward, string? Reverse) SplitCode(string code)
    {
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (code, null);
        }

        static string? Clean(string s) => s.Length == 0 || s == "---" ? null : s;
        return (Clean(code[..colon]), Clean(code[(colon + 1)..]));
    }
}
