using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Storyline.Server.BrowserTests;

/// <summary>Article text is hostile input: markup in it must show as text on every page and never run.</summary>
public class HostileTextTests
{
    private const string Hostile =
        "Officials met in Minsk on March 4, 2025. <script>window.__pwned = 'script'; document.title = 'pwned';</script> " +
        "The minister said \"talks will continue <img src=x onerror=\"window.__pwned = 'img'\"> next week\" to reporters. " +
        "<svg onload=\"window.__pwned = 'svg'\"></svg> A second round is planned in Geneva.";

    [SkippableFact]
    public async Task An_article_with_script_and_onerror_markup_is_shown_as_text_and_nothing_runs()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        await using var site = await Site.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Site.Token);
            var response = await http.PostAsJsonAsync("/api/ingest", new
            {
                text = Hostile,
                title = "<img src=x onerror=\"window.__pwned = 'title'\"> Minsk talks",
                outlet = "<script>window.__pwned = 'outlet'</script>Wire",
                published = "2025-03-04",
            });
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            var id = (await response.Content.ReadFromJsonAsync<IngestResult[]>())!.Single().Id;

            var page = await browser.NewPageAsync();
            var dialogs = new List<string>();
            page.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
            var requests = new List<string>();
            page.Request += (_, request) => requests.Add(request.Url);

            foreach (var path in new[] { "/#/", "/#/article/" + Uri.EscapeDataString(id), "/#/search?q=minister", "/#/entities" })
            {
                await page.GotoAsync(site.BaseUrl + path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await Assertions.Expect(page.Locator("#main > *").First).ToBeVisibleAsync();
                Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__pwned"));
            }

            await page.GotoAsync(site.BaseUrl + "/#/article/" + Uri.EscapeDataString(id));
            var text = page.Locator("#article-text");
            await Assertions.Expect(text).ToContainTextAsync("<script>window.__pwned = 'script';");
            await Assertions.Expect(text).ToContainTextAsync("<img src=x onerror=");
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("<img src=x onerror=");
            Assert.Equal(0, await page.Locator("#main script, #main img, #main svg[onload]").CountAsync());
            Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__pwned"));
            Assert.NotEqual("pwned", await page.TitleAsync());
            Assert.Empty(dialogs);
            // Nothing was fetched for the img's src=x.
            Assert.DoesNotContain(requests, u => u.EndsWith("/x", StringComparison.Ordinal));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.Screenshot("hostile.png") });
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
