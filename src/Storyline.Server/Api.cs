using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Storyline.Output;
using Storyline.Storage;

namespace Storyline.Server;

public sealed record ErrorJson(string Error);

/// <param name="Attributions">Who said each quote, as the stories resolve it across articles (the per-article analysis
/// often leaves the speaker empty).</param>
public sealed record ArticleDetailJson(ArticleSummary Summary, ArticleJson Analysis, IReadOnlyList<StoryRefJson> Stories, IReadOnlyList<AttributionJson> Attributions);

public sealed record AttributionJson(int Start, int End, string Speaker, string? SpeakerName, int Sources);

public sealed record StoryRefJson(string Id, string Title);

public sealed record StorySummaryJson(string Id, string Title, IReadOnlyList<string> Outlets, int Articles, string? Start, string? End, int Statements);

public sealed record EntitySummaryJson(string Id, string Name, string Type, int Mentions, int Articles);

public sealed record EntityDetailJson(EntitySummaryJson Entity, IReadOnlyList<EntityMentionRow> Mentions, IReadOnlyList<QuoteRow> Quotes, IReadOnlyList<StoryRefJson> Stories);

public sealed record SearchHitJson(ArticleSummary Article, string Snippet, IReadOnlyList<SnippetPartJson> Parts, double Score);

public sealed record SnippetPartJson(string Text, bool Match);

/// <summary>The JSON routes. Reads are open; POST /api/ingest needs the bearer token given at start.</summary>
internal static class Api
{
    private const int MaxLimit = 500;

    public static void Map(WebApplication app, ServerOptions options)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/articles", async (IArticleStore store, int? limit, int? offset, CancellationToken ct) =>
            Results.Ok(await store.ListAsync(Limit(limit, 50), Math.Max(0, offset ?? 0), ct)))
            .WithSummary("Stored articles, latest first.");

        api.MapGet("/articles/{id}", async (string id, IArticleStore store, StoryCache stories, CancellationToken ct) =>
        {
            var stored = await store.GetAsync(id, ct);
            if (stored is null)
            {
                return NotFound($"no article '{id}'");
            }

            List<StoryJson> containing = await stories.StoryOfAsync(stored.Summary.Id, ct) is { } story ? [story] : [];
            var attributions = containing.SelectMany(s => s.Statements)
                .SelectMany(x => x.Quotes.Where(q => q.Article == stored.Summary.Id).Select(q => new AttributionJson(q.Start, q.End, x.Speaker, x.SpeakerName, x.Sources)))
                .ToList();
            return Results.Ok(new ArticleDetailJson(stored.Summary, stored.Analysis, [.. containing.Select(s => new StoryRefJson(s.Id, s.Title))], attributions));
        }).WithSummary("One article with its analysis (OUTPUT.md) and the stories it is in.");

        api.MapGet("/stories", async (StoryCache stories, CancellationToken ct) =>
            Results.Ok((await stories.StoriesAsync(ct)).Select(s => new StorySummaryJson(s.Id, s.Title, s.Outlets, s.Articles.Count, s.Start, s.End, s.Statements.Count))))
            .WithSummary("Every story, latest first (the store keeps which articles form each; a story's content is rebuilt when it gains articles).");

        api.MapGet("/stories/{id}", async (string id, StoryCache stories, IArticleStore store, CancellationToken ct) =>
        {
            var story = await stories.StoryAsync(id, ct);
            if (story is null)
            {
                return NotFound($"no story '{id}'");
            }

            var articles = new List<ArticleSummary>();
            foreach (var articleId in story.Articles)
            {
                if (await store.GetAsync(articleId, ct) is { } stored)
                {
                    articles.Add(stored.Summary);
                }
            }

            return Results.Ok(new { story, articles });
        }).WithSummary("One story (OUTPUT.md) with the summaries of its articles.");

        api.MapGet("/entities", async (IArticleStore store, StoryCache stories, int? limit, CancellationToken ct) =>
            Results.Ok((await Entities(store, await stories.StoriesAsync(ct), ct)).Take(Limit(limit, 200))))
            .WithSummary("Entities across the store, most mentioned first.");

        api.MapGet("/entities/{id}", async (string id, IArticleStore store, StoryCache stories, CancellationToken ct) =>
        {
            var all = await stories.StoriesAsync(ct);
            var entity = (await Entities(store, all, ct)).FirstOrDefault(e => e.Id == id);
            if (entity is null)
            {
                return NotFound($"no entity '{id}'");
            }

            var mentions = new List<EntityMentionRow>();
            await foreach (var m in store.EntityMentionsAsync(ct))
            {
                if (m.Entity == id && mentions.Count < MaxLimit)
                {
                    mentions.Add(m);
                }
            }

            var quotes = new List<QuoteRow>();
            await foreach (var q in store.QuotesAsync(ct))
            {
                if (q.Speaker == id && quotes.Count < MaxLimit)
                {
                    quotes.Add(q);
                }
            }

            // The story step attributes quotes the per-article analysis leaves without a speaker (it resolves names
            // across the story's articles), so its statements are the entity's quotes too.
            var inStories = all.Where(s => s.Statements.Any(x => x.Speaker == id) || s.Entities.Any(e => e.Entity == id)).ToList();
            foreach (var statement in inStories.SelectMany(s => s.Statements).Where(x => x.Speaker == id))
            {
                foreach (var q in statement.Quotes.Where(q => !quotes.Any(k => k.Article == q.Article && k.Start == q.Start)))
                {
                    quotes.Add(new QuoteRow(q.Article, null, q.Outlet, null, q.Start, q.End, q.Text, q.Direct ?? true, id, statement.SpeakerName, null));
                }
            }

            var articles = mentions.Select(m => m.Article).ToHashSet(StringComparer.Ordinal);
            var within = all.Where(s => inStories.Contains(s) || s.Articles.Any(articles.Contains)).Select(s => new StoryRefJson(s.Id, s.Title)).ToList();
            return Results.Ok(new EntityDetailJson(entity, mentions, quotes, within));
        }).WithSummary("One entity: its mentions, the quotes it is the speaker of, and its stories.");

        api.MapGet("/quotes", async (IArticleStore store, string? speaker, int? limit, CancellationToken ct) =>
        {
            var max = Limit(limit, 200);
            var quotes = new List<QuoteRow>();
            await foreach (var q in store.QuotesAsync(ct))
            {
                if (speaker is null || q.Speaker == speaker)
                {
                    quotes.Add(q);
                    if (quotes.Count == max)
                    {
                        break;
                    }
                }
            }

            return Results.Ok(quotes);
        }).WithSummary("Quotes in ingest order; ?speaker=ENTITY for one speaker's.");

        api.MapGet("/search", async (IArticleStore store, string? q, int? limit, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(q))
            {
                return Results.BadRequest(new ErrorJson("?q= is required: words, \"quoted phrases\", or, -excluded."));
            }

            var hits = await store.SearchAsync(q, Limit(limit, 50), ct);
            return Results.Ok(hits.Select(h => new SearchHitJson(h.Article, h.Snippet,
                [.. Snippets.Parts(h.Snippet).Select(p => new SnippetPartJson(p.Text, p.Match))], h.Score)));
        }).WithSummary("Full-text search, best first, with snippets split into plain and matching parts.");

        api.MapPost("/ingest", async (HttpContext context, WebIngest ingest, CancellationToken ct) =>
        {
            if (options.Token is null)
            {
                return Results.Json(new ErrorJson("this server is read-only: start it with 'storyline serve --token T' to accept articles."), statusCode: StatusCodes.Status403Forbidden);
            }

            if (!StorylineServer.Authorized(context.Request.Headers.Authorization, options.Token))
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return Results.Json(new ErrorJson("missing or wrong bearer token: send 'Authorization: Bearer T' with the token the server was started with."), statusCode: StatusCodes.Status401Unauthorized);
            }

            List<IngestArticle> posted;
            try
            {
                posted = await ReadArticles(context.Request, ct);
            }
            catch (BadHttpRequestException ex)
            {
                return Results.Json(new ErrorJson(ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? $"request body larger than {options.MaxRequestBytes} bytes; post fewer or shorter articles per request."
                    : ex.Message), statusCode: ex.StatusCode);
            }
            catch (JsonException ex)
            {
                return Results.BadRequest(new ErrorJson($"malformed JSON: {ex.Message}"));
            }

            if (posted.Count == 0 || posted.Count > options.MaxArticlesPerRequest)
            {
                return Results.BadRequest(new ErrorJson($"post one article object, or an array of 1 to {options.MaxArticlesPerRequest}."));
            }

            var problems = posted.Select((a, i) => WebIngest.Problem(a) is { } p ? $"article {i}: {p}" : null).OfType<string>().ToList();
            if (problems.Count > 0)
            {
                return Results.BadRequest(new ErrorJson(string.Join(" ", problems)));
            }

            var results = new List<IngestResult>();
            foreach (var article in posted)
            {
                results.Add(await ingest.IngestAsync(article, ct));
            }

            return Results.Ok(results);
        }).WithSummary("Analyse and store articles (JSON: {text, title, url, outlet, published, author} or an array). Needs 'Authorization: Bearer T'.");
    }

    private static async Task<List<IngestArticle>> ReadArticles(HttpRequest request, CancellationToken ct)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        return document.RootElement.ValueKind switch
        {
            JsonValueKind.Array => document.RootElement.Deserialize<List<IngestArticle>>(json) ?? [],
            JsonValueKind.Object => [document.RootElement.Deserialize<IngestArticle>(json)!],
            _ => throw new JsonException("expected an object or an array of objects"),
        };
    }

    /// <summary>Entities from the stored mentions (when the pipeline has an entity stage) and from the stories (the
    /// speakers and labelled people they resolve), most mentioned first.</summary>
    private static async Task<List<EntitySummaryJson>> Entities(IArticleStore store, IReadOnlyList<StoryJson> stories, CancellationToken ct)
    {
        var byEntity = new Dictionary<string, (Dictionary<string, int> Names, string Type, int Mentions, HashSet<string> Articles)>(StringComparer.Ordinal);
        void Add(string entity, string name, string type, string article)
        {
            if (!byEntity.TryGetValue(entity, out var e))
            {
                e = (new Dictionary<string, int>(StringComparer.Ordinal), type, 0, new HashSet<string>(StringComparer.Ordinal));
            }

            e.Names[name] = e.Names.GetValueOrDefault(name) + 1;
            e.Articles.Add(article);
            byEntity[entity] = e with { Mentions = e.Mentions + 1, Type = e.Type.Length > 0 ? e.Type : type };
        }

        await foreach (var m in store.EntityMentionsAsync(ct))
        {
            Add(m.Entity, m.Text, m.Type, m.Article);
        }

        if (byEntity.Count == 0)
        {
            foreach (var story in stories)
            {
                foreach (var statement in story.Statements)
                {
                    foreach (var q in statement.Quotes)
                    {
                        Add(statement.Speaker, statement.SpeakerName ?? statement.Speaker, "", q.Article);
                    }
                }

                foreach (var entity in story.Entities)
                {
                    foreach (var label in entity.Descriptors)
                    {
                        Add(entity.Entity, entity.Name, "", label.Article);
                    }
                }
            }
        }

        // The longest of the most frequent surface forms names the entity ("Dmitry Peskov" over "Peskov" on a tie).
        return [.. byEntity.Select(p => new EntitySummaryJson(
                p.Key,
                p.Value.Names.OrderByDescending(n => n.Value).ThenByDescending(n => n.Key.Length).ThenBy(n => n.Key, StringComparer.Ordinal).First().Key,
                p.Value.Type, p.Value.Mentions, p.Value.Articles.Count))
            .OrderByDescending(e => e.Mentions).ThenBy(e => e.Name, StringComparer.Ordinal)];
    }

    private static int Limit(int? limit, int fallback) => Math.Clamp(limit ?? fallback, 1, MaxLimit);

    private static IResult NotFound(string message) => Results.NotFound(new ErrorJson(message));
}
