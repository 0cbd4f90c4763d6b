using Storyline.Text;

namespace Storyline.Tokens;

/// <summary>What kind of thing a token is, as the tokenizer saw it (before any tagging).</summary>
public enum TokenKind
{
    Word,
    Number,
    Punctuation,
    Symbol,
    Url,
    Email,
}

/// <summary>One token: a span of the article text, its kind, and its UD UPOS tag once a tagger has run.</summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind, string? Pos = null);
