namespace Permit.Api.Features.Points;

/// <summary>
/// A resident's current points, kept in step with the ledger (<see cref="PointsEntry"/>) so that an entitlement lookup
/// or a school allocation reads one row. Written only by the ledger: an officer's entry, a reversal, a re-review, a
/// rule-set recompute (per resident, through the domain calculator) and the monthly accrual (set-based SQL that uses the
/// columns below, which is why the row carries the birth date and the month counters).
/// </summary>
public sealed class PointsBalance
{
    private PointsBalance() { }

    internal PointsBalance(Guid residentId, DateOnly birthDate, string ruleSetVersion, DateTimeOffset computedAt)
    {
        ResidentId = residentId;
        BirthDate = birthDate;
        RuleSetVersion = ruleSetVersion;
        ComputedAt = computedAt;
    }

    public Guid ResidentId { get; private set; }

    /// <summary>
    /// The total in whole points, rounded down (29.75 → 29; −0.5 → −1): rounding down never lets a threshold pass that
    /// the exact total misses. The exact total is <see cref="TotalHundredths"/>; rank by that one.
    /// </summary>
    public int Total { get; private set; }

    /// <summary>The exact total in hundredths of a point (29.75 → 2975); rule sets only award whole hundredths.</summary>
    public int TotalHundredths { get; private set; }

    /// <summary>
    /// A "deduction and freeze" indicator (违法失信, 违法犯罪) is on record: points-based services are refused and the total
    /// does not grow. Frozen while <c>Frozen &amp;&amp; (FrozenUntil is null || today &lt;= FrozenUntil)</c>.
    /// </summary>
    public bool Frozen { get; private set; }

    /// <summary>Last day of the freeze when the officer recorded one; null while it has no end.</summary>
    public DateOnly? FrozenUntil { get; private set; }

    /// <summary>The rule set the total was computed under, <c>id@version</c> (e.g. <c>ningbo-zhenhai@1</c>).</summary>
    public string RuleSetVersion { get; private set; } = "";

    public DateTimeOffset ComputedAt { get; private set; }

    /// <summary>Copied from the resident so the accrual can score age without a join.</summary>
    public DateOnly BirthDate { get; private set; }

    /// <summary>Months of social insurance on the ledger (the <c>province.social-insurance</c> quantity).</summary>
    public int SocialInsuranceMonths { get; private set; }

    /// <summary>Months of residence on the ledger (the <c>province.residence</c> quantity).</summary>
    public int ResidenceMonths { get; private set; }

    /// <summary>
    /// Province-tier points that do not move with the calendar (education, skill and any other province line except age,
    /// social insurance and residence), each after its own cap, in hundredths. The accrual adds the moving lines to this
    /// and caps the tier.
    /// </summary>
    public int ProvinceFixedHundredths { get; private set; }

    /// <summary>The other tiers (city, district, bonus, deduction), each after its tier cap, in hundredths.</summary>
    public int OtherTiersHundredths { get; private set; }

    /// <summary>True when the freeze is in force on <paramref name="today"/>.</summary>
    public bool IsFrozenOn(DateOnly today) => Frozen && (FrozenUntil is null || today <= FrozenUntil);

    internal void Apply(BalanceFigures figures, string ruleSetVersion, DateTimeOffset computedAt)
    {
        TotalHundredths = figures.TotalHundredths;
        Total = WholePoints(figures.TotalHundredths);
        Frozen = figures.Frozen;
        FrozenUntil = figures.FrozenUntil;
        SocialInsuranceMonths = figures.SocialInsuranceMonths;
        ResidenceMonths = figures.ResidenceMonths;
        ProvinceFixedHundredths = figures.ProvinceFixedHundredths;
        OtherTiersHundredths = figures.OtherTiersHundredths;
        RuleSetVersion = ruleSetVersion;
        ComputedAt = computedAt;
    }

    internal void ChangeBirthDate(DateOnly birthDate) => BirthDate = birthDate;

    /// <summary>Rounds hundredths down to whole points, towards minus infinity.</summary>
    public static int WholePoints(int hundredths) => (int)Math.Floor(hundredths / 100m);
}

/// <summary>What the ledger computed for one resident, ready to be stored on the balance.</summary>
internal sealed record BalanceFigures(
    int TotalHundredths, bool Frozen, DateOnly? FrozenUntil, int SocialInsuranceMonths, int ResidenceMonths,
    int ProvinceFixedHundredths, int OtherTiersHundredths);
