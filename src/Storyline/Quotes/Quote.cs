using Storyline.Text;

namespace Storyline.Quotes;

/// <summary>A statement: the quoted content (with its marks when direct), who said it and the cue that says so.
/// <paramref name="By"/> names the rule that decided the speaker, so a wrong answer can be traced.</summary>
public sealed record Quote(TextSpan Span, bool Direct, string? Speaker, TextSpan? SpeakerSpan, string? Cue, string By);
