namespace Storyline.Storage;

/// <summary>
/// How a search snippet marks its matches. The marks are control characters that news text does not carry, so a
/// renderer splits the snippet with <see cref="Parts"/> and escapes every part itself (article text is hostile
/// input); the store never produces markup.
/// </summary>
public static class Snippets
{
    public const char Open = '\u0002';
    public const char Close = '\u0003';

    /// <summary>The snippet as runs of text, each saying whether it is a match.</summary>
    public static IEnumerable<(string Text, bool Match)> Parts(string snippet)
    {
        var start = 0;
        var match = false;
        for (var i = 0; i <= snippet.Length; i++)
        {
            var end = i == snippet.Length;
            if (!end && snippet[i] != Open && snippet[i] != Close)
            {
                continue;
            }

            if (i > start)
            {
                yield return (snippet[start..i], match);
            }

            if (!end)
            {
                match = snippet[i] == Open;
            }

            start = i + 1;
        }
    }

    /// <summary>The snippet without its marks.</summary>
    public static string Plain(string snippet) => string.Concat(Parts(snippet).Select(p => p.Text));
}
