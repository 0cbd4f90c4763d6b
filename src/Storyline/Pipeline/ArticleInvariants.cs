using System.Collections.Immutable;
using Storyline.Text;

namespace Storyline.Pipeline;

/// <summary>
/// The rules every article must satisfy after every stage: spans in bounds and non-empty, layers sorted,
/// tokens and sentences not overlapping, tokens inside sentences, nothing analysed inside ignored text,
/// speaker ids present among the article's entities. Tests run this on each stage's output.
/// </summary>
public static class ArticleInvariants
{
    public static IReadOnlyList<string> Check(Article article)
    {
        var problems = new List<string>();
        var length = article.Text.Length;

        void CheckSpans(string layer, IEnumerable<TextSpan> spans, bool disjoint)
        {
            TextSpan? previous = null;
            var index = 0;
            foreach (var span in spans)
            {
                if (span.Start < 0 || span.End > length || span.IsEmpty)
                {
                    problems.Add($"{layer}[{index}] {span} is empty or outside the text (length {length})");
                }

                if (previous is { } p)
                {
                    if (span < p)
                    {
                        problems.Add($"{layer}[{index}] {span} comes before {layer}[{index - 1}] {p}: not sorted");
                    }
                    else if (disjoint && span.Start < p.End)
                    {
                        problems.Add($"{layer}[{index}] {span} overlaps {layer}[{index - 1}] {p}");
                    }
                }

                previous = span;
                index++;
            }
        }

        CheckSpans("ignored", article.Ignored.Select(i => i.Span), disjoint: true);
        CheckSpans("tokens", article.Tokens.Select(t => t.Span), disjoint: true);
        CheckSpans("sentences", article.Sentences.Select(s => s.Span), disjoint: true);
        CheckSpans("entities", article.Entities.Select(e => e.Span), disjoint: true);
        CheckSpans("times", article.Times.Select(t => t.Span), disjoint: true);
        CheckSpans("quotes", article.Quotes.Select(q => q.Span), disjoint: false);
        CheckSpans("events", article.Events.Select(e => e.Span), disjoint: false);

        CheckOutsideIgnored(article, problems, "tokens", article.Tokens.Select(t => t.Span));
        CheckOutsideIgnored(article, problems, "sentences", article.Sentences.Select(s => s.Span));
        CheckSentencesHoldTokens(article, problems);

        var entityIds = article.Entities.Select(e => e.Entity).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < article.Quotes.Length; i++)
        {
            var quote = article.Quotes[i];
            if (quote.Speaker is { } speaker && !entityIds.Contains(speaker))
            {
                problems.Add($"quotes[{i}] speaker '{speaker}' is not among the article's entities");
            }

            if (quote.SpeakerSpan is { } s && (s.Start < 0 || s.End > length || s.IsEmpty))
            {
                problems.Add($"quotes[{i}] speaker span {s} is empty or outside the text");
            }
        }

        return problems;
    }

    private static void CheckOutsideIgnored(Article article, List<string> problems, string layer, IEnumerable<TextSpan> spans)
    {
        if (article.Ignored.IsEmpty)
        {
            return;
        }

        var index = 0;
        foreach (var span in spans)
        {
            foreach (var ignored in article.Ignored)
            {
                if (ignored.Span.Overlaps(span))
                {
                    problems.Add($"{layer}[{index}] {span} overlaps ignored text {ignored.Span} ({ignored.Reason})");
                }
            }

            index++;
        }
    }

    private static void CheckSentencesHoldTokens(Article article, List<string> problems)
    {
        if (article.Sentences.IsEmpty)
        {
            return;
        }

        ImmutableArray<Tokens.Token> tokens = article.Tokens;
        var covered = 0;
        for (var i = 0; i < article.Sentences.Length; i++)
        {
            var sentence = article.Sentences[i];
            if (sentence.FirstToken != covered)
            {
                problems.Add($"sentences[{i}] starts at token {sentence.FirstToken}, expected {covered}: tokens outside every sentence");
            }

            if (sentence.TokenCount <= 0 || sentence.FirstToken + sentence.TokenCount > tokens.Length)
            {
                problems.Add($"sentences[{i}] token range [{sentence.FirstToken}, +{sentence.TokenCount}) is empty or past the {tokens.Length} tokens");
                return;
            }

            for (var t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            {
                if (!sentence.Span.Contains(tokens[t].Span))
                {
                    problems.Add($"tokens[{t}] {tokens[t].Span} is not inside sentences[{i}] {sentence.Span}");
                }
            }

            covered = sentence.FirstToken + sentence.TokenCount;
        }

        if (covered != tokens.Length)
        {
            problems.Add($"tokens[{covered}..] lie after the last sentence");
        }
    }
}
