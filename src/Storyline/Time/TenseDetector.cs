namespace Storyline.Time;

/// <summary>
/// Which way an expression points, from the verbs nearest it in its sentence: "will meet on Friday" points
/// forward, "clashed on Friday" back. The nearest tense cue wins (cues to the left count slightly nearer, since
/// news puts the verb before its time: "said Tuesday"); with no cue the direction is unknown.
/// </summary>
internal static class TenseDetector
{
    private static readonly HashSet<string> FutureCues = new(StringComparer.Ordinal)
    {
        "will", "shall", "won't", "wo", "'ll", "going", "plans", "plan", "planning", "scheduled", "expected", "expects",
        "due", "upcoming", "intends", "planned", "aims", "hopes", "would", "tomorrow", "next", "set",
    };

    private static readonly HashSet<string> PastCues = new(StringComparer.Ordinal)
    {
        "was", "were", "had", "did", "said", "told", "met", "went", "came", "took", "made", "gave", "held", "began",
        "left", "fell", "rose", "saw", "won", "lost", "spoke", "sent", "got", "found", "thought", "brought", "bought",
        "sold", "paid", "hit", "shot", "struck", "ran", "led", "kept", "felt", "knew", "became", "wrote", "broke",
        "chose", "drove", "flew", "fought", "forgot", "grew", "heard", "hid", "hung", "laid", "meant", "overtook",
        "put", "quit", "read", "rode", "rang", "sank", "sat", "slept", "spent", "split", "spread", "stood", "stole",
        "swore", "swept", "taught", "threw", "understood", "woke", "wore", "withdrew", "ago", "yesterday", "last",
        "earlier", "says",
    };

    // Words in -ed that are not past verbs.
    private static readonly HashSet<string> NotPast = new(StringComparer.Ordinal)
    {
        "need", "seed", "feed", "speed", "bed", "red", "indeed", "hundred", "proceed", "exceed", "succeed", "breed",
        "shed", "embed", "wed", "weed", "greed", "creed", "steed", "bleed", "deed", "heed", "reed", "united", "based",
        "expected", "scheduled", "planned", "proposed", "intended",
    };

    public static TimeDirection Direction(List<TimexToken> tokens, int first, int end)
    {
        var best = TimeDirection.Unknown;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i >= first && i < end)
            {
                continue;
            }

            var token = tokens[i];
            if (!token.IsWord)
            {
                continue;
            }

            var cue = Cue(token.Text, token.Capital);
            if (cue == TimeDirection.Future && token.Text == "set" && !(i + 1 < tokens.Count && tokens[i + 1].Text == "to"))
            {
                // "set Friday as the deadline" is a past verb; only "set to" points forward.
                cue = TimeDirection.Past;
            }

            if (cue == TimeDirection.Future && token.Text == "next" && i + 1 < tokens.Count && tokens[i + 1].Text == "to")
            {
                // "next to the U.S. embassy" is a place (AQUAINT: 2 past weekdays read as the coming ones).
                continue;
            }

            if (token.Text is "was" or "were" or "is" or "are" && i + 1 < tokens.Count && tokens[i + 1].Text is "planning" or "expected" or "scheduled" or "due" or "going" or "set")
            {
                // "were planning to drive", "is expected to": the auxiliary carries the plan, which points forward.
                cue = TimeDirection.Future;
            }

            if (cue == TimeDirection.Past && token.Text is not ("was" or "were" or "had" or "did" or "said" or "says" or "ago" or "yesterday" or "last" or "earlier"))
            {
                // A participle takes the tense of its auxiliary: "will be named" is future, "is expected" present.
                cue = Auxiliary(tokens, i);
            }

            if (cue == TimeDirection.Unknown)
            {
                continue;
            }

            // Left cues count one nearer than right ones at the same distance.
            var distance = i < first ? (first - i) * 2 - 1 : (i - end + 1) * 2;
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = cue;
            }
        }

        return best;
    }

    private static TimeDirection Auxiliary(List<TimexToken> tokens, int participle)
    {
        for (var k = participle - 1; k >= Math.Max(0, participle - 2); k--)
        {
            switch (tokens[k].Text)
            {
                case "be" or "been" or "being":
                    return TimeDirection.Unknown;
                case "is" or "are" or "am":
                    return TimeDirection.Present;
            }
        }

        return TimeDirection.Past;
    }

    private static TimeDirection Cue(string word, bool capital)
    {
        if (FutureCues.Contains(word) || word.EndsWith("'ll", StringComparison.Ordinal))
        {
            return TimeDirection.Future;
        }

        if (PastCues.Contains(word))
        {
            return TimeDirection.Past;
        }

        if (!capital && word.Length >= 5 && word.EndsWith("ed", StringComparison.Ordinal) && !NotPast.Contains(word))
        {
            return TimeDirection.Past;
        }

        return TimeDirection.Unknown;
    }
}
