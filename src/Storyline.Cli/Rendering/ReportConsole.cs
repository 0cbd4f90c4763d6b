using Spectre.Console;

namespace Storyline.Cli.Rendering;

/// <summary>The console every report is written to.</summary>
internal static class ReportConsole
{
    /// <summary>Output that is a file or a pipe gets no colour or ANSI codes, and a fixed width: a file has none, and
    /// Spectre's default of 80 columns would fold every table row.</summary>
    public static IAnsiConsole For(TextWriter output)
    {
        var redirected = !ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = 140;
        }

        return console;
    }
}
