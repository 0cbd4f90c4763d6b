using System.CommandLine;
using Storyline.Cli.Commands;

namespace Storyline.Cli;

public static class Program
{
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

    /// <summary>The whole command tree; tests parse against it too.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Storyline: news articles in, structured and cited stories out.")
        {
            AnalyzeCommand.Create(),
            EvalCommand.Create(),
            IngestCommand.Create(),
            WatchCommand.Create(),
            WorkerCommand.Create(),
            ArticlesCommand.Create(),
            StoriesCommand.CreateList(),
            StoriesCommand.CreateShow(),
            ArticleCommand.Create(),
            SearchCommand.Create(),
            ExportCommand.Create(),
            TrainCommand.Create(),
            ServeCommand.Create(),
            BenchCommand.Create(),
            BackupCommand.Create(),
            ReplayCorpusCommand.Create(),
        };
        return root;
    }
}
