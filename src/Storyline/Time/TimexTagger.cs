using System.Collections.Immutable;
using Storyline.Text;

namespace Storyline.Time;

/// <summary>
/// Finds temporal expressions and normalises them to TIMEX3 type and value against a reference date (the article's
/// publication date). A pure function: the same text, sentences and reference always give the same expressions.
/// Without a reference, relative expressions keep their unknown parts ("Friday" → <c>XXXX-WXX-5</c>).
/// </summary>
public static class TimexTagger
{
    /// <summary>Tags every sentence span of <paramref name="text"/>; the result is sorted and non-overlapping.</summary>
    public static ImmutableArray<TimeExpression> Tag(string text, IReadOnlyList<TextSpan> sentences, DateOnly? reference)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        var result = ImmutableArray.CreateBuilder<TimeExpression>();
        var lastQuarterMention = int.MinValue;
        string? anchor = null;
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            // Financial results count in quarters: there "a year ago" is the same quarter a year before. A results
            // paragraph names the quarter and compares in the next sentence (TBAQ: a window of one sentence beats 0, 2 and 3).
            if (text.AsSpan(sentence.Start, sentence.Length).Contains("quarter", StringComparison.OrdinalIgnoreCase))
            {
                lastQuarterMention = s;
            }

            anchor = TagSentence(text, sentence, reference, s - lastQuarterMention <= 1, anchor, result);
        }

        result.Sort((a, b) => a.Span.CompareTo(b.Span));
        return result.ToImmutable();
    }

    /// <summary>Tags one piece of text as a single sentence (short strings, tests).</summary>
    public static ImmutableArray<TimeExpression> Tag(string text, DateOnly? reference) =>
        Tag(text, [new TextSpan(0, text.Length)], reference);

    /// <returns>The narrative anchor after this sentence: the last date it named explicitly, else the one before.</returns>
    private static string? TagSentence(string text, TextSpan sentence, DateOnly? reference, bool quarterContext, string? anchor, ImmutableArray<TimeExpression>.Builder result)
    {
        var tokens = TimexTokenizer.Tokenize(text, sentence);
        if (tokens.Count == 0)
        {
            return anchor;
        }

        var grammar = new TimexGrammar(tokens, reference, quarterContext) { Anchor = anchor };
        var i = 0;
        while (i < tokens.Count)
        {
            if (grammar.MatchAt(i) is { } match && match.End > i)
            {
                if (!match.Suppressed)
                {
                    var span = new TextSpan(tokens[match.First].Start, match.FirstEnd > 0 ? match.FirstEnd : tokens[match.End - 1].End);
                    result.Add(new TimeExpression(span, match.Type, match.Value, match.Mod, match.By));
                    if (match.Second is { } second)
                    {
                        result.Add(new TimeExpression(new TextSpan(second.Start, second.End), match.Type, second.Value, match.Mod, match.By));
                    }

                    if (IsNarrativeAnchor(match))
                    {
                        grammar.Anchor = match.Value.Length > 10 ? match.Value[..10] : match.Value;
                    }
                }

                i = match.End;
            }
            else
            {
                i++;
            }
        }

        return grammar.Anchor;
    }

    /// <summary>
    /// Dates the text names itself (calendar dates, years, weekdays, holidays, clock times on a day) set the story's
    /// time; deictic words ("today") and durations do not move it.
    /// </summary>
    private static bool IsNarrativeAnchor(TimexMatch match) =>
        match.Type is "DATE" or "TIME" && match.Value.Length >= 4 && char.IsAsciiDigit(match.Value[0]) && char.IsAsciiDigit(match.Value[3])
        && (match.By.StartsWith("date/", StringComparison.Ordinal) || match.By.StartsWith("year/number", StringComparison.Ordinal)
            || match.By == "weekday" || match.By.StartsWith("holiday", StringComparison.Ordinal) || match.By.StartsWith("time/clock-day", StringComparison.Ordinal)
            || match.By.StartsWith("narrative/", StringComparison.Ordinal));
}
