using System.CommandLine;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline train …</c>: builds a model or lexicon from the annotated data (../shared/data) into models/.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var train = new Command("train", "Train a model from the annotated data (../shared/data) into models/.")
        {
            TrainEventsCommand.Create(),
        };
        return train;
    }
}
