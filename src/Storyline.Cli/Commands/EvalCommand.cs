using System.CommandLine;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline eval …</c>: quality on the annotated data in ../shared/data, one subcommand per extractor.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var eval = new Command("eval", "Score an extractor on annotated data (../shared/data by default).");
        eval.Subcommands.Add(EvalSentencesCommand.Create());
        eval.Subcommands.Add(EvalExtractionCommand.Create());
        eval.Subcommands.Add(EvalTimeCommand.Create());
        eval.Subcommands.Add(EvalQuotesCommand.Create());
        eval.Subcommands.Add(EvalStoriesCommand.Create());
        eval.Subcommands.Add(EvalPosCommand.Create());
        eval.Subcommands.Add(EvalNerCommand.Create());
        eval.Subcommands.Add(EvalEntitiesCommand.Create());
        eval.Subcommands.Add(EvalEventsCommand.Create());
        return eval;
    }
}
