using Storyline.Text;

namespace Storyline.Time;

/// <summary>
/// A publication date lent across articles of one story. An undated article whose own evidence gives no year ("recorded
/// on February 27", "published Wednesday") can take the year — and so its date — from a dated report of the same
/// story, on two conditions that must both hold:
/// <list type="number">
/// <item>the two share at least <see cref="MinimumSharedNames"/> proper names (words written capitalised and never in
/// lower case in either text, weekday and month names and titles left out): a crude but cheap test of "same story"
/// until stories are built;</item>
/// <item>the undated article's own relative evidence, read with the sibling's date as the nearby date, gives a date
/// within <see cref="MaximumDaysApart"/> days of the sibling's: reports of one event appear within days of each other.
/// An article with no evidence of its own never borrows a date.</item>
/// </list>
/// </summary>
public static class StoryDateEvidence
{
    /// <summary>Three names: a person, a place and an organisation in common is already a shared story in news.</summary>
    public const int MinimumSharedNames = 3;

    /// <summary>Reports of one news event follow it by days, not weeks.</summary>
    public const int MaximumDaysApart = 7;

    // Capitalised words that name roles or generic things, not a story's actors.
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "president", "minister", "prime", "secretary", "chancellor", "king", "queen", "prince", "mr", "mrs", "ms", "dr",
        "general", "government", "state", "news", "agency", "disclaimer", "reuters", "associated", "press", "afp", "the",
        "said", "says", "according", "photo", "video", "audio", "read", "more", "also", "copyright", "updated",
    };

    /// <summary>The proper names of a text, lower-cased: capitalised words of three letters or more never written in lower case in it.</summary>
    public static HashSet<string> Names(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var capitalised = new HashSet<string>(StringComparer.Ordinal);
        var lower = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            var word = text.AsSpan(start, i - start);
            if (char.IsUpper(word[0]))
            {
                if (word.Length >= 3)
                {
                    capitalised.Add(word.ToString().ToLowerInvariant());
                }
            }
            else
            {
                lower.Add(word.ToString());
            }
        }

        capitalised.RemoveWhere(w => lower.Contains(w) || NotNames.Contains(w) || TimexLexicon.Months.ContainsKey(w) || TimexLexicon.Weekdays.ContainsKey(w));
        return capitalised;
    }

    /// <summary>How many names two sets share.</summary>
    public static int SharedNames(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        return small.Count(large.Contains);
    }

    /// <summary>
    /// The date an undated article takes from the dated articles of the same run, with the evidence for it; null when
    /// none shares enough names or its own evidence disagrees. <paramref name="undated"/> must have its sentences.
    /// Siblings are tried from the most names shared down; only dates given by metadata or the user are lent.
    /// </summary>
    public static (DateOnly Date, string Evidence)? Lend(Article undated, IEnumerable<Article> siblings)
    {
        ArgumentNullException.ThrowIfNull(undated);
        ArgumentNullException.ThrowIfNull(siblings);
        if (undated.Metadata.Published is not null)
        {
            return null;
        }

        var names = Names(undated.Text);
        var candidates = siblings
            .Where(s => !ReferenceEquals(s, undated) && s.Metadata.Published is not null
                && s.Metadata.PublishedFrom is PublishedFrom.Metadata or PublishedFrom.Option)
            .Select(s => (Sibling: s, Shared: SharedNames(names, Names(s.Text))))
            .Where(c => c.Shared >= MinimumSharedNames)
            .OrderByDescending(c => c.Shared);
        foreach (var (sibling, shared) in candidates)
        {
            var near = sibling.Metadata.Published!.Value;
            var (date, evidence) = PublicationDateInference.Infer(undated, near);
            if (date is { } d && Math.Abs(d.DayNumber - near.DayNumber) <= MaximumDaysApart)
            {
                return (d, $"{shared} names shared with \"{sibling.Id}\" (published {TimexCalendar.Day(near)}); {evidence}");
            }
        }

        return null;
    }
}
