using System.CommandLine;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline eval …</c>: quality on the annotated data in ../shared/data, one subcommand per extractor.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var eval = new Command("eval", "Score an extractor on annotated data (../shared/data by default).")
        {
            EvalPosCommand.Create(),
            EvalNerCommand.Create(),
        };
        return eval;
    }
}
