using Storyline.Text;

namespace Storyline.Time;

/// <summary>A temporal expression normalised to TimeML TIMEX3: type DATE, TIME, DURATION or SET, and its value.</summary>
public sealed record TimeExpression(TextSpan Span, string Type, string Value, string? Mod = null);
