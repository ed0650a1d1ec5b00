using Permit.Domain.Permits;
using Permit.Domain.Regions;

namespace Permit.Domain.Tests.Permits;

public sealed class PermitNumberTests
{
    [Fact]
    public void Zhenhai_s_first_permit_of_2026_gets_check_character_5()
    {
        // S = 3·7+3·9+0·10+2·5+1·8+1·4+2·2+0·1+2·6+6·3+0+0+0+0+0+0+1·2 = 106; 106 mod 11 = 7 → '5'.
        var number = PermitNumber.Create(RegionCode.Zhenhai, 2026, 1);

        Assert.Equal("330211202600000015", number.Value);
        Assert.Equal('5', number.CheckCharacter);
    }

    [Fact]
    public void A_check_value_of_ten_is_written_X() =>
        Assert.Equal("33021120260000004X", PermitNumber.Create(RegionCode.Zhenhai, 2026, 4).Value);

    [Fact]
    public void A_number_parses_back_into_region_year_and_serial()
    {
        var number = PermitNumber.Parse("33021120260000004x");

        Assert.Equal("33021120260000004X", number.Value);
        Assert.Equal(RegionCode.Zhenhai, number.IssuingRegion);
        Assert.Equal(2026, number.Year);
        Assert.Equal(4, number.Serial);
        Assert.Equal(PermitNumber.Create(RegionCode.Zhenhai, 2026, 4), number);
    }

    [Theory]
    [InlineData("330211202600000016")]
    [InlineData("330211202600000014")]
    [InlineData("330211202600000010")]
    [InlineData("33021120260000001X")]
    public void A_wrong_check_character_is_refused(string value) =>
        DomainAssert.Breaks("permit-number-check-character", () => PermitNumber.Parse(value));

    [Theory]
    [InlineData(0)]
    [InlineData(10_000_000)]
    public void Serials_outside_seven_digits_are_refused(int serial) =>
        DomainAssert.Breaks("permit-number-serial", () => PermitNumber.Create(RegionCode.Zhenhai, 2026, serial));

    [Fact]
    public void The_largest_serial_fits() =>
        Assert.Equal(9_999_999, PermitNumber.Create(RegionCode.Zhenhai, 2026, 9_999_999).Serial);

    [Theory]
    [InlineData("33021120260000001")]
    [InlineData("3302112026000000155")]
    [InlineData("33021120260000A015")]
    public void Malformed_numbers_are_refused(string value) =>
        DomainAssert.Breaks("permit-number-format", () => PermitNumber.Parse(value));

    [Fact]
    public void A_number_from_no_real_region_is_refused() =>
        Assert.False(PermitNumber.TryParse("990211202600000015", out _));
}
