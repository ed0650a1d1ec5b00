using Permit.Domain.Regions;

namespace Permit.Domain.Tests.Regions;

public sealed class RegionCodeTests
{
    [Fact]
    public void Zhenhai_is_known_by_name() =>
        Assert.Equal("镇海区", RegionCode.Parse("330211").KnownName);

    [Theory]
    [InlineData("330204", "江东区")]
    [InlineData("330283", "奉化市")]
    public void Abolished_Ningbo_codes_are_valid_and_marked_abolished(string code, string name)
    {
        var region = RegionCode.Parse(code);

        Assert.True(region.IsAbolished);
        Assert.Equal(name, region.KnownName);
    }

    [Fact]
    public void A_code_outside_the_tables_is_valid_but_unnamed()
    {
        var hangzhou = RegionCode.Parse("330106");

        Assert.Null(hangzhou.KnownName);
        Assert.False(hangzhou.IsAbolished);
        Assert.Equal(33, hangzhou.ProvinceCode);
    }

    [Fact]
    public void The_Ningbo_table_lists_ten_current_and_two_abolished_counties()
    {
        var counties = KnownRegions.Ningbo.Where(r => r.Code != KnownRegions.NingboCode).ToList();

        Assert.Equal(10, counties.Count(r => !r.IsAbolished));
        Assert.Equal(["330204", "330283"], counties.Where(r => r.IsAbolished).Select(r => r.Code));
    }

    [Theory]
    [InlineData("000000")]
    [InlineData("990000")]
    [InlineData("160102")]
    [InlineData("33021")]
    [InlineData("3302110")]
    [InlineData("33021a")]
    [InlineData(null)]
    public void Malformed_codes_and_unknown_provinces_are_refused(string? code) =>
        DomainAssert.Breaks("region-code-invalid", () => RegionCode.Parse(code));

    [Fact]
    public void Region_codes_compare_by_value() =>
        Assert.Equal(RegionCode.Zhenhai, RegionCode.Parse("330211"));
}
