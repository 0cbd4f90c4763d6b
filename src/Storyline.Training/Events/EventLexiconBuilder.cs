using Storyline.Events;

namespace Storyline.Training.Events;

/// <summary>
/// Derives the event coder's committed lexicons (models/events/) from ../shared/data/events:
/// <c>cues.tsv</c> from the PETRARCH2 CAMEO verb dictionary, <c>actors.tsv</c> from the Phoenix actor and agent
/// dictionaries (both MIT), and <c>plover.tsv</c> from the CAMEO→PLOVER table (CC BY-SA 4.0), each with its attribution.
/// </summary>
public static class EventLexiconBuilder
{
    private const string PetrarchAttribution =
        "Source: PETRARCH2 dictionaries, github.com/openeventdata/petrarch2 commit 676801cd9cb2924bbbad09f86d15c9323e7097bf,\n" +
        "petrarch2/data/dictionaries. Copyright (c) 2015 Open Event Data Alliance. MIT License: permission is hereby granted,\n" +
        "free of charge, to deal in the Software without restriction, provided the copyright notice and this permission notice\n" +
        "are included; THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND.";

    private const string PloverAttribution =
        "# Source: CAMEO2PLOVER-2021.txt, PLOVER manual draft 0.8 (17-September-2021), edited by Philip Schrodt,\n" +
        "# github.com/openeventdata/PLOVER commit 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f. Licence: CC BY-SA 4.0\n" +
        "# (creativecommons.org/licenses/by-sa/4.0/); this derived table is shared under the same licence.\n" +
        "# M <cameo> <plover type> <mode> <context>: the table as published (used to score against PLOVER).\n" +
        "# X <cameo> <type> <mode>: Storyline's documented extensions, used for the product's events only: the table drops\n" +
        "#   CAMEO 01 (statements) and 02 (appeals) and merges 10 (demands) into REQUEST and 19 (conventional fighting) into\n" +
        "#   ASSAULT; issue 6 asks for MAKE STATEMENT, DEMAND and FIGHT, and the PLOVER reference summary\n" +
        "#   (plover_reference.html) still lists DEMAND. Appeals are requests (PLOVER 3.8: \"all requests, demands, and orders\").";

    /// <summary>Writes cues.tsv, actors.tsv and plover.tsv into <paramref name="outputFolder"/>.</summary>
    public static void Build(string eventsData, string outputFolder)
    {
        Directory.CreateDirectory(outputFolder);
        var dictionaries = Path.Combine(eventsData, "petrarch2-dictionaries");
        using (var cues = new StreamWriter(Path.Combine(outputFolder, "cues.tsv")) { NewLine = "\n" })
        {
            PetrarchVerbs.Convert(Path.Combine(dictionaries, "CAMEO.2.0.txt"), cues, PetrarchAttribution + "\nFile: CAMEO.2.0.txt (CAMEO verb patterns).");
        }

        using (var actors = new StreamWriter(Path.Combine(outputFolder, "actors.tsv")) { NewLine = "\n" })
        {
            WriteActors(actors, dictionaries, ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"], ["Phoenix.agents.txt"]);
        }

        using var plover = new StreamWriter(Path.Combine(outputFolder, "plover.tsv")) { NewLine = "\n" };
        ConvertPlover(Path.Combine(eventsData, "plover", "CAMEO2PLOVER-2021.txt"), plover);
    }

    /// <summary>The lexicons PETRARCH's unit-test records were written for (PETR.Validate.verbs/actors/agents), in
    /// memory: scoring the coder's matching on those records needs the dictionaries they assume.</summary>
    public static (CueLexicon Cues, ActorLexicon Actors) ValidationLexicons(string eventsData)
    {
        var dictionaries = Path.Combine(eventsData, "petrarch2-dictionaries");
        var cues = new StringWriter();
        PetrarchVerbs.Convert(Path.Combine(dictionaries, "PETR.Validate.verbs.txt"), cues, "PETR.Validate.verbs.txt (MIT)");
        var actors = new StringWriter();
        WriteActors(actors, dictionaries, ["PETR.Validate.actors.txt"], ["PETR.Validate.agents.txt"]);
        return (CueLexicon.Read(new StringReader(cues.ToString())), ActorLexicon.Read(new StringReader(actors.ToString())));
    }

    private static void WriteActors(TextWriter output, string folder, string[] actorFiles, string[] agentFiles)
    {
        output.WriteLine("# Storyline actor lexicon: derived by `storyline train events` (Storyline.Training.Events.PetrarchActors).");
        foreach (var line in PetrarchAttribution.Split('\n'))
        {
            output.WriteLine("# " + line);
        }

        output.WriteLine($"# Files: {string.Join(", ", actorFiles.Concat(agentFiles))}.");
        output.WriteLine("# A <name> <actor code>    G <agent words> <agent code, ~ joins it after a country code>");
        PetrarchActors.ConvertActors(actorFiles.Select(f => Path.Combine(folder, f)), output);
        PetrarchActors.ConvertAgents(agentFiles.Select(f => Path.Combine(folder, f)), output);
    }

    /// <summary>Converts CAMEO2PLOVER-2021.txt (<c>code: TYPE, mode, context # text</c>) and adds the extensions.</summary>
    public static void ConvertPlover(string path, TextWriter output)
    {
        output.WriteLine(PloverAttribution);
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !line[..colon].Trim().All(char.IsAsciiDigit))
            {
                continue;
            }

            var code = line[..colon].Trim();
            var fields = line[(colon + 1)..].Split(',').Select(f => f.Trim()).ToArray();
            var type = fields[0];
            if (type.Length == 0)
            {
                continue;
            }

            var mode = fields.Length > 1 ? fields[1] : "";
            var context = fields.Length > 2 ? string.Join(';', fields[2..]).Replace(" ", "", StringComparison.Ordinal) : "";
            output.WriteLine($"M\t{code}\t{type}\t{mode}\t{context}");
        }

        output.WriteLine("X\t01\tMAKE STATEMENT\t");
        output.WriteLine("X\t02\tREQUEST\t");
        output.WriteLine("X\t10\tDEMAND\t");
        output.WriteLine("X\t19\tFIGHT\t");
    }
}
