using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Storyline.Testing;

namespace Storyline.Server.BrowserTests;

/// <summary>The JSON API over a real Kestrel on 127.0.0.1 (no browser needed).</summary>
public class ApiTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Ingest_on_a_server_started_without_a_token_is_refused_with_403_and_says_how_to_enable_it()
    {
        await using var site = await Site.StartAsync(token: null);
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "anything-at-all-here");

        var response = await http.PostAsync("/api/ingest", Json("{\"text\":\"Talks resumed in Minsk on Monday.\"}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("--token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await http.GetFromJsonAsync<JsonElement[]>("/api/articles") ?? []);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token-wrong-token")]
    [InlineData("Basic YnJvd3Nlci10ZXN0LXRva2Vu")]
    public async Task Ingest_without_the_right_bearer_token_is_401_and_stores_nothing(string? authorization)
    {
        await using var site = await Site.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = Json("{\"text\":\"Talks resumed in Minsk on Monday.\"}") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Empty(await http.GetFromJsonAsync<JsonElement[]>("/api/articles") ?? []);
    }

    [Fact]
    public async Task Ingest_with_the_token_analyses_and_stores_and_the_same_text_again_is_a_duplicate()
    {
        await using var site = await Site.StartAsync();
        using var http = Authorized(site);
        const string body = "{\"text\":\"Kremlin spokesman Dmitry Peskov said on March 5, 2025 that \\\"Minsk is our ally.\\\"\",\"outlet\":\"Wire\",\"published\":\"2025-03-05\"}";

        var first = await (await http.PostAsync("/api/ingest", Json(body))).Content.ReadFromJsonAsync<IngestResult[]>();
        var again = await (await http.PostAsync("/api/ingest", Json(body))).Content.ReadFromJsonAsync<IngestResult[]>();

        Assert.Equal("saved", Assert.Single(first!).Outcome);
        Assert.Equal("duplicate", Assert.Single(again!).Outcome);
        Assert.Equal(first![0].Id, again![0].Id);
        var article = await http.GetFromJsonAsync<JsonElement>("/api/articles/" + first[0].Id);
        Assert.Equal("Wire", article.GetProperty("analysis").GetProperty("outlet").GetString());
        Assert.NotEqual(0, article.GetProperty("analysis").GetProperty("quotes").GetArrayLength());
        Assert.NotEqual(0, article.GetProperty("analysis").GetProperty("times").GetArrayLength());
        var stories = await http.GetFromJsonAsync<JsonElement[]>("/api/stories");
        Assert.Single(stories!);
    }

    [Theory]
    [InlineData("{\"text\": \"unterminated", HttpStatusCode.BadRequest)]
    [InlineData("\"just a string\"", HttpStatusCode.BadRequest)]
    [InlineData("{\"title\":\"no text\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"Talks.\",\"published\":\"5 March\"}", HttpStatusCode.BadRequest)]
    [InlineData("[]", HttpStatusCode.BadRequest)]
    public async Task A_malformed_ingest_request_is_a_clear_400(string body, HttpStatusCode expected)
    {
        await using var site = await Site.StartAsync();
        using var http = Authorized(site);

        var response = await http.PostAsync("/api/ingest", Json(body));

        Assert.Equal(expected, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_413_and_stores_nothing()
    {
        await using var site = await Site.StartAsync(maxRequestBytes: 64 * 1024);
        using var http = Authorized(site);
        var huge = "{\"text\":\"" + new string('a', 200 * 1024) + "\"}";

        var response = await http.PostAsync("/api/ingest", Json(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await http.GetFromJsonAsync<JsonElement[]>("/api/articles") ?? []);
    }

    [Fact]
    public async Task Every_response_forbids_inline_script_and_sniffing()
    {
        await using var site = await Site.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };

        foreach (var path in new[] { "/", "/app.js", "/api/stories" })
        {
            var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("script-src 'self'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_API_route()
    {
        await using var site = await Site.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected = ["/api/articles", "/api/articles/{id}", "/api/stories", "/api/stories/{id}", "/api/entities", "/api/entities/{id}", "/api/quotes", "/api/search", "/api/ingest"];
        Assert.Empty(expected.Except(paths));
        Assert.True(document.GetProperty("paths").GetProperty("/api/ingest").TryGetProperty("post", out _));
    }

    [Fact]
    public void The_server_listens_on_loopback_unless_told_otherwise()
    {
        Assert.Equal("http://127.0.0.1:5080", ServerOptions.DefaultUrls);
    }

    [SkippableFact]
    public async Task The_seeds_read_back_as_one_story_with_Peskovs_statement_from_two_sources_and_search_hits()
    {
        await using var site = await Site.StartAsync(ingest: [[TestData.Seeds]]);
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };

        var stories = await http.GetFromJsonAsync<JsonElement[]>("/api/stories");
        var id = Assert.Single(stories!).GetProperty("id").GetString();
        var detail = await http.GetFromJsonAsync<JsonElement>("/api/stories/" + id);
        var statements = detail.GetProperty("story").GetProperty("statements").EnumerateArray();
        Assert.Contains(statements, s => s.GetProperty("speakerName").GetString() == "Dmitry Peskov" && s.GetProperty("sources").GetInt32() == 2);
        Assert.Equal(2, detail.GetProperty("articles").GetArrayLength());

        var hits = await http.GetFromJsonAsync<JsonElement[]>("/api/search?q=Lukashenko");
        Assert.Equal(2, hits!.Length);
        Assert.Contains(hits[0].GetProperty("parts").EnumerateArray(), p => p.GetProperty("match").GetBoolean());
        var peskov = await http.GetFromJsonAsync<JsonElement>("/api/entities/dmitry-peskov");
        Assert.NotEqual(0, peskov.GetProperty("quotes").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/stories/no-such-story")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/search")).StatusCode);
    }

    private static HttpClient Authorized(Site site)
    {
        var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Site.Token);
        return http;
    }
}
