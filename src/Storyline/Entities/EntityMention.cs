using Storyline.Text;

namespace Storyline.Entities;

/// <summary>A mention of a named entity: its span, type (PERSON, ORGANIZATION, LOCATION, NORP, EVENT, OTHER), the id of
/// the real-world entity it refers to, and how the text labels it there (a title, premodifier or appositive:
/// "Kremlin spokesperson", "Belarusian dictator"), when it does.</summary>
public sealed record EntityMention(TextSpan Span, string Type, string Entity, string? Descriptor = null);
