using Permit.Domain.Identity;
using Permit.Domain.Regions;
using Permit.Domain.Residents;

namespace Permit.Domain.Tests.Regions;

public sealed class JurisdictionTests
{
    [Theory]
    [InlineData("330211", "镇海区")]
    [InlineData("330211003", "骆驼街道")]
    [InlineData("330211003001", "中街社区")]
    [InlineData("330212", "鄞州区")]
    public void A_district_a_subdistrict_or_a_community_is_a_jurisdiction(string code, string name) =>
        Assert.Equal(name, Jurisdiction.Parse(code).KnownName);

    [Theory]
    [InlineData("")]
    [InlineData("3302")]
    [InlineData("3302110")]
    [InlineData("330211999")]
    [InlineData("330211000")]
    [InlineData("330211003000")]
    [InlineData("990211")]
    [InlineData("33021１")]
    [InlineData("all")]
    public void Anything_else_is_refused_as_a_jurisdiction(string code) =>
        DomainAssert.Breaks("jurisdiction-invalid", () => Jurisdiction.Parse(code));

    [Fact]
    public void A_subdistrict_contains_its_communities_and_not_its_neighbours()
    {
        var luotuo = Jurisdiction.Parse("330211003");

        Assert.True(luotuo.Contains(CommunityCode.Parse("330211003001")));
        Assert.True(luotuo.Contains("330211003"));
        Assert.False(luotuo.Contains(CommunityCode.Parse("330211004001")));
        Assert.False(luotuo.Contains("330211"));
        Assert.False(luotuo.Contains((string?)null));
    }

    [Fact]
    public void A_resident_is_placed_in_the_community_they_register_in()
    {
        var resident = Resident.FromIdCard(new IdentityDetails(
            CitizenIdNumber.Parse("53010219200508011X"), "张伟", Sex.Male, EthnicGroup.Han, new DateOnly(1920, 5, 8), "云南省昆明市五华区1号"));

        Assert.Null(resident.AreaCode);
        resident.PlaceIn(Jurisdiction.Of(CommunityCode.Parse("330211003001")));
        Assert.Equal("330211003001", resident.AreaCode);
    }
}
