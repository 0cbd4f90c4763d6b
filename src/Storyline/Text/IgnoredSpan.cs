namespace Storyline.Text;

/// <summary>
/// Text that stays in the article (offsets never move) but is not news: metadata header lines and boilerplate
/// such as audio notices or syndication disclaimers. Later stages do not look inside it.
/// </summary>
/// <param name="Reason">Short machine-readable reason: <c>header</c>, or <c>boilerplate: …</c> naming the kind.</param>
public sealed record IgnoredSpan(TextSpan Span, string Reason);
