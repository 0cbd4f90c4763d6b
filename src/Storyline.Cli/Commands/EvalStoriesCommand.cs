using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Storyline.Stories;
using Storyline.Training;
using Storyline.Training.Evaluation;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline eval stories</c>: B-cubed P/R/F1 of incremental story clustering on ECB+ and NewsWCL50
/// (issue 6), input shuffled with a fixed seed, one set of parameters for both. Exit 0 when scored, 1 when the data
/// is not there.</summary>
internal static class EvalStoriesCommand
{
    public static Command Create()
    {
        var dir = new Argument<string?>("dir")
        {
            Description = "The folder holding ecbplus/ and newswcl50/ (default ../shared/data/stories).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed.", DefaultValueFactory = _ => StoryEvaluation.DefaultSeed };
        var orders = new Option<int>("--orders")
        {
            Description = "Also score N further shuffles (seeds seed+1…seed+N) and print the range: how much the order matters.",
            DefaultValueFactory = _ => 0,
        };
        var join = new Option<double?>("--join") { Description = "Override the join threshold (for exploring; the default is the tuned one)." };
        var merge = new Option<double?>("--merge") { Description = "Override the merge threshold." };
        var errors = new Option<int>("--errors") { Description = "Print up to N wrongly merged and N split gold clusters per corpus.", DefaultValueFactory = _ => 0 };

        var command = new Command("stories", "Story clustering on ECB+ and NewsWCL50: B-cubed P/R/F1.") { dir, seed, orders, join, merge, errors };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(dir) ?? SharedData.Data("stories");
            if (root is null || !File.Exists(Path.Combine(root, "ecbplus", "ecbplus_docs.jsonl")) || !File.Exists(Path.Combine(root, "newswcl50", "NewsWCL50.conll")))
            {
                Console.Error.WriteLine($"Story data not found at '{root ?? "../shared/data/stories"}': give the folder holding ecbplus/ and newswcl50/ as DIR.");
                return 1;
            }

            var options = new StoryOptions();
            if (parse.GetValue(join) is { } j)
            {
                options = options with { JoinThreshold = j };
            }

            if (parse.GetValue(merge) is { } m)
            {
                options = options with { MergeThreshold = m };
            }

            var corpora = new (string Name, IReadOnlyList<ClusterDocument> Documents)[]
            {
                ("ECB+", StoryEvaluation.LoadEcbPlus(Path.Combine(root, "ecbplus"))),
                ("NewsWCL50", StoryEvaluation.LoadNewsWcl50(Path.Combine(root, "newswcl50"))),
            };
            static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
            var table = new Table().Title($"Story clustering, B-cubed (shuffle seed {parse.GetValue(seed)})");
            table.AddColumns("corpus", "articles", "gold", "stories");
            table.AddColumn(new TableColumn("P").RightAligned());
            table.AddColumn(new TableColumn("R").RightAligned());
            table.AddColumn(new TableColumn("F1").RightAligned());
            table.AddColumn("F1 over other orders");
            foreach (var (name, documents) in corpora)
            {
                var s = StoryEvaluation.Evaluate(documents, options, parse.GetValue(seed));
                var spread = "";
                if (parse.GetValue(orders) is > 0 and var n)
                {
                    var others = Enumerable.Range(1, n).Select(k => StoryEvaluation.Evaluate(documents, options, parse.GetValue(seed) + k).F1).ToList();
                    spread = $"{F(others.Min())}–{F(others.Max())} (mean {F(others.Average())}, {n} orders)";
                }

                table.AddRow(name, s.Documents.ToString(), s.GoldClusters.ToString(), s.SystemClusters.ToString(), F(s.Precision), F(s.Recall), F(s.F1), spread);
            }

            AnsiConsole.Write(table);
            if (parse.GetValue(errors) is > 0 and var shown)
            {
                foreach (var (name, documents) in corpora)
                {
                    PrintErrors(name, StoryEvaluation.Shuffle(documents, parse.GetValue(seed)), options, shown);
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>Stories that mix gold clusters (wrong merges) and gold clusters spread over stories (splits), with
    /// each article's first words so a person can see why.</summary>
    private static void PrintErrors(string corpus, IReadOnlyList<ClusterDocument> documents, StoryOptions options, int shown)
    {
        var stories = StoryEvaluation.Cluster(documents, options);
        var items = documents.Select((d, i) => (Doc: d, Story: stories[i])).ToList();
        string Head(ClusterDocument d) => d.Text.Length <= 90 ? d.Text.ReplaceLineEndings(" ") : d.Text[..90].ReplaceLineEndings(" ") + "…";
        Console.WriteLine($"== {corpus}: wrong merges (stories holding several gold clusters)");
        foreach (var story in items.GroupBy(x => x.Story).Where(g => g.Select(x => x.Doc.Gold).Distinct().Count() > 1)
                     .OrderByDescending(g => g.Count()).Take(shown))
        {
            Console.WriteLine($"- story {story.Key}: {string.Join(", ", story.GroupBy(x => x.Doc.Gold).Select(g => $"{g.Key}×{g.Count()}"))}");
            foreach (var g in story.GroupBy(x => x.Doc.Gold))
            {
                Console.WriteLine($"    {g.Key}: {g.First().Doc.Id}: {Head(g.First().Doc)}");
            }
        }

        Console.WriteLine($"== {corpus}: splits (gold clusters spread over several stories)");
        foreach (var gold in items.GroupBy(x => x.Doc.Gold).Where(g => g.Select(x => x.Story).Distinct().Count() > 1)
                     .OrderByDescending(g => g.Select(x => x.Story).Distinct().Count()).Take(shown))
        {
            Console.WriteLine($"- {gold.Key}: {string.Join(", ", gold.GroupBy(x => x.Story).Select(g => $"story {g.Key}×{g.Count()}"))}");
            foreach (var g in gold.GroupBy(x => x.Story).Take(3))
            {
                Console.WriteLine($"    story {g.Key}: {g.First().Doc.Id}: {Head(g.First().Doc)}");
            }
        }
    }
}
