using System.Collections.Immutable;
using Storyline.Entities;
using Storyline.Events;
using Storyline.Pipeline;
using Storyline.Quotes;
using Storyline.Sentences;
using Storyline.Time;
using Storyline.Tokens;

namespace Storyline.Text;

/// <summary>
/// One article: an immutable text, its metadata, and annotation layers that are all spans into that text.
/// Stages never change an article; they return a copy with a layer added (<c>article with { Sentences = … }</c>).
/// </summary>
public sealed record Article
{
    /// <summary>Stable id: a JSONL line's id, a file's name without extension, a feed item's guid or link.</summary>
    public required string Id { get; init; }

    /// <summary>The text, never rewritten: for .txt and .jsonl input it is the input unchanged.</summary>
    public required string Text { get; init; }

    public required ArticleMetadata Metadata { get; init; }

    /// <summary>The layers present so far; the pipeline adds each stage's <c>Produces</c>.</summary>
    public Layers Layers { get; init; } = Layers.Text | Layers.Ignored;

    public ImmutableArray<IgnoredSpan> Ignored { get; init; } = [];

    public ImmutableArray<Token> Tokens { get; init; } = [];

    public ImmutableArray<Sentence> Sentences { get; init; } = [];

    public ImmutableArray<EntityMention> Entities { get; init; } = [];

    public ImmutableArray<TimeExpression> Times { get; init; } = [];

    public ImmutableArray<Quote> Quotes { get; init; } = [];

    public ImmutableArray<EventMention> Events { get; init; } = [];

    /// <summary>The characters of a span, without copying.</summary>
    public ReadOnlySpan<char> Slice(TextSpan span) => Text.AsSpan(span.Start, span.Length);

    /// <summary>The spans of text that are news: everything outside <see cref="Ignored"/>, in order.</summary>
    public IEnumerable<TextSpan> ContentRegions()
    {
        var position = 0;
        foreach (var ignored in Ignored)
        {
            if (ignored.Span.Start > position)
            {
                yield return new TextSpan(position, ignored.Span.Start);
            }

            position = Math.Max(position, ignored.Span.End);
        }

        if (position < Text.Length)
        {
            yield return new TextSpan(position, Text.Length);
        }
    }
}
