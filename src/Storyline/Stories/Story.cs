using System.Collections.Immutable;
using Storyline.Text;

namespace Storyline.Stories;

/// <summary>A story: the articles that report one event or development, and what comparing them shows.</summary>
public sealed record Story(
    string Id,
    string Title,
    ImmutableArray<string> Articles,
    ImmutableArray<string> Outlets,
    DateOnly? Start,
    DateOnly? End,
    ImmutableArray<Statement> Statements,
    ImmutableArray<EntityLabels> Labels,
    ImmutableArray<NumberDiscrepancy> Numbers,
    ImmutableArray<TimelineItem> Timeline)
{
    /// <summary>Articles that are copies of another article of the story (wire copy), and which one: copies count once.</summary>
    public ImmutableDictionary<string, string> CopyOf { get; init; } = ImmutableDictionary<string, string>.Empty;
}

/// <summary>A quote as part of a statement: the article, the span and its text.</summary>
public sealed record StatementQuote(string Article, string? Outlet, TextSpan Span, string Text, bool Direct);

/// <summary>The wording difference between the statement's first quote and another one.</summary>
public sealed record WordingDiff(string From, string To, IReadOnlyList<DiffPiece> Pieces);

/// <summary>One utterance as the articles of a story report it: the speaker, the quotes (direct or reported, whole
/// or partial), how many distinct sources carry it (copies of one original count once) and how the wordings differ.</summary>
public sealed record Statement(string Speaker, string SpeakerName, int Sources, ImmutableArray<StatementQuote> Quotes, ImmutableArray<WordingDiff> Diffs);

/// <summary>A descriptor an outlet gives an entity ("Belarusian dictator"), where.</summary>
public sealed record Label(string Article, string? Outlet, TextSpan Span, string Text);

/// <summary>The labels of one entity in a story, per article.</summary>
public sealed record EntityLabels(string Entity, string Name, ImmutableArray<Label> Labels);

/// <summary>A number as an article states it, with its unit and the words around it.</summary>
public sealed record NumberMention(string Article, string? Outlet, TextSpan Span, string Text, double Value, string Unit);

/// <summary>The same quantity reported with different values by different articles.</summary>
public sealed record NumberDiscrepancy(string Unit, string Context, ImmutableArray<NumberMention> Mentions);

/// <summary>A dated item of the story: the date (a TIMEX3 value: day, month or year), the sentence that says it, and
/// the articles that say it.</summary>
public sealed record TimelineItem(string Date, string Text, ImmutableArray<TimelineSource> Sources);

/// <summary>Where a timeline item is said: the article and the sentence's span.</summary>
public sealed record TimelineSource(string Article, TextSpan Span);
