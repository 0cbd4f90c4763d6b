using Storyline.Text;

namespace Storyline.Quotes;

/// <summary>A statement: the quoted content (with its marks when direct), who said it and the cue that says so.
/// <paramref name="By"/> names the rule that decided the speaker, so a wrong answer can be traced.</summary>
/// <remarks>The parts of one attribution (a split quote "…," he said, "…", or a quote continued in the next paragraph)
/// are separate quotes that share the same <see cref="CueSpan"/>.</remarks>
public sealed record Quote(TextSpan Span, bool Direct, string? Speaker, TextSpan? SpeakerSpan, string? Cue, string By)
{
    /// <summary>Where the cue ("said", "told", "according to", a colon's verb) is, when there is one.</summary>
    public TextSpan? CueSpan { get; init; }

    /// <summary>Who the statement was made to, or the medium it was made in ("reporters", "Interfax",
    /// "US blogger Mario Nawfal", "a video address"), when the text says so.</summary>
    public TextSpan? AddresseeSpan { get; init; }

    /// <summary>The words that date the statement ("on March 5", "Tuesday"), when the cue clause has them; the time
    /// layer normalises them.</summary>
    public TextSpan? DateSpan { get; init; }
}
