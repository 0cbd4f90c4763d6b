using Storyline.Text;

namespace Storyline.Sentences;

/// <summary>A sentence: its span, and the range of tokens it holds ([FirstToken, FirstToken + TokenCount)).</summary>
public readonly record struct Sentence(TextSpan Span, int FirstToken, int TokenCount);
