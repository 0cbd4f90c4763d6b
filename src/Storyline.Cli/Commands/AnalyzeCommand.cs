using System.CommandLine;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline analyze PATH…</c>: the main job (OUTPUT.md).</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders (read recursively, in name order).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("analyze", "Analyse articles and print a report (text), JSON or Markdown.") { paths };
        command.SetAction(_ => 0);
        return command;
    }
}
