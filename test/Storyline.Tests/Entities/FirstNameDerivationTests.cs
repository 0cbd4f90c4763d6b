using Storyline.Testing;
using Storyline.Training.Entities;
using Storyline.Training.Evaluation;

namespace Storyline.Tests.Entities;

public sealed class FirstNameDerivationTests
{
    [SkippableFact]
    public void The_committed_first_name_list_is_what_the_trainer_derives_from_GUM_train()
    {
        var gum = TestData.Require("data/entities/gum");
        var derived = FirstNameDerivation.Derive(EntityIdentityEvaluation.TrainDocuments(gum));

        using var stream = typeof(Storyline.Entities.PronounLinker).Assembly.GetManifestResourceStream("Storyline.Entities.first-names.tsv")!;
        using var reader = new StreamReader(stream);
        var committed = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                committed.Add(line);
            }
        }

        Assert.Equal(committed, derived.Select(p => p.Key + "\t" + p.Value));
        Assert.Contains("Genevieve", derived.Keys);
        Assert.DoesNotContain("President", derived.Keys);
    }
}
