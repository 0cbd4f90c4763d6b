using Storyline.Events;

namespace Storyline.Tests.Events;

public class CameoPloverTests
{
    [Theory]
    [InlineData("036", "AGREE", null)]
    [InlineData("043", "CONSULT", "visit")]
    [InlineData("1622", "SANCTION", "discontinue")]
    [InlineData("154", "MOBILIZE", "troops")]
    [InlineData("120", "REJECT", null)]
    [InlineData("1041", "DEMAND", "change")]
    [InlineData("194", "FIGHT", "heavy-weapons")]
    [InlineData("191", "COERCE", "restrict")]
    [InlineData("010", "MAKE STATEMENT", null)]
    [InlineData("0231", "REQUEST", null)]
    [InlineData("174K", "COERCE", "deport")]
    public void A_CAMEO_code_maps_to_its_PLOVER_type_and_mode(string code, string type, string? mode)
    {
        var result = CameoPlover.Lookup(code);

        Assert.Equal((type, mode), result);
    }

    [Theory]
    [InlineData("010")]
    [InlineData("020")]
    [InlineData("903")]
    [InlineData("345")]
    public void Codes_the_2021_table_drops_have_no_official_type(string code) => Assert.Null(CameoPlover.Official(code));

    [Fact]
    public void Official_types_reduce_the_extensions()
    {
        Assert.Equal("REQUEST", CameoPlover.OfficialType("DEMAND"));
        Assert.Equal("ASSAULT", CameoPlover.OfficialType("FIGHT"));
        Assert.Null(CameoPlover.OfficialType("MAKE STATEMENT"));
    }
}
