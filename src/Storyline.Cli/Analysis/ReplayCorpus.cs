using System.Globalization;
using Storyline.Text;

namespace Storyline.Cli.Analysis;

/// <summary>
/// A long, realistic article stream for scale tests (issue 8: "the 1M-article replay"): a corpus of real articles
/// (the 2,225 BBC texts) repeated, each copy re-dated and lightly varied so that no copy is a duplicate of another and
/// copies of one article do not all fall on one day. Generated lazily: the stream holds only the base corpus,
/// whatever its length.
/// </summary>
public static class ReplayCorpus
{
    /// <summary>Copies per day: 1M articles span about 14 years, a plausible archive.</summary>
    private const int ArticlesPerDay = 200;

    private static readonly DateOnly FirstDay = new(2004, 1, 1);

    public static IEnumerable<Article> Generate(IReadOnlyList<Article> corpus, long count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        if (corpus.Count == 0)
        {
            yield break;
        }

        for (long i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Variant(corpus[(int)(i % corpus.Count)], i, corpus.Count);
        }
    }

    /// <summary>
    /// Copy number <paramref name="i"/>: the first round is the corpus itself; in round r every 7th space-separated
    /// word (from offset r mod 7, never one holding a line break, so paragraphs stay) is replaced by a number unique to
    /// the round. Dated <see cref="ArticlesPerDay"/> copies a day from 2004-01-01, as metadata.
    /// </summary>
    public static Article Variant(Article article, long i, int corpusSize)
    {
        ArgumentNullException.ThrowIfNull(article);
        var round = i / corpusSize;
        var text = article.Text;
        var ignored = article.Ignored;
        if (round > 0)
        {
            var words = text.Split(' ');
            for (var w = (int)(round % 7); w < words.Length; w += 7)
            {
                if (words[w].Length > 0 && !words[w].Contains('\n', StringComparison.Ordinal))
                {
                    words[w] = (round * 31 + w).ToString(CultureInfo.InvariantCulture);
                }
            }

            text = string.Join(' ', words);
            ignored = []; // the offsets moved; the BBC texts carry no headers or boilerplate anyway
        }

        var id = "replay-" + i.ToString("D7", CultureInfo.InvariantCulture);
        return article with
        {
            Id = id,
            Text = text,
            Ignored = ignored,
            Metadata = article.Metadata with
            {
                Source = "replay:" + i.ToString(CultureInfo.InvariantCulture),
                Published = FirstDay.AddDays((int)(i / ArticlesPerDay)),
                PublishedFrom = PublishedFrom.Metadata,
            },
        };
    }

    /// <summary>The stream as analysis input lines (<c>.jsonl</c>: id, text, title, published, outlet), written as
    /// generated.</summary>
    public static async Task WriteJsonlAsync(IEnumerable<Article> articles, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var article in articles)
        {
            var json = System.Text.Json.JsonSerializer.Serialize(new ReplayLine(
                article.Id, article.Text, article.Metadata.Title, article.Metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), article.Metadata.Outlet),
                ReplayJson.Default.ReplayLine);
            await output.WriteLineAsync(json.AsMemory(), cancellationToken);
        }
    }
}

/// <summary>One <c>.jsonl</c> input line (OUTPUT.md's input form).</summary>
public sealed record ReplayLine(string Id, string Text, string? Title, string? Published, string? Outlet);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(
    PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
[System.Text.Json.Serialization.JsonSerializable(typeof(ReplayLine))]
internal sealed partial class ReplayJson : System.Text.Json.Serialization.JsonSerializerContext;
