namespace Permit.Domain.Applications;

/// <summary>
/// Whether an applicant may get a permit (Decree 663 Art. 2): registered for at least 6 months, counted from the
/// registration date (<c>registrationDate.AddMonths(6) &lt;= today</c>; 5 months 30 days is not enough), and one
/// basis, or a district exemption from the 6-month rule. A moved-out registration makes no one eligible.
/// </summary>
public sealed record Eligibility(bool IsEligible, DateOnly EligibleFrom, string? Reason)
{
    public static Eligibility Evaluate(DateOnly registrationDate, bool registrationActive, DistrictExemption exemption, DateOnly today)
    {
        if (!registrationActive)
            return new(false, DateOnly.MaxValue, "The residence registration is no longer active.");
        if (exemption != DistrictExemption.None)
            return new(true, registrationDate, null);
        var from = registrationDate.AddMonths(6);
        return from <= today
            ? new(true, from, null)
            : new(false, from, $"Registered for less than 6 months: eligible from {from:yyyy-MM-dd}.");
    }
}
