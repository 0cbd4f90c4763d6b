using Storyline.Cli.Commands;

namespace Storyline.Cli.Tests;

public class ServeCommandTests
{
    [Fact]
    public async Task A_token_shorter_than_16_characters_is_refused_before_anything_listens()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ServeCommand.RunAsync(Path.Combine(Path.GetTempPath(), "never-created.db"), "http://127.0.0.1:0", "short", output, error, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("at least 16 characters", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task Serve_listens_on_the_given_loopback_address_and_stops_on_cancellation()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("storyline-serve-").FullName, "s.db");
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();

        var run = ServeCommand.RunAsync(db, "http://127.0.0.1:0", null, output, error, stop.Token);
        while (!output.ToString().Contains("Storyline on http://127.0.0.1:", StringComparison.Ordinal) && !run.IsCompleted)
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await run);
        Assert.Contains("read-only", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void Serve_is_a_subcommand_with_db_urls_and_token()
    {
        var serve = Program.BuildRoot().Subcommands.Single(c => c.Name == "serve");

        Assert.Equal(["--db", "--urls", "--token"], serve.Options.Select(o => o.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal) && n != "--help"));
    }
}
