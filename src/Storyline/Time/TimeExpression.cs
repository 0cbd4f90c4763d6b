using Storyline.Text;

namespace Storyline.Time;

/// <summary>
/// A temporal expression normalised to TimeML TIMEX3: type DATE, TIME, DURATION or SET, its value, its mod
/// (START, END, MID, APPROX, MORE_THAN, …) and <paramref name="By"/>, the grammar rule that decided (for tracing).
/// The text is the span's characters in the article.
/// </summary>
public sealed record TimeExpression(TextSpan Span, string Type, string Value, string? Mod = null, string? By = null);
