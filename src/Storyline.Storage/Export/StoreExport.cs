using System.Globalization;
using System.Text.Json;
using Storyline.Output;

namespace Storyline.Storage.Export;

public enum ExportTable
{
    Articles,
    Quotes,
    Events,
    Entities,
}

public enum ExportFormat
{
    Jsonl,
    Csv,
}

/// <summary>
/// The store as files people load into pandas or R: articles (JSONL: the analysis JSON of OUTPUT.md, one article a
/// line), quotes, events in the PLOVER/GDELT spirit, and entity mentions. CSV always starts with its header row, even
/// when no row follows (quotes and events stay empty until those layers are produced); JSONL rows of the tables use
/// the CSV column names as keys.
/// </summary>
public static class StoreExport
{
    public static IReadOnlyList<string> Columns(ExportTable table) => table switch
    {
        ExportTable.Articles => ["id", "date", "outlet", "title", "url", "ingested_at", "text"],
        ExportTable.Quotes => ["date", "speaker", "text", "direct", "outlet", "url", "article", "speaker_id", "cue", "start", "end"],
        ExportTable.Events => ["date", "actor", "type", "target", "location", "article", "outlet", "sentence", "url", "start", "end"],
        ExportTable.Entities => ["date", "entity", "text", "type", "article", "outlet", "start", "end"],
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };

    /// <summary>Writes the table and returns the number of rows (the header not counted).</summary>
    public static async Task<long> WriteAsync(IArticleStore store, ExportTable table, ExportFormat format, TextWriter output, CancellationToken cancellationToken = default)
    {
        var columns = Columns(table);
        if (format == ExportFormat.Csv)
        {
            await output.WriteAsync(Csv.Row(columns)).ConfigureAwait(false);
        }

        long rows = 0;
        await foreach (var row in RowsAsync(store, table, format, cancellationToken).ConfigureAwait(false))
        {
            await output.WriteAsync(row).ConfigureAwait(false);
            rows++;
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private static async IAsyncEnumerable<string> RowsAsync(
        IArticleStore store, ExportTable table, ExportFormat format, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var columns = Columns(table);
        string Line(object?[] values) => format == ExportFormat.Csv
            ? Csv.Row(values.Select(Field))
            : JsonSerializer.Serialize(columns.Zip(values).ToDictionary(p => p.First, p => p.Second), AnalysisJson.Compact) + "\n";

        switch (table)
        {
            case ExportTable.Articles:
                await foreach (var a in store.ArticlesAsync(cancellationToken).ConfigureAwait(false))
                {
                    var s = a.Summary;
                    yield return format == ExportFormat.Jsonl
                        ? JsonSerializer.Serialize(a.Analysis, AnalysisJson.Compact) + "\n"
                        : Line([s.Id, s.Published, s.Outlet, s.Title, a.Analysis.Url ?? s.Url, s.IngestedAt, a.Analysis.Text]);
                }

                break;
            case ExportTable.Quotes:
                await foreach (var q in store.QuotesAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return Line([q.Published, q.SpeakerName ?? q.Speaker, q.Text, q.Direct, q.Outlet, q.Url, q.Article, q.Speaker, q.Cue, q.Start, q.End]);
                }

                break;
            case ExportTable.Events:
                await foreach (var e in store.EventsAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return Line([e.Date, e.Actor, e.Type, e.Target, e.Location, e.Article, e.Outlet, e.Sentence, e.Url, e.Start, e.End]);
                }

                break;
            case ExportTable.Entities:
                await foreach (var m in store.EntityMentionsAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return Line([m.Published, m.Entity, m.Text, m.Type, m.Article, m.Outlet, m.Start, m.End]);
                }

                break;
        }
    }

    /// <summary>One CSV field: dates as yyyy-MM-dd, instants as ISO 8601 UTC, booleans as true/false (pandas and R
    /// read all three), numbers in the invariant culture.</summary>
    private static string? Field(object? value) => value switch
    {
        null => null,
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
