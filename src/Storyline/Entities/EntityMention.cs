using Storyline.Text;

namespace Storyline.Entities;

/// <summary>A mention of a named entity: its span, type (PERSON, ORGANIZATION, LOCATION, NORP, EVENT, OTHER) and the id of
/// the real-world entity it refers to.</summary>
public sealed record EntityMention(TextSpan Span, string Type, string Entity);
