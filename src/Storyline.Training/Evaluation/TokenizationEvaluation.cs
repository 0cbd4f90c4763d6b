using Storyline.Text;
using Storyline.Tokens;
using Storyline.Training.Corpora;

namespace Storyline.Training.Evaluation;

/// <summary>The tokenizer's agreement with UD tokens: each sentence's <c># text</c> is tokenized and the token spans
/// are compared with the spans of the gold syntactic words (exact match).</summary>
public sealed record TokenizationResult(int Sentences, int Unaligned, BoundaryScore Spans, IReadOnlyList<string> Errors);

/// <summary>
/// Scores <see cref="NewsTokenizer"/> against UD English EWT words, the units the POS tagger is trained on.
/// Sentences whose words cannot be found in their text in order (a few multiword tokens are written differently
/// from their parts) are counted as unaligned and left out.
/// </summary>
public static class TokenizationEvaluation
{
    public static TokenizationResult ScoreEwt(string conlluPath, int keepErrors = 0)
    {
        int sentences = 0, unaligned = 0, tp = 0, fp = 0, fn = 0;
        var errors = new List<string>();
        var predicted = new List<Token>();
        foreach (var sentence in ConlluReader.Read(conlluPath))
        {
            sentences++;
            var text = sentence.Text;
            var gold = Align(text, sentence.Words);
            if (gold is null)
            {
                unaligned++;
                continue;
            }

            predicted.Clear();
            NewsTokenizer.Tokenize(text, new TextSpan(0, text.Length), predicted);
            var predictedSpans = predicted.Select(t => t.Span).ToHashSet();
            var right = predictedSpans.Count(gold.Contains);
            tp += right;
            fp += predictedSpans.Count - right;
            fn += gold.Count - right;
            if (errors.Count < keepErrors && right != gold.Count)
            {
                errors.Add($"{sentence.Id}: gold [{string.Join(" ", gold.Order().Select(s => text[s.Start..s.End]))}] " +
                           $"ours [{string.Join(" ", predicted.Select(t => text[t.Span.Start..t.Span.End]))}]");
            }
        }

        return new TokenizationResult(sentences, unaligned, new BoundaryScore(tp, fp, fn), errors);
    }

    private static HashSet<TextSpan>? Align(string text, IReadOnlyList<ConlluWord> words)
    {
        var spans = new HashSet<TextSpan>();
        var position = 0;
        foreach (var word in words)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            if (!text.AsSpan(position).StartsWith(word.Form, StringComparison.Ordinal))
            {
                return null;
            }

            spans.Add(new TextSpan(position, position + word.Form.Length));
            position += word.Form.Length;
        }

        return spans;
    }
}
