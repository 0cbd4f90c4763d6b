using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Output;

/// <summary>An input that was not analysed, and why (OUTPUT.md <c>errors[]</c>).</summary>
public sealed record AnalysisError(string Source, string Error);

/// <summary>The analysis JSON, version 1 (OUTPUT.md): the one shape the CLI, the API and exports share.</summary>
public sealed record AnalysisDocument(
    int Version,
    IReadOnlyList<ArticleJson> Articles,
    IReadOnlyList<EntityJson> Entities,
    IReadOnlyList<StoryJson> Stories,
    IReadOnlyList<AnalysisError> Errors)
{
    public const int CurrentVersion = 1;
}

public sealed record ArticleJson(
    string Id,
    string Source,
    string? Outlet,
    string? Title,
    string? Url,
    string? Author,
    string? Published,
    string? PublishedFrom,
    string Text,
    IReadOnlyList<IgnoredJson> Ignored,
    IReadOnlyList<SpanJson> Sentences,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TokenJson>? Tokens,
    IReadOnlyList<EntityMentionJson> Entities,
    IReadOnlyList<TimeJson> Times,
    IReadOnlyList<QuoteJson> Quotes,
    IReadOnlyList<EventJson> Events);

public sealed record IgnoredJson(int Start, int End, string Reason);

public sealed record SpanJson(int Start, int End);

public sealed record TokenJson(int Start, int End, string? Pos);

public sealed record EntityMentionJson(int Start, int End, string Text, string Type, string Entity);

public sealed record TimeJson(
    int Start, int End, string Text, string Type, string Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Mod);

/// <summary>A quote (OUTPUT.md). Added after version 1 was written, all optional: the cue's span (quotes sharing it are
/// one attribution: a split or continued quote), the addressee or medium, and the words that date the statement.</summary>
public sealed record QuoteJson(
    int Start, int End, string Text, bool Direct, string? Speaker, string? SpeakerName,
    int? SpeakerStart, int? SpeakerEnd, string? Cue, string By,
    int? CueStart = null, int? CueEnd = null,
    string? Addressee = null, int? AddresseeStart = null, int? AddresseeEnd = null,
    string? DateText = null, int? DateStart = null, int? DateEnd = null);

/// <summary>An event (OUTPUT.md). Added after version 1 was written, all optional: the cue and its span, the PLOVER mode,
/// the CAMEO code, the spans of actor, target, location and date, CAMEO actor codes and countries ("RUSGOV", "RUS"),
/// the members of compound actors and targets, PLOVER's negation mode, and the rule that decided.</summary>
public sealed record EventJson(
    int Start, int End, string Text, string Type, string? Actor, string? Target, string? Location, string? Date,
    string? Cue = null, int? CueStart = null, int? CueEnd = null, string? Mode = null, string? Cameo = null,
    int? ActorStart = null, int? ActorEnd = null, string? ActorCode = null, string? ActorCountry = null,
    int? TargetStart = null, int? TargetEnd = null, string? TargetCode = null, string? TargetCountry = null,
    int? LocationStart = null, int? LocationEnd = null, string? DateText = null, int? DateStart = null, int? DateEnd = null,
    IReadOnlyList<string>? Actors = null, IReadOnlyList<string>? Targets = null, bool Negated = false, string? By = null);

/// <summary>One real-world entity across the articles of a run (or of the store).</summary>
public sealed record EntityJson(
    string Id, string Name, string Type, IReadOnlyList<string> Aliases, IReadOnlyList<string> Descriptors,
    IReadOnlyList<string> Articles, int Mentions);

/// <summary>A story (OUTPUT.md). Added after version 1 was written, all optional: number discrepancies and the
/// copies among the articles (article id → the article it copies).</summary>
public sealed record StoryJson(
    string Id, string Title, IReadOnlyList<string> Articles, IReadOnlyList<string> Outlets, string? Start, string? End,
    IReadOnlyList<StatementJson> Statements, IReadOnlyList<StoryEntityJson> Entities, IReadOnlyList<TimelineItemJson> Timeline,
    IReadOnlyList<NumberDiscrepancyJson>? Numbers = null,
    IReadOnlyDictionary<string, string>? Copies = null);

/// <summary>A statement; <c>diffs</c> (added) compares the first wording with each other article's, word by word.</summary>
public sealed record StatementJson(
    string Speaker, string? SpeakerName, int Sources, IReadOnlyList<StatementQuoteJson> Quotes,
    IReadOnlyList<WordingDiffJson>? Diffs = null);

public sealed record StatementQuoteJson(string Article, int Start, int End, string Text, string? Outlet = null, bool? Direct = null);

/// <summary>A word-level diff: <c>text</c> in git's word-diff notation ([-only in from-] {+only in to+}), and the pieces.</summary>
public sealed record WordingDiffJson(string From, string To, string Text, IReadOnlyList<DiffPieceJson> Pieces);

/// <summary><c>op</c>: same, removed (only in <c>from</c>) or added (only in <c>to</c>).</summary>
public sealed record DiffPieceJson(string Op, string Text);

public sealed record StoryEntityJson(string Entity, string Name, IReadOnlyList<DescriptorJson> Descriptors);

public sealed record DescriptorJson(string Article, string? Outlet, string Text, int? Start = null, int? End = null);

public sealed record TimelineItemJson(string Date, string Text, IReadOnlyList<string> Articles, IReadOnlyList<SourceSpanJson>? Sources = null);

/// <summary>Where something is said: an article and a span of it.</summary>
public sealed record SourceSpanJson(string Article, int Start, int End);

public sealed record NumberDiscrepancyJson(string Unit, string Context, IReadOnlyList<NumberMentionJson> Mentions);

public sealed record NumberMentionJson(string Article, string? Outlet, int Start, int End, string Text, double Value);

/// <summary>Builds and writes the analysis JSON.</summary>
public static class AnalysisJson
{
    /// <summary>camelCase, indented, and non-ASCII text written as itself (the output is a file or a terminal,
    /// not HTML; the web UI escapes on its own).</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The same, on one line (JSONL).</summary>
    public static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };

    /// <param name="entityName">The display name of an entity id, from the run's entity table.</param>
    public static ArticleJson FromArticle(Article article, bool includeTokens, Func<string, string?>? entityName = null)
    {
        string Surface(TextSpan span) => article.Text.Substring(span.Start, span.Length);
        var metadata = article.Metadata;
        return new ArticleJson(
            article.Id,
            metadata.Source,
            metadata.Outlet,
            metadata.Title,
            metadata.Url,
            metadata.Author,
            metadata.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            metadata.PublishedFrom == PublishedFrom.None ? null : metadata.PublishedFrom.ToString().ToLowerInvariant(),
            article.Text,
            [.. article.Ignored.Select(i => new IgnoredJson(i.Span.Start, i.Span.End, i.Reason))],
            [.. article.Sentences.Select(s => new SpanJson(s.Span.Start, s.Span.End))],
            includeTokens ? [.. article.Tokens.Select(t => new TokenJson(t.Span.Start, t.Span.End, t.Pos))] : null,
            [.. article.Entities.Select(e => new EntityMentionJson(e.Span.Start, e.Span.End, Surface(e.Span), e.Type, e.Entity))],
            [.. article.Times.Select(t => new TimeJson(t.Span.Start, t.Span.End, Surface(t.Span), t.Type, t.Value, t.Mod))],
            [.. article.Quotes.Select(q => new QuoteJson(
                q.Span.Start, q.Span.End, Surface(q.Span), q.Direct, q.Speaker,
                q.Speaker is null ? null : entityName?.Invoke(q.Speaker),
                q.SpeakerSpan?.Start, q.SpeakerSpan?.End, q.Cue, q.By,
                q.CueSpan?.Start, q.CueSpan?.End,
                q.AddresseeSpan is { } a ? Surface(a) : null, q.AddresseeSpan?.Start, q.AddresseeSpan?.End,
                q.DateSpan is { } d ? Surface(d) : null, q.DateSpan?.Start, q.DateSpan?.End))],
            [.. article.Events.Select(e => new EventJson(
                e.Span.Start, e.Span.End, Surface(e.Span), e.Type, e.Actor, e.Target, e.Location, e.Date,
                e.CueSpan is { } c ? Surface(c) : null, e.CueSpan?.Start, e.CueSpan?.End, e.Mode, e.Cameo,
                e.ActorSpan?.Start, e.ActorSpan?.End, e.ActorCode, e.ActorCountry,
                e.TargetSpan?.Start, e.TargetSpan?.End, e.TargetCode, e.TargetCountry,
                e.LocationSpan?.Start, e.LocationSpan?.End,
                e.DateSpan is { } d ? Surface(d) : null, e.DateSpan?.Start, e.DateSpan?.End,
                e.Actors.IsDefaultOrEmpty ? null : [.. e.Actors.Select(a => a.Entity)],
                e.Targets.IsDefaultOrEmpty ? null : [.. e.Targets.Select(a => a.Entity)],
                e.Negated, e.By))]);
    }

    public static EntityJson FromEntity(Entities.EntityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new EntityJson(entry.Id, entry.Name, entry.Type, entry.Aliases, entry.Descriptors, entry.Articles, entry.Mentions);
    }

    public static StoryJson FromStory(Story story) => new(
        story.Id,
        story.Title,
        story.Articles,
        story.Outlets,
        story.Start is { } start ? StoryBuilder.Date(start) : null,
        story.End is { } end ? StoryBuilder.Date(end) : null,
        [.. story.Statements.Select(s => new StatementJson(
            s.Speaker, s.SpeakerName, s.Sources,
            [.. s.Quotes.Select(q => new StatementQuoteJson(q.Article, q.Span.Start, q.Span.End, q.Text, q.Outlet, q.Direct))],
            [.. s.Diffs.Select(d => new WordingDiffJson(d.From, d.To, WordDiff.Format(d.Pieces),
                [.. d.Pieces.Select(p => new DiffPieceJson(p.Op.ToString().ToLowerInvariant(), p.Text))]))]))],
        [.. story.Labels.Select(e => new StoryEntityJson(e.Entity, e.Name,
            [.. e.Labels.Select(l => new DescriptorJson(l.Article, l.Outlet, l.Text, l.Span.Start, l.Span.End))]))],
        [.. story.Timeline.Select(t => new TimelineItemJson(t.Date, t.Text,
            [.. t.Sources.Select(s => s.Article).Distinct()],
            [.. t.Sources.Select(s => new SourceSpanJson(s.Article, s.Span.Start, s.Span.End))]))],
        [.. story.Numbers.Select(n => new NumberDiscrepancyJson(n.Unit, n.Context,
            [.. n.Mentions.Select(m => new NumberMentionJson(m.Article, m.Outlet, m.Span.Start, m.Span.End, m.Text, m.Value))]))],
        story.CopyOf.Count > 0 ? story.CopyOf.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) : null);

    public static string Serialize(AnalysisDocument document) => JsonSerializer.Serialize(document, Options);

    public static AnalysisDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<AnalysisDocument>(json, Options) ?? throw new JsonException("empty analysis document");
}
