using System.CommandLine;
using Storyline.Cli.Analysis;
using Storyline.Ingest;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline replay-corpus N [PATH] [--out FILE.jsonl]</c>: N articles of <see cref="ReplayCorpus"/> (the corpus,
/// default the BBC articles, re-dated and varied) as <c>.jsonl</c> input lines, streamed: N = 1,000,000 writes about
/// 2.3 GB without holding more than the base corpus. <c>storyline ingest FILE.jsonl</c> reads it back.
/// </summary>
internal static class ReplayCorpusCommand
{
    public static Command Create()
    {
        var count = new Argument<long>("count") { Description = "How many articles to generate (the base corpus repeats, each copy varied)." };
        var path = new Argument<string?>("path") { Description = "Base corpus folder (default the BBC corpus in ../shared).", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output." };
        var command = new Command("replay-corpus", "Generate a long replay stream of articles (.jsonl) for scale tests: a corpus re-dated and lightly varied.")
        {
            count, path, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IReadOnlyList<string> corpus = parse.GetValue(path) is { } given ? [given] : BenchCommand.DefaultCorpus();
            var articles = ArticleSource.Read(corpus, cancellationToken: cancellationToken).OfType<ArticleRead>().Select(r => r.Article).ToList();
            if (articles.Count == 0)
            {
                await Console.Error.WriteLineAsync("storyline: no base corpus: give a PATH, or run with ../shared/data/corpus/bbc-news-2225 beside the repository.");
                return 1;
            }

            var stream = ReplayCorpus.Generate(articles, Math.Max(0, parse.GetValue(count)), cancellationToken);
            if (parse.GetValue(output) is { } file)
            {
                await using var writer = new StreamWriter(file, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
                await ReplayCorpus.WriteJsonlAsync(stream, writer, cancellationToken);
            }
            else
            {
                await ReplayCorpus.WriteJsonlAsync(stream, Console.Out, cancellationToken);
            }

            return 0;
        });
        return command;
    }
}
