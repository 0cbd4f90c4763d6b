using Spectre.Console.Testing;
using Storyline.Cli.Commands;

namespace Storyline.Cli.Tests.Commands;

public class EvalSentencesCommandTests
{
    [Fact]
    public void Parses_eval_sentences_with_its_options()
    {
        var result = Program.BuildRoot().Parse("eval sentences --ewt a.conllu --gmb b.csv --train --errors 3");
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Says_which_files_are_missing_and_fails_when_there_is_nothing_to_score()
    {
        var console = new TestConsole();
        var exit = EvalSentencesCommand.Run("/nonexistent/dev.conllu", "/nonexistent/gmb.csv", errors: 0, train: false, console);
        Assert.Equal(1, exit);
        Assert.Contains("UD EWT file not found: /nonexistent/dev.conllu", console.Output, StringComparison.Ordinal);
        Assert.Contains("GMB file not found: /nonexistent/gmb.csv", console.Output, StringComparison.Ordinal);
    }
}
