using System.CommandLine;
using System.Globalization;
using System.Text;
using Storyline.Training;
using Storyline.Training.Entities;
using Storyline.Training.Evaluation;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline train first-names</c>: derives src/Storyline/Entities/Data/first-names.tsv (the genders
/// PronounLinker gives first names) from GUM's train documents with <see cref="FirstNameDerivation"/>.</summary>
internal static class TrainFirstNamesCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "The GUM folder (default ../shared/data/entities/gum)." };
        var output = new Option<string?>("--out") { Description = "File to write (default src/Storyline/Entities/Data/first-names.tsv in the repository)." };
        var command = new Command("first-names", "Derive the first-name → gender list for pronoun resolution from GUM's train coreference chains.") { data, output };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(data) ?? SharedData.Data("entities/gum");
            if (folder is null || !File.Exists(Path.Combine(folder, "splits.md")))
            {
                Console.Error.WriteLine("train first-names: GUM (with splits.md and dep/*.conllu) not found; pass --data or put ../shared/data beside the repository.");
                return 2;
            }

            var files = EntityIdentityEvaluation.TrainDocuments(folder);
            var names = FirstNameDerivation.Derive(files);
            var target = parse.GetValue(output) ?? TrainEventsCommand.RepositoryPath("src", "Storyline", "Entities", "Data", "first-names.tsv");
            var text = new StringBuilder();
            text.Append("# First names and the gender of the pronouns that refer to their bearer, for PronounLinker.\n");
            text.Append("# Written by `storyline train first-names` (FirstNameDerivation) from GUM's train documents\n");
            text.Append(CultureInfo.InvariantCulture, $"# ({files.Count} files, data hash {DataHash.Of([.. files])}; github.com/amir-zeldes/gum, CC BY 4.0 annotations): a person chain\n");
            text.Append("# with more he/him/his/himself than she/her/hers/herself (or the reverse) votes its two-word proper names' first word\n");
            text.Append("# M (F); words with votes both ways, and titles and surnames-first checked by hand (FirstNameDerivation.Excluded),\n");
            text.Append("# are left out. Only names, no text of the corpus. Tab-separated: name, M|F.\n");
            foreach (var (name, gender) in names)
            {
                text.Append(name).Append('\t').Append(gender).Append('\n');
            }

            File.WriteAllText(target, text.ToString());
            Console.WriteLine($"wrote {target} ({names.Count} names: {names.Values.Count(g => g == 'M')} M, {names.Values.Count(g => g == 'F')} F)");
            return 0;
        });
        return command;
    }
}
