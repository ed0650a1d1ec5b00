using Permit.Domain.Permits;

namespace Permit.Domain.Tests.Permits;

public sealed class EndorsementTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void A_new_permit_is_valid_for_one_year_less_a_day()
    {
        var permit = new PermitBuilder().IssuedOn(D(2025, 9, 20)).Build();

        Assert.Equal(D(2026, 9, 19), permit.ValidUntil);
        Assert.Equal(new EndorsementWindow(D(2026, 8, 20), D(2026, 9, 19)), permit.EndorsementWindow);
    }

    [Fact]
    public void The_day_before_the_window_opens_is_refused_and_the_refusal_names_the_window()
    {
        var permit = new PermitBuilder().IssuedOn(D(2025, 9, 20)).Build();

        var ex = DomainAssert.Breaks("endorsement-outside-window", () => permit.Endorse(D(2026, 8, 19), holderStillQualifies: true));

        Assert.Contains("2026-08-20", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2026-09-19", ex.Message, StringComparison.Ordinal);
        Assert.Equal("2026-08-20", ex.Details["windowOpens"]);
        Assert.Equal("2026-09-19", ex.Details["windowCloses"]);
        Assert.Empty(permit.Endorsements);
    }

    [Fact]
    public void Endorsing_on_the_opening_day_extends_validity_by_a_year()
    {
        var permit = new PermitBuilder().IssuedOn(D(2025, 9, 20)).Build();

        var endorsement = permit.Endorse(D(2026, 8, 20), holderStillQualifies: true);

        Assert.Equal(D(2027, 9, 19), permit.ValidUntil);
        Assert.Equal(1, endorsement.Sequence);
        Assert.Equal(D(2026, 9, 19), endorsement.PreviousValidUntil);
        Assert.False(endorsement.IsLate);
    }

    [Fact]
    public void Endorsing_on_the_last_valid_day_is_accepted()
    {
        var permit = new PermitBuilder().IssuedOn(D(2025, 9, 20)).Build();

        permit.Endorse(D(2026, 9, 19), holderStillQualifies: true);

        Assert.Equal(D(2027, 9, 19), permit.ValidUntil);
    }

    [Fact]
    public void The_day_after_validity_ends_is_refused()
    {
        var permit = new PermitBuilder().IssuedOn(D(2025, 9, 20)).Build();

        DomainAssert.Breaks("endorsement-outside-window", () => permit.Endorse(D(2026, 9, 20), holderStillQualifies: true));
    }

    [Fact]
    public void A_second_endorsement_in_the_same_window_is_refused()
    {
        var permit = new PermitBuilder().IssuedOn(D(2025, 9, 20)).Build();
        permit.Endorse(D(2026, 9, 1), true);

        // The next window is a year away; a double endorsement cannot buy two years.
        DomainAssert.Breaks("endorsement-outside-window", () => permit.Endorse(D(2026, 9, 2), true));
    }

    [Fact]
    public void A_holder_who_no_longer_qualifies_is_refused_the_endorsement()
    {
        var permit = new PermitBuilder().IssuedOn(D(2025, 9, 20)).Build();

        DomainAssert.Breaks("endorsement-conditions-not-met", () => permit.Endorse(D(2026, 9, 1), holderStillQualifies: false));
        Assert.Equal(D(2026, 9, 19), permit.ValidUntil);
    }

    [Fact]
    public void A_permit_issued_on_29_February_has_its_window_around_28_February_in_common_years()
    {
        var permit = new PermitBuilder().IssuedOn(D(2024, 2, 29)).Build();

        // Anniversary 2025-02-28 (no 29th), so valid until the 27th and the window opens on 28 January.
        Assert.Equal(D(2025, 2, 27), permit.ValidUntil);
        Assert.Equal(new EndorsementWindow(D(2025, 1, 28), D(2025, 2, 27)), permit.EndorsementWindow);
        DomainAssert.Breaks("endorsement-outside-window", () => permit.Endorse(D(2025, 1, 27), true));
        DomainAssert.Breaks("endorsement-outside-window", () => permit.Endorse(D(2025, 2, 28), true));
        permit.Endorse(D(2025, 1, 28), true);
        Assert.Equal(D(2026, 2, 27), permit.ValidUntil);
    }

    [Fact]
    public void A_permit_issued_on_29_February_returns_to_29_February_in_the_next_leap_year()
    {
        var permit = new PermitBuilder().IssuedOn(D(2024, 2, 29)).Build();

        permit.Endorse(D(2025, 2, 27), true);
        permit.Endorse(D(2026, 2, 27), true);
        permit.Endorse(D(2027, 2, 27), true);

        // Computed as 2024-02-29 + 4 years, not by adding a year to 2027-02-28.
        Assert.Equal(D(2028, 2, 28), permit.ValidUntil);
        Assert.Equal(new EndorsementWindow(D(2028, 1, 29), D(2028, 2, 28)), permit.EndorsementWindow);
        permit.Endorse(D(2028, 2, 28), true);
        Assert.Equal(D(2029, 2, 27), permit.ValidUntil);
    }

    [Fact]
    public void An_anniversary_on_31_March_opens_the_window_on_the_last_day_of_February()
    {
        var permit = new PermitBuilder().IssuedOn(D(2025, 3, 31)).Build();

        Assert.Equal(D(2026, 3, 30), permit.ValidUntil);
        DomainAssert.Breaks("endorsement-outside-window", () => permit.Endorse(D(2026, 2, 27), true));
        permit.Endorse(D(2026, 2, 28), true);

        Assert.Equal(D(2027, 3, 30), permit.ValidUntil);
        permit.Endorse(D(2027, 2, 28), true);

        // 2028 is a leap year: the window opens on 29 February, not the 28th.
        Assert.Equal(D(2028, 3, 30), permit.ValidUntil);
        DomainAssert.Breaks("endorsement-outside-window", () => permit.Endorse(D(2028, 2, 28), true));
        permit.Endorse(D(2028, 2, 29), true);
        Assert.Equal(D(2029, 3, 30), permit.ValidUntil);
    }

    [Theory]
    [InlineData("2025-01-31", "2026-01-30", "2025-12-31")]
    [InlineData("2025-05-31", "2026-05-30", "2026-04-30")]
    [InlineData("2025-04-30", "2026-04-29", "2026-03-30")]
    [InlineData("2025-03-01", "2026-02-28", "2026-02-01")]
    [InlineData("2027-03-01", "2028-02-29", "2028-02-01")]
    [InlineData("2025-12-31", "2026-12-30", "2026-11-30")]
    public void Month_end_anchors_give_the_expected_validity_and_window(string issued, string validUntil, string opens)
    {
        var permit = new PermitBuilder().IssuedOn(DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture)).Build();

        Assert.Equal(DateOnly.Parse(validUntil, System.Globalization.CultureInfo.InvariantCulture), permit.ValidUntil);
        Assert.Equal(DateOnly.Parse(opens, System.Globalization.CultureInfo.InvariantCulture), permit.EndorsementWindow.Opens);
    }

    [Fact]
    public void The_windows_open_on_a_day_are_exactly_those_closing_between_that_day_and_its_latest_closing()
    {
        // Every day of a leap year and a common year, month ends included, against every nearby closing day.
        for (var day = D(2027, 12, 1); day <= D(2029, 3, 31); day = day.AddDays(1))
        {
            var latest = EndorsementWindow.LatestClosingOpenOn(day);
            for (var validUntil = day.AddDays(-3); validUntil <= day.AddDays(40); validUntil = validUntil.AddDays(1))
                Assert.True(EndorsementWindow.EndingOn(validUntil).Contains(day) == (day <= validUntil && validUntil <= latest), $"{day:yyyy-MM-dd}, valid until {validUntil:yyyy-MM-dd}");
        }

        Assert.Equal(D(2029, 3, 30), EndorsementWindow.LatestClosingOpenOn(D(2029, 2, 28)));
    }
}
