using Permit.Domain.Identity;

namespace Permit.Domain.Tests.Identity;

public sealed class CitizenIdNumberTests
{
    [Fact]
    public void The_standard_example_with_check_character_X_is_valid()
    {
        var number = CitizenIdNumber.Parse("53010219200508011X");

        Assert.Equal("53010219200508011X", number.Value);
        Assert.Equal(new DateOnly(1920, 5, 8), number.BirthDate);
        Assert.Equal(Sex.Male, number.Sex);
        Assert.Equal("530102", number.AddressCode.Value);
    }

    [Fact]
    public void The_same_number_with_a_wrong_check_character_is_refused() =>
        DomainAssert.Breaks(CitizenIdNumber.Errors.CheckCharacter, () => CitizenIdNumber.Parse("530102192005080119"));

    [Fact]
    public void A_lower_case_x_is_accepted_and_stored_upper_case()
    {
        Assert.True(CitizenIdNumber.TryParse("53010219200508011x", out var number));
        Assert.Equal("53010219200508011X", number.Value);
        Assert.Equal(CitizenIdNumber.Parse("53010219200508011X"), number);
    }

    [Fact]
    public void An_old_fifteen_digit_number_upgrades_by_inserting_19_and_appending_the_check_character() =>
        Assert.Equal("53010219200508011X", CitizenIdNumber.FromFifteenDigits("530102200508011").Value);

    [Fact]
    public void A_fifteen_digit_number_with_an_impossible_date_does_not_upgrade() =>
        DomainAssert.Breaks(CitizenIdNumber.Errors.BirthDate, () => CitizenIdNumber.FromFifteenDigits("330211900230123"));

    [Fact]
    public void The_30th_of_February_is_not_a_birth_date()
    {
        // 330211199002301235 carries a correct check character: only the date is wrong.
        DomainAssert.Breaks(CitizenIdNumber.Errors.BirthDate, () => CitizenIdNumber.Parse("330211199002301235"));
    }

    [Fact]
    public void The_29th_of_February_is_a_birth_date_only_in_leap_years()
    {
        Assert.False(CitizenIdNumber.TryParse("330211199002291233", out _));
        Assert.True(CitizenIdNumber.TryParse("330211199202291238", out _));
    }

    [Theory]
    [InlineData("330204198506150022")] // 江东区, merged into 鄞州/海曙 in 2016
    [InlineData("330283197001010033")] // 奉化市, now 奉化区
    public void Numbers_issued_under_abolished_region_codes_stay_valid(string value) =>
        Assert.True(CitizenIdNumber.TryParse(value, out _));

    [Theory]
    [InlineData("810000199001010019")]
    [InlineData("830000199505050018")]
    public void Hong_Kong_Macao_and_Taiwan_residents_numbers_are_valid(string value) =>
        Assert.True(CitizenIdNumber.TryParse(value, out _));

    [Fact]
    public void A_number_whose_first_two_digits_are_no_province_is_refused()
    {
        // 160102199001010010 has a correct check character; 16 is not a province.
        DomainAssert.Breaks(CitizenIdNumber.Errors.Region, () => CitizenIdNumber.Parse("160102199001010010"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("53010219200508011")]
    [InlineData("53010219200508011XX")]
    [InlineData("5301021920050801AX")]
    [InlineData("53010219200508011Y")]
    public void Anything_that_is_not_17_digits_and_a_check_character_is_a_format_error(string? value) =>
        DomainAssert.Breaks(CitizenIdNumber.Errors.Format, () => CitizenIdNumber.Parse(value));

    [Fact]
    public void A_birth_date_after_today_is_refused_where_today_is_given()
    {
        Assert.Equal(new DateOnly(1920, 5, 8), CitizenIdNumber.Parse("53010219200508011X", new DateOnly(2026, 1, 1)).BirthDate);
        DomainAssert.Breaks(CitizenIdNumber.Errors.BornInFuture, () => CitizenIdNumber.Parse("53010219200508011X", new DateOnly(1920, 5, 7)));
    }

    [Fact]
    public void An_even_sequence_code_is_a_woman() =>
        Assert.Equal(Sex.Female, CitizenIdNumber.Parse("330204198506150022").Sex);

    [Fact]
    public void Logs_and_QR_codes_see_only_the_masked_form()
    {
        var number = CitizenIdNumber.Parse("53010219200508011X");

        Assert.Equal("530102********011X", number.Masked);
        Assert.Equal(number.Masked, number.ToString());
        Assert.DoesNotContain("19200508", $"{number}", StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_never_throws_on_garbage() =>
        Assert.False(CitizenIdNumber.TryParse("not an id number", out _));

    [Fact]
    public void Errors_carry_a_stable_code_not_just_a_message()
    {
        var ex = Assert.Throws<DomainException>(() => CitizenIdNumber.Parse("530102192005080119"));
        Assert.Equal("citizen-id-check-character", ex.Code);
    }
}
