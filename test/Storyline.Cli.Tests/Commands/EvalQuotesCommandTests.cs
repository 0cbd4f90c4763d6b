namespace Storyline.Cli.Tests.Commands;

public class EvalQuotesCommandTests
{
    [Theory]
    [InlineData("eval quotes")]
    [InlineData("eval quotes /data/polnear --split train --errors 3")]
    public void Parses_eval_quotes_with_its_options(string line)
    {
        Assert.Empty(Program.BuildRoot().Parse(line).Errors);
    }

    [Fact]
    public void Refuses_a_split_that_is_not_dev_or_train()
    {
        Assert.NotEmpty(Program.BuildRoot().Parse("eval quotes --split test").Errors);
    }

    [Fact]
    public void Fails_when_the_folder_has_no_data()
    {
        Assert.Equal(1, Program.BuildRoot().Parse("eval quotes /nonexistent/polnear").Invoke());
    }
}
