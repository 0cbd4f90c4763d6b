using System.CommandLine;
using Storyline.Entities;
using Storyline.Tagging;
using Storyline.Training;
using Storyline.Training.Corpora;
using Storyline.Training.Evaluation;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline eval entities</c>: B-cubed of our entity clusters against GUM's coreference chains (dev).</summary>
internal static class EvalEntitiesCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "GUM folder with splits.md and dep/ (default ../shared/data/entities/gum)." };
        var train = new Option<bool>("--train") { Description = "Score GUM's train documents (for tuning) instead of dev." };
        var command = new Command("entities", "Entity identity: B-cubed F1 on GUM dev over names, titles+names and person pronouns.") { data, train };
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetValue(data) ?? SharedData.Data("entities/gum");
            if (folder is null || !File.Exists(Path.Combine(folder, "splits.md")))
            {
                Console.Error.WriteLine("eval entities: GUM not found; pass --data or put ../shared/data beside the repository.");
                return 2;
            }

            var onTrain = parseResult.GetValue(train);
            var paths = onTrain ? EntityIdentityEvaluation.TrainDocuments(folder) : EntityIdentityEvaluation.DevDocuments(folder);
            var documents = paths.Select(GumReader.Read).ToList();
            var score = EntityIdentityEvaluation.Evaluate(documents, PosTagger.Default, EntityRecognizer.Default);
            Console.WriteLine($"GUM {(onTrain ? "train" : "dev")} ({score.Documents} documents, {score.Mentions:N0} mentions): B-cubed P {score.Precision:F3} R {score.Recall:F3} F1 {score.F1:F3}");
            return 0;
        });
        return command;
    }
}
