using System.Text.RegularExpressions;
using Storyline.Text;

namespace Storyline.Ingest.Boilerplate;

/// <summary>
/// Finds text that is not news — audio/AI notices, syndication disclaimers, social and newsletter prompts, cookie
/// banners, photo credits — so it can be marked ignored. Works on lines, and within a line on its sentence-like
/// pieces, because a notice can share a line with a header or trail the last paragraph.
/// </summary>
public static partial class BoilerplateDetector
{
    public const string SyndicationReason = "boilerplate: syndication disclaimer";

    /// <summary>Each rule: what it is (the ignored span's reason says it) and the pattern one piece must match.</summary>
    private static readonly (string Reason, Regex Pattern)[] Rules =
    [
        ("boilerplate: audio notice", AudioNotice()),
        (SyndicationReason, Syndication()),
        ("boilerplate: social prompt", SocialPrompt()),
        ("boilerplate: newsletter prompt", Newsletter()),
        ("boilerplate: cookie notice", Cookies()),
        ("boilerplate: rights notice", Rights()),
        ("boilerplate: reading aid", ReadingAid()),
    ];

    /// <summary>Boilerplate spans inside <paramref name="region"/> of <paramref name="text"/>, sorted and disjoint.</summary>
    public static List<IgnoredSpan> Find(string text, TextSpan region)
    {
        var found = new List<IgnoredSpan>();
        foreach (var line in Lines(text, region))
        {
            // A notice usually runs to the end of its line ("Disclaimer: …. The headline may have been changed …"),
            // so once one piece matches, the rest of the line goes with it.
            foreach (var piece in Pieces(text, line))
            {
                var reason = Classify(text.AsSpan(piece.Start, piece.Length));
                if (reason is not null)
                {
                    found.Add(new IgnoredSpan(new TextSpan(piece.Start, TrimEnd(text, line).End), reason));
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>The outlet a syndication disclaimer names, or null: "adhere to X's style guide", "edited by X staff",
    /// "suitable for X audience".</summary>
    public static string? OutletNamedIn(ReadOnlySpan<char> disclaimer)
    {
        var match = OutletInDisclaimer().Match(disclaimer.ToString());
        return match.Success ? match.Groups["outlet"].Value : null;
    }

    /// <summary>The reason a piece of text is boilerplate, or null when it reads as news.</summary>
    public static string? Classify(ReadOnlySpan<char> piece)
    {
        // Boilerplate pieces are short; a long paragraph that mentions "newsletter" is news about a newsletter.
        if (piece.Length > 600)
        {
            return null;
        }

        foreach (var (reason, pattern) in Rules)
        {
            if (pattern.IsMatch(piece))
            {
                return reason;
            }
        }

        return null;
    }

    private static IEnumerable<TextSpan> Lines(string text, TextSpan region)
    {
        var start = region.Start;
        while (start < region.End)
        {
            var newline = text.IndexOf('\n', start, region.End - start);
            var end = newline < 0 ? region.End : newline;
            var line = Trim(text, new TextSpan(start, end));
            if (!line.IsEmpty)
            {
                yield return line;
            }

            start = end + 1;
        }
    }

    /// <summary>Sentence-like pieces of a line: split after . ! ? followed by a space (a rough cut is enough here).</summary>
    private static IEnumerable<TextSpan> Pieces(string text, TextSpan line)
    {
        var start = line.Start;
        for (var i = line.Start; i < line.End - 1; i++)
        {
            if (text[i] is '.' or '!' or '?' && char.IsWhiteSpace(text[i + 1]))
            {
                yield return Trim(text, new TextSpan(start, i + 1));
                start = i + 1;
            }
        }

        var last = Trim(text, new TextSpan(start, line.End));
        if (!last.IsEmpty)
        {
            yield return last;
        }
    }

    private static TextSpan Trim(string text, TextSpan span)
    {
        var (start, end) = (span.Start, span.End);
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TextSpan(start, end);
    }

    private static TextSpan TrimEnd(string text, TextSpan span) => Trim(text, span);

    // "This audio is created with AI assistance", "Listen to this article", "This article was generated/translated by AI".
    [GeneratedRegex(@"^(this (audio|article|story|summary) (is|was|has been) (created|generated|produced|translated|narrated|written)\b.*\b(ai|artificial intelligence|automated|machine)\b|listen to (this|the) (article|story)\b|(ai|audio)[- ]generated (audio|summary|narration))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AudioNotice();

    // "Disclaimer: This story has been published from a news agency feed …", "(This story has not been edited by … staff and is auto-generated from a syndicated feed.)".
    [GeneratedRegex(@"^[(\[]?\s*(disclaimer\s*:|this (story|article|report|content) (has|have) (been|not been) (published|edited|auto-generated|generated)\b.*\b(feed|syndicat|agency|staff)|(this (story|article) is )?(auto-generated|published) from an? (syndicated|news agency|wire) feed)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Syndication();

    [GeneratedRegex(@"(adhere to|in line with) (?<outlet>[A-Z][\w.&-]*( [A-Z][\w.&-]*){0,3})['’]s? (style|editorial) guide|edited by (?<outlet>[A-Z][\w.&-]*( [A-Z][\w.&-]*){0,3}) (staff|team|editorial)", RegexOptions.CultureInvariant)]
    private static partial Regex OutletInDisclaimer();

    // "Follow us on Twitter", "Like us on Facebook", "Join our Telegram channel", "Share this article".
    [GeneratedRegex(@"^((also,? )?follow (us|@?\w+) on\b|like us on facebook|join (us|our \w+ (channel|community)) on\b|join our (telegram|whatsapp) (channel|group)|share (this|the) (article|story)( on| via|$| with))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SocialPrompt();

    // "Sign up for our newsletter", "Subscribe to our daily newsletter", "Get the best of … in your inbox".
    [GeneratedRegex(@"^((sign up|subscribe|register)\b.{0,60}\b(newsletter|updates|alerts|briefing)|get (our|the)\b.{0,60}\b(newsletter|in your inbox)|(click|tap) here to (subscribe|sign up))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Newsletter();

    // "We use cookies to …", "By continuing to use this site you agree to our use of cookies".
    [GeneratedRegex(@"^(we use cookies\b|this (site|website) uses cookies\b|by (continuing to use|using) (this|our) (site|website)\b.*\bcookies)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cookies();

    // "© 2025 Reuters. All rights reserved.", "Copyright 2025 The Associated Press. All rights reserved. This material may not be published …".
    [GeneratedRegex(@"^((©|\(c\)|copyright)\s*\d{4}\b.{0,80}\ball rights reserved|all rights reserved\.?$|this material may not be published, broadcast, rewritten,? or redistributed)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Rights();

    // "Read more: …", "Related: …", "Advertisement", "Reporting by … ; Editing by …".
    [GeneratedRegex(@"^((read more|related|see also|recommended|most read)\s*:|advertisement$|(additional )?reporting by\b.{0,120};\s*(writing|editing) by\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadingAid();
}
