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
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            // Financial results count in quarters: there "a year ago" is the same quarter a year before. A results
            // paragraph names the quarter and compares in the next sentence (TBAQ: a window of one sentence beats 0, 2 and 3).
            if (text.AsSpan(sentence.Start, sentence.Length).Contains("quarter", StringComparison.OrdinalIgnoreCase))
            {
                lastQuarterMention = s;
            }

            TagSentence(text, sentence, reference, s - lastQuarterMention <= 1, result);
        }

        result.Sort((a, b) => a.Span.CompareTo(b.Span));
        return result.ToImmutable();
    }

    /// <summary>Tags one piece of text as a single sentence (short strings, tests).</summary>
    public static ImmutableArray<TimeExpression> Tag(string text, DateOnly? reference) =>
        Tag(text, [new TextSpan(0, text.Length)], reference);

    private static void TagSentence(string text, TextSpan sentence, DateOnly? reference, bool quarterContext, ImmutableArray<TimeExpression>.Builder result)
    {
        var tokens = TimexTokenizer.Tokenize(text, sentence);
        if (tokens.Count == 0)
        {
            return;
        }

        var grammar = new TimexGrammar(tokens, reference, quarterContext);
        var i = 0;
        while (i < tokens.Count)
        {
            if (grammar.MatchAt(i) is { } match && match.End > i)
            {
                if (!match.Suppressed)
                {
                    var span = new TextSpan(tokens[match.First].Start, tokens[match.End - 1].End);
                    result.Add(new TimeExpression(span, match.Type, match.Value, match.Mod, match.By));
                }

                i = match.End;
            }
            else
            {
                i++;
            }
        }
    }
}
