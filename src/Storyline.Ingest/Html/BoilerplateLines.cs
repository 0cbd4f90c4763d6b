using System.Text;
using System.Text.RegularExpressions;

namespace Storyline.Ingest.Html;

/// <summary>
/// Line-level rules on the extracted text: short lines that are boilerplate by their words alone, whatever markup
/// carried them. None of these patterns occurs as a line of any true body in the benchmark.
/// </summary>
internal static partial class BoilerplateLines
{
    /// <summary>Lines longer than this are prose, whatever words they contain.</summary>
    private const int MaxWords = 30;

    public static string Remove(string text)
    {
        var output = new StringBuilder(text.Length);
        foreach (var paragraph in text.Split("\n\n"))
        {
            var kept = paragraph.Split('\n').Where(line => !IsBoilerplate(line)).ToList();
            if (kept.Count == 0)
            {
                continue;
            }

            if (output.Length > 0)
            {
                output.Append("\n\n");
            }

            output.AppendJoin('\n', kept);
        }

        return output.ToString();
    }

    internal static bool IsBoilerplate(string line)
    {
        var words = WordCount().Count(line);
        if (words == 0 || words > MaxWords)
        {
            return false;
        }

        return Marker().IsMatch(line)
            || (words <= 8 && Byline().IsMatch(line))
            || (words <= 12 && Dateline().IsMatch(line))
            || Copyright().IsMatch(line)
            || FollowUs().IsMatch(line);
    }

    // Ad-slot labels left as text.
    [GeneratedRegex(@"^\s*(advertisement|advert|ad|sponsored|story continues below|continue reading below)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();

    // "By Justine Coleman -": a byline, capitalised name after "By".
    [GeneratedRegex(@"^\s*By\s+\p{Lu}")]
    private static partial Regex Byline();

    // "Published November 20th, 2019 - 07:29 GMT", "Updated at 1:23 p.m.", "Posted on March 30, 2015 by Admin".
    [GeneratedRegex(@"^\s*(published|updated|last updated|posted)\b.*\d", RegexOptions.IgnoreCase)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"©|\bcopyright\b|\ball rights reserved\b", RegexOptions.IgnoreCase)]
    private static partial Regex Copyright();

    // "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.", "Follow her on Twitter @AmyKup".
    [GeneratedRegex(@"\bfollow\b.{0,60}\b(on|at)\s+(twitter|facebook|instagram|youtube|linkedin)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FollowUs();

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordCount();
}
