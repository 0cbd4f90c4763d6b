using System.CommandLine;
using Storyline.Training;
using Storyline.Training.Events;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline train events</c>: derives the event coder's lexicons (models/events/cues.tsv, actors.tsv,
/// plover.tsv) from the PETRARCH2 dictionaries and the CAMEO→PLOVER table in ../shared/data/events.</summary>
internal static class TrainEventsCommand
{
    private static readonly string[] Files = ["cues.tsv", "actors.tsv", "plover.tsv"];

    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "The events data folder (default ../shared/data/events)." };
        var output = new Option<string?>("--out") { Description = "Folder to write (default models/events in the repository)." };
        var command = new Command("events", "Derive the event cue, actor and PLOVER lexicons from the PETRARCH2 dictionaries.") { data, output };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(data) ?? SharedData.Data("events");
            if (folder is null || !Directory.Exists(Path.Combine(folder, "petrarch2-dictionaries")))
            {
                Console.Error.WriteLine("train events: ../shared/data/events not found; pass --data.");
                return 2;
            }

            var target = parse.GetValue(output) ?? RepositoryPath("models", "events");
            EventLexiconBuilder.Build(folder, target);
            foreach (var file in Files)
            {
                var path = Path.Combine(target, file);
                Console.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1024.0:F0} KB, {File.ReadLines(path).Count(l => !l.StartsWith('#')):N0} entries)");
            }

            return 0;
        });
        return command;
    }

    /// <summary>A path under the repository root: the nearest ancestor of the current directory holding Storyline.slnx.</summary>
    internal static string RepositoryPath(params string[] parts)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Storyline.slnx")))
            {
                return Path.Combine([dir.FullName, .. parts]);
            }
        }

        return Path.Combine([Directory.GetCurrentDirectory(), .. parts]);
    }
}
