using Storyline.Text;

namespace Storyline.Training.Evaluation;

/// <summary>
/// Sentences for scoring raw corpus text (TimeML gives text only): the product's own tokenizer and splitter, so the
/// temporal tagger is measured on the sentences it sees in production.
/// </summary>
public static class EvaluationSentences
{
    public static IReadOnlyList<TextSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Storyline.Tokens.NewsTokenizer.Tokenize(text);
        return [.. Storyline.Sentences.SentenceSplitter.Split(text, tokens).Select(s => s.Span)];
    }
}
