using System.Globalization;
using Storyline.Entities;
using Storyline.Events;
using Storyline.Pipeline;
using Storyline.Quotes;
using Storyline.Sentences;
using Storyline.Text;
using Storyline.Time;

namespace Storyline.Output;

/// <summary>
/// The stored analysis JSON back into an <see cref="Article"/> for cross-article work (stories). Tokens are not stored,
/// so sentences carry no token range; the story code reads sentence spans, entities, times and quotes only.
/// </summary>
public static class ArticleRebuild
{
    public static Article FromJson(ArticleJson json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var input = Input(json);
        static TextSpan? Span(int? start, int? end) => start is { } s && end is { } e ? new TextSpan(s, e) : null;
        return input with
        {
            Layers = Layers.Text | Layers.Ignored | Layers.Sentences | Layers.Entities | Layers.Times | Layers.Quotes | Layers.Events,
            Sentences = [.. json.Sentences.Select(s => new Sentence(new TextSpan(s.Start, s.End), 0, 0))],
            Entities = [.. json.Entities.Select(e => new EntityMention(new TextSpan(e.Start, e.End), e.Type, e.Entity))],
            Times = [.. json.Times.Select(t => new TimeExpression(new TextSpan(t.Start, t.End), t.Type, t.Value, t.Mod))],
            Quotes = [.. json.Quotes.Select(q => new Quote(new TextSpan(q.Start, q.End), q.Direct, q.Speaker, Span(q.SpeakerStart, q.SpeakerEnd), q.Cue, q.By)
            {
                CueSpan = Span(q.CueStart, q.CueEnd),
                AddresseeSpan = Span(q.AddresseeStart, q.AddresseeEnd),
                DateSpan = Span(q.DateStart, q.DateEnd),
            })],
            Events = [.. json.Events.Select(e => new EventMention(new TextSpan(e.Start, e.End), e.Type, e.Actor, e.Target, e.Location, e.Date))],
        };
    }

    /// <summary>The article as read, before analysis: id, text, metadata and the ignored spans (header, boilerplate),
    /// nothing else. A queued article travels as the JSON of this (<c>storyline ingest --queue</c>) and a worker
    /// runs the pipeline on it, exactly as <c>ingest</c> would on the article it read.</summary>
    public static Article Input(ArticleJson json)
    {
        ArgumentNullException.ThrowIfNull(json);
        DateOnly? published = DateOnly.TryParseExact(json.Published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var from = Enum.TryParse<PublishedFrom>(json.PublishedFrom, ignoreCase: true, out var f) ? f : PublishedFrom.None;
        return new Article
        {
            Id = json.Id,
            Text = json.Text,
            Metadata = new ArticleMetadata
            {
                Source = json.Source, Outlet = json.Outlet, Title = json.Title, Url = json.Url, Author = json.Author,
                Published = published, PublishedFrom = from,
            },
            Layers = Layers.Text | Layers.Ignored,
            Ignored = [.. json.Ignored.Select(i => new IgnoredSpan(new TextSpan(i.Start, i.End), i.Reason))],
        };
    }
}
