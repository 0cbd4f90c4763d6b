using Storyline.Output;

namespace Storyline.Storage.Tests;

/// <summary>Analysed articles built in code, with every layer the store keeps rows for.</summary>
internal static class TestArticles
{
    public static ArticleJson Make(
        string id,
        string text,
        string? url = null,
        string? title = null,
        string? outlet = "Test Outlet",
        string? published = null,
        IReadOnlyList<IgnoredJson>? ignored = null,
        IReadOnlyList<QuoteJson>? quotes = null,
        IReadOnlyList<EventJson>? events = null,
        IReadOnlyList<EntityMentionJson>? entities = null) =>
        new(
            id, $"test/{id}.txt", outlet, title, url, Author: null, published, published is null ? null : "metadata", text,
            ignored ?? [], Sentences(text), Tokens: null, entities ?? [], Times: [], quotes ?? [], events ?? []);

    /// <summary>Sentences split at ". " — enough for rows that name their sentence.</summary>
    private static List<SpanJson> Sentences(string text)
    {
        var spans = new List<SpanJson>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '.' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                spans.Add(new SpanJson(start, i + 1));
                start = i + 2;
            }
        }

        if (start < text.Length)
        {
            spans.Add(new SpanJson(start, text.Length));
        }

        return spans;
    }

    /// <summary>A quote over the first occurrence of <paramref name="quoted"/> in <paramref name="text"/>.</summary>
    public static QuoteJson Quote(string text, string quoted, string speaker, string speakerName, bool direct = true)
    {
        var start = text.IndexOf(quoted, StringComparison.Ordinal);
        return new QuoteJson(start, start + quoted.Length, quoted, direct, speaker, speakerName, null, null, "said", "test");
    }

    public static EventJson Event(string text, string clause, string type, string? actor, string? target, string? date = null)
    {
        var start = text.IndexOf(clause, StringComparison.Ordinal);
        return new EventJson(start, start + clause.Length, clause, type, actor, target, Location: "minsk", date);
    }

    public static EntityMentionJson Mention(string text, string surface, string type, string entity)
    {
        var start = text.IndexOf(surface, StringComparison.Ordinal);
        return new EntityMentionJson(start, start + surface.Length, surface, type, entity);
    }

    /// <summary>The seed story, as an outlet might have run it.</summary>
    public const string Peskov =
        "Kremlin spokesman Dmitry Peskov said on March 5 that Minsk is the best place for talks. " +
        "\"Minsk is the best place for us. It is our main ally,\" Peskov told reporters. " +
        "Belarus offered to host the talks in Minsk.";
}
