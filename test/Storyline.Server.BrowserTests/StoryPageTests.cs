using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Storyline.Testing;

namespace Storyline.Server.BrowserTests;

/// <summary>The seed story in a real browser: what a journalist opens first.</summary>
public class StoryPageTests
{
    /// <summary>The seeds as 'storyline ingest ../shared/seeds --outlet "Kyiv Independent"' stores them: the Kyiv
    /// Independent text file names no outlet, the WION copy names itself in its syndication line.</summary>
    private static string[] Seeds => [TestData.Seeds, "--outlet", "Kyiv Independent"];

    [SkippableFact]
    public async Task The_seed_story_page_shows_both_outlets_Peskovs_statement_with_two_sources_and_a_timeline_and_a_quote_opens_highlighted()
    {
        var seeds = Seeds;
        var (playwright, browser) = await Browser.LaunchAsync();
        await using var site = await Site.StartAsync(ingest: [seeds]);
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);

            await page.GotoAsync(site.BaseUrl + "/");
            var story = page.Locator(".story-item h3 a").First;
            await Assertions.Expect(story).ToContainTextAsync("Minsk");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.Screenshot("stories.png"), FullPage = true });
            await story.ClickAsync();

            var outlets = page.Locator("#outlets .outlet-name");
            await Assertions.Expect(outlets).ToHaveCountAsync(2);
            Assert.Equal(["Kyiv Independent", "WION"], (await outlets.AllTextContentsAsync()).Order(StringComparer.Ordinal));

            var peskov = page.Locator(".statement").Filter(new LocatorFilterOptions { Has = page.Locator(".speaker", new PageLocatorOptions { HasTextString = "Dmitry Peskov" }) })
                .Filter(new LocatorFilterOptions { Has = page.Locator(".sources", new PageLocatorOptions { HasTextString = "2 sources" }) });
            await Assertions.Expect(peskov).ToHaveCountAsync(1);
            await Assertions.Expect(peskov.Locator(".diff ins").First).ToBeVisibleAsync();

            var timeline = page.Locator(".timeline svg");
            await Assertions.Expect(timeline).ToBeVisibleAsync();
            Assert.True(await timeline.Locator("circle.dot").CountAsync() >= 2, "the timeline has a dot per distinct date");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.Screenshot("story.png"), FullPage = true });

            var wion = peskov.Locator("a.statement-quote[data-article^='002_']");
            var quoteText = (await wion.TextContentAsync())!;
            Assert.Contains("Minsk is our ally", quoteText, StringComparison.Ordinal);
            await wion.ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(new Regex("#/article/002_[^/]+/\\d+-\\d+$"));
            var target = page.Locator("#article-text .target");
            await Assertions.Expect(target.First).ToBeInViewportAsync();
            var highlighted = string.Concat(await target.AllTextContentsAsync());
            Assert.Contains("Minsk is our ally", highlighted, StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.Screenshot("article.png") });

            Assert.Empty(errors);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    [SkippableFact]
    public async Task Search_finds_the_seed_articles_and_marks_the_matching_words()
    {
        var seeds = Seeds;
        var (playwright, browser) = await Browser.LaunchAsync();
        await using var site = await Site.StartAsync(ingest: [seeds]);
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await page.GotoAsync(site.BaseUrl + "/");
            await page.FillAsync("#search-input", "Peskov");
            await page.PressAsync("#search-input", "Enter");
            await Assertions.Expect(page.Locator("#results li")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#results mark").First).ToHaveTextAsync(new Regex("^Peskov", RegexOptions.IgnoreCase));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.Screenshot("search.png"), FullPage = true });
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
