using Permit.Domain.Identity;

namespace Permit.Domain.Tests.Identity;

public sealed class EthnicGroupTests
{
    [Fact]
    public void All_58_groups_of_GB_T_3304_are_known()
    {
        Assert.Equal(58, EthnicGroup.All.Count);
        Assert.Equal("01", EthnicGroup.All[0].Code);
        Assert.Equal("98", EthnicGroup.All[^1].Code);
    }

    [Theory]
    [InlineData("01", "汉")]
    [InlineData("05", "维吾尔")]
    [InlineData("22", "畲")]
    [InlineData("29", "柯尔克孜")]
    [InlineData("56", "基诺")]
    [InlineData("97", "其他")]
    [InlineData("98", "外国血统中国籍人士")]
    public void A_code_names_its_group(string code, string name) =>
        Assert.Equal(name, EthnicGroup.Parse(code).Name);

    [Fact]
    public void A_reader_s_single_digit_code_reads_as_two_digits() =>
        Assert.Equal(EthnicGroup.Han, EthnicGroup.Parse("1"));

    [Theory]
    [InlineData("00")]
    [InlineData("57")]
    [InlineData("96")]
    [InlineData("99")]
    [InlineData("汉")]
    [InlineData("")]
    public void Codes_outside_the_table_are_refused(string code) =>
        DomainAssert.Breaks("ethnic-group-invalid", () => EthnicGroup.Parse(code));
}
