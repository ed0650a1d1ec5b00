using Permit.Domain.Identity;

namespace Permit.Domain.Tests.Identity;

public sealed class SexCodeTests
{
    [Fact]
    public void One_is_male_and_two_is_female()
    {
        Assert.Equal(Sex.Male, SexCode.Parse("1"));
        Assert.Equal(Sex.Female, SexCode.Parse("2"));
        Assert.Equal("2", Sex.Female.ToCode());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("9")]
    [InlineData("M")]
    public void Other_codes_are_refused(string code) =>
        DomainAssert.Breaks("sex-code-invalid", () => SexCode.Parse(code));
}
