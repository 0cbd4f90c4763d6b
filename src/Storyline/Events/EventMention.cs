using Storyline.Text;

namespace Storyline.Events;

/// <summary>A PLOVER event in a clause: type, actor and target entity ids, location and date.</summary>
public sealed record EventMention(TextSpan Span, string Type, string? Actor, string? Target, string? Location, string? Date);
