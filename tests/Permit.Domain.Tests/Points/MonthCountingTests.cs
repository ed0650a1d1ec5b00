using Permit.Domain.Points;

namespace Permit.Domain.Tests.Points;

public class MonthCountingTests
{
    [Theory]
    [InlineData("2016-06-15", "2026-06-14", 119)]
    [InlineData("2016-06-15", "2026-06-15", 120)]
    [InlineData("2026-01-31", "2026-02-27", 0)]
    [InlineData("2026-01-31", "2026-02-28", 1)]
    [InlineData("2026-03-10", "2026-03-10", 0)]
    public void Residence_months_count_whole_calendar_months(string registered, string assessed, int expected)
    {
        Assert.Equal(expected, Ages.FullMonthsBetween(DateOnly.Parse(registered, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(assessed, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Ten_years_of_registration_reach_the_residence_cap_exactly()
    {
        var months = Ages.FullMonthsBetween(new DateOnly(2016, 6, 15), new DateOnly(2026, 6, 15));
        var profile = ProfileBuilder.Someone() with { ResidenceMonths = months };

        var line = profile.AssessedUnderDefaultRules().Line(IndicatorCodes.Residence);

        Assert.Equal(30m, line.RawPoints);
        Assert.False(line.WasCapped);
    }

    [Fact]
    public void Counting_backwards_is_refused()
    {
        Assert.Throws<DomainException>(() => Ages.FullMonthsBetween(new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1)));
    }
}
