using Permit.Domain.Permits;
using Permit.Domain.Points;
using Permit.Domain.Settlement;

namespace Permit.Api.Features.Settlement.Rounds;

/// <summary>
/// A resident's settlement-index facts and standing from the register on a date: residence from the registrations,
/// work years (since the first cover began) and insurance years (months covered) from the social-insurance covers,
/// education and skill from the points facts, contribution from the blood-donation and volunteer points; the months the
/// current permit has been held unbroken (active since issue), and whether the points are frozen.
/// </summary>
public sealed record IndexStanding(IndexFacts Facts, int PermitMonths, bool Frozen)
{
    public static async Task<IndexStanding> OfAsync(PermitDbContext db, Guid residentId, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var register = await RegisterFacts.OfAsync(db, residentId, today, ct);
        var firstCover = await db.SocialInsuranceCovers.Where(c => c.ResidentId == residentId && c.CoveredFrom <= today)
            .OrderBy(c => c.CoveredFrom).Select(c => (DateOnly?)c.CoveredFrom).FirstOrDefaultAsync(ct);
        var contribution = await db.PointsEntries
            .Where(e => e.ResidentId == residentId && (e.Indicator == IndicatorCodes.BloodDonation || e.Indicator == IndicatorCodes.Volunteer))
            .SumAsync(e => (int?)e.PointsHundredths, ct) ?? 0;
        var permitMonths = await PermitMonthsAsync(db, residentId, today, ct);
        var balance = await db.PointsBalances.AsNoTracking().Where(b => b.ResidentId == residentId)
            .Select(b => new { b.Frozen, b.FrozenUntil }).FirstOrDefaultAsync(ct);
        var facts = new IndexFacts(register.EducationLevel, register.SkillLevel, register.ResidenceMonths,
            firstCover is { } first ? Ages.FullMonthsBetween(first, today) : 0, register.InsuranceMonths, Math.Max(0, contribution));
        var frozen = balance is not null && balance.Frozen && (balance.FrozenUntil is null || today <= balance.FrozenUntil);
        return new IndexStanding(facts, permitMonths, frozen);
    }

    /// <summary>
    /// Full months the resident's current permit has been held unbroken: active and unexpired, counted from its issue
    /// (0 without one). 积分入学 asks the same of a parent, so both read it here.
    /// </summary>
    public static async Task<int> PermitMonthsAsync(PermitDbContext db, Guid residentId, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var permit = await db.ResidencePermits.AsNoTracking().Where(p => p.ResidentId == residentId && p.Status == PermitStatus.Active)
            .Select(p => new { p.IssueDate, p.ValidUntil }).FirstOrDefaultAsync(ct);
        return permit is not null && today <= permit.ValidUntil && permit.IssueDate <= today ? Ages.FullMonthsBetween(permit.IssueDate, today) : 0;
    }
}
