using Microsoft.Playwright;

namespace Storyline.Server.BrowserTests;

/// <summary>Debian's chromium driven by Playwright (no 'playwright install': the browser comes from apt). Tests skip
/// when chromium is absent, except under CI (env CI set), where a missing browser is a failure.</summary>
internal static class Browser
{
    public static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    public static string RequireChromium()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "chromium"))
            .FirstOrDefault(File.Exists);
        if (path is null && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail("CI run without chromium: .ci/run installs it (apt-get install -y chromium).");
        }

        Skip.If(path is null, "chromium is not installed (apt-get install -y chromium); browser tests skipped.");
        return path!;
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var chromium = RequireChromium();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Args = Args, Headless = true });
        return (playwright, browser);
    }

    /// <summary>TestResults/ beside this project (git ignores it); CI keeps it as an artifact.</summary>
    public static string Screenshot(string name)
    {
        var folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "Storyline.Server.BrowserTests.csproj")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        var results = Path.Combine(folder ?? AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(results);
        return Path.Combine(results, name);
    }
}
