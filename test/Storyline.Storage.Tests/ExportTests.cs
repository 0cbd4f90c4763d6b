using Storyline.Storage.Export;

namespace Storyline.Storage.Tests;

public sealed class ExportTests
{
    [Theory]
    [InlineData(new[] { "a", "b" }, "a,b\n")]
    [InlineData(new[] { "he said \"no\"", "x" }, "\"he said \"\"no\"\"\",x\n")]
    [InlineData(new[] { "one, two", "line\nbreak", "cr\rhere" }, "\"one, two\",\"line\nbreak\",\"cr\rhere\"\n")]
    [InlineData(new[] { " padded", "tail " }, "\" padded\",\"tail \"\n")]
    [InlineData(new[] { "", "ü—😀" }, ",ü—😀\n")]
    public void Csv_fields_are_quoted_exactly_when_they_need_it(string[] fields, string expected) =>
        Assert.Equal(expected, Csv.Row(fields));

    [Fact]
    public void A_null_field_is_empty() => Assert.Equal(",x\n", Csv.Row([null, "x"]));

    [Theory]
    [InlineData(ExportTable.Quotes, "date,speaker,text,direct,outlet,url")]
    [InlineData(ExportTable.Events, "date,actor,type,target,location,article,outlet,sentence")]
    public void The_columns_people_load_come_first_in_the_order_promised(ExportTable table, string prefix) =>
        Assert.StartsWith(prefix, string.Join(',', StoreExport.Columns(table)));
}
