using Permit.Domain.Regions;

namespace Permit.Domain.Tests.Regions;

public sealed class CommunityCodeTests
{
    [Fact]
    public void Zhongjie_community_lies_in_Luotuo_subdistrict_of_Zhenhai()
    {
        var code = CommunityCode.Parse("330211003001");

        Assert.Equal("中街社区", code.KnownName);
        Assert.Equal("骆驼街道", code.TownshipName);
        Assert.Equal(RegionCode.Zhenhai, code.County);
        Assert.True(code.IsInZhenhai);
    }

    [Theory]
    [InlineData("330211001", "招宝山街道")]
    [InlineData("330211002", "蛟川街道")]
    [InlineData("330211003", "骆驼街道")]
    [InlineData("330211004", "庄市街道")]
    [InlineData("330211005", "贵驷街道")]
    [InlineData("330211100", "澥浦镇")]
    [InlineData("330211101", "九龙湖镇")]
    public void Every_Zhenhai_subdistrict_and_town_takes_communities(string township, string name) =>
        Assert.Equal(name, CommunityCode.Parse(township + "002").TownshipName);

    [Fact]
    public void A_Zhenhai_code_naming_no_subdistrict_is_refused() =>
        DomainAssert.Breaks("community-code-invalid", () => CommunityCode.Parse("330211006001"));

    [Fact]
    public void Communities_elsewhere_are_checked_only_for_their_county() =>
        Assert.False(CommunityCode.Parse("330203001002").IsInZhenhai);

    [Theory]
    [InlineData("33021100300")]
    [InlineData("3302110030011")]
    [InlineData("330211003000")]
    [InlineData("990211003001")]
    [InlineData("33021100300A")]
    public void Malformed_codes_are_refused(string code) =>
        DomainAssert.Breaks("community-code-invalid", () => CommunityCode.Parse(code));
}
