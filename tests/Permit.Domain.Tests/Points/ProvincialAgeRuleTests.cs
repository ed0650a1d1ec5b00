using Permit.Domain.Points;
using static Permit.Domain.Tests.Points.ProfileBuilder;

namespace Permit.Domain.Tests.Points;

public class ProvincialAgeRuleTests
{
    [Theory]
    [InlineData(18, 20)]
    [InlineData(39, 20)]
    [InlineData(40, 20)]
    [InlineData(41, 19)]
    [InlineData(45, 15)]
    [InlineData(54, 6)]
    [InlineData(55, 5)]
    [InlineData(58, 5)]
    [InlineData(60, 5)]
    [InlineData(61, 0)]
    [InlineData(75, 0)]
    public void Age_scores_exactly_as_the_provincial_table_says(int age, int expectedPoints)
    {
        var line = AgedOnAssessment(age).AssessedUnderDefaultRules().Line(IndicatorCodes.Age);

        Assert.Equal(age.ToString(System.Globalization.CultureInfo.InvariantCulture), line.Input);
        Assert.Equal(expectedPoints, line.Points);
    }

    [Fact]
    public void The_age_line_explains_the_band_in_chinese_and_in_machine_form()
    {
        var line = AgedOnAssessment(41).AssessedUnderDefaultRules().Line(IndicatorCodes.Age);

        Assert.Equal("年龄：41周岁（54周岁6分，每小1岁加1分），得19分", line.ExplanationZh);
        Assert.Equal("age-band(age=41;fromAge=41;toAge=54;points=6;perYearYounger=1;cap=20)", line.Explanation.ToString());
    }

    [Fact]
    public void Over_sixty_the_age_line_says_no_band_applies()
    {
        var line = AgedOnAssessment(61).AssessedUnderDefaultRules().Line(IndicatorCodes.Age);

        Assert.Equal("age-outside-bands", line.Explanation.Reason);
        Assert.Equal("年龄：61周岁，不在计分年龄段，得0分", line.ExplanationZh);
    }

    [Fact]
    public void A_person_is_a_year_older_only_from_the_birthday_itself()
    {
        var birth = new DateOnly(1985, 6, 15);

        Assert.Equal(40, Ages.FullYearsOn(birth, new DateOnly(2026, 6, 14)));
        Assert.Equal(41, Ages.FullYearsOn(birth, new DateOnly(2026, 6, 15)));
    }

    [Fact]
    public void The_day_before_the_41st_birthday_still_scores_20()
    {
        var profile = new PointsProfile { BirthDate = AssessedOn.AddYears(-41).AddDays(1) };

        Assert.Equal(20, profile.AssessedUnderDefaultRules().Line(IndicatorCodes.Age).Points);
    }

    [Theory]
    [InlineData(2025, 2, 28, 24)]
    [InlineData(2025, 3, 1, 25)]
    [InlineData(2028, 2, 28, 27)]
    [InlineData(2028, 2, 29, 28)]
    public void Someone_born_on_29_february_turns_older_on_1_march_in_common_years(int year, int month, int day, int expectedAge)
    {
        var leapling = new DateOnly(2000, 2, 29);

        Assert.Equal(expectedAge, Ages.FullYearsOn(leapling, new DateOnly(year, month, day)));
    }

    [Fact]
    public void An_assessment_before_birth_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => Ages.FullYearsOn(new DateOnly(2000, 1, 2), new DateOnly(2000, 1, 1)));

        Assert.Equal("points-profile-invalid", ex.Code);
    }
}
