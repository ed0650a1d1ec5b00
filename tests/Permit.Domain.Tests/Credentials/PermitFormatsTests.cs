using Permit.Domain.Credentials;

namespace Permit.Domain.Tests.Credentials;

public class PermitFormatsTests
{
    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("33021120260000001", '5')]
    [InlineData("33021120260000002", '3')]
    [InlineData("33020419900307123", '9')]
    public void The_check_character_is_ISO_7064_MOD_11_2_as_in_GB_11643(string digits, char check) =>
        Assert.Equal(check, PermitFormats.Mod112CheckCharacter(digits));

    [Theory]
    [InlineData("330211202600000015", true)]
    [InlineData("330211202600000016", false)]
    [InlineData("33021120260000001", false)]
    [InlineData("33021120260000001X", false)]
    [InlineData("3302112026000000１5", false)]
    [InlineData(null, false)]
    public void Permit_numbers_are_18_characters_with_a_valid_check_character(string? value, bool valid) =>
        Assert.Equal(valid, PermitFormats.CheckPermitNumber(value) is null);

    [Theory]
    [InlineData("20240229", true)]
    [InlineData("20230229", false)]
    [InlineData("2024-2-9", false)]
    [InlineData("２0240101", false)]
    public void Compact_dates_must_be_real_calendar_dates_in_ASCII_digits(string value, bool valid) =>
        Assert.Equal(valid, PermitFormats.ParseCompactDate(value) is not null);
}
