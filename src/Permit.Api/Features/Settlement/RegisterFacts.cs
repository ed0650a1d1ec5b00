using Permit.Api.Features.Points;
using Permit.Domain.Points;
using Permit.Domain.Registrations;

namespace Permit.Api.Features.Settlement;

/// <summary>
/// What the register already knows about a resident on a date, for settlement: nothing here is typed by an officer.
/// Continuous residence comes from the residence registrations, insurance months from the social-insurance covers,
/// education and skill from the points facts (the latest level entered and not reversed).
/// </summary>
public sealed record RegisterFacts(
    int ResidenceMonths,
    int InsuranceMonths,
    bool HasActiveRegistration,
    string? RegistrationBasis,
    string? Address,
    string? EducationLevel,
    string? SkillLevel)
{
    /// <summary>Registrations that follow each other within this many days count as one unbroken residence.</summary>
    public const int AllowedGapDays = 31;

    public static async Task<RegisterFacts> OfAsync(PermitDbContext db, Guid residentId, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var registrations = await db.ResidenceRegistrations.AsNoTracking().Where(r => r.ResidentId == residentId).ToListAsync(ct);
        var covers = await db.SocialInsuranceCovers.AsNoTracking().Where(c => c.ResidentId == residentId).ToListAsync(ct);
        var levels = await db.PointsEntries.AsNoTracking()
            .Where(e => e.ResidentId == residentId && (e.Indicator == IndicatorCodes.Education || e.Indicator == IndicatorCodes.Skill))
            .Select(e => new { e.Id, e.Indicator, e.Level, e.Kind, e.ReversesEntryId })
            .ToListAsync(ct);
        var reversed = levels.Where(e => e.ReversesEntryId is not null).Select(e => e.ReversesEntryId!.Value).ToHashSet();
        string? Latest(string indicator) => levels
            .Where(e => e.Indicator == indicator && e.Kind == PointsEntryKind.Evidence && e.Level is not null && !reversed.Contains(e.Id))
            .OrderByDescending(e => e.Id).Select(e => e.Level).FirstOrDefault();

        var active = registrations.FirstOrDefault(r => r.IsActive && r.RegistrationDate <= today);
        return new RegisterFacts(
            ContinuousResidenceMonths(registrations, today),
            InsuranceMonthsOn(covers.Select(c => (c.CoveredFrom, c.CoveredUntil)), today),
            active is not null,
            active?.Basis.ToString().ToLowerInvariant(),
            active?.Address,
            Latest(IndicatorCodes.Education),
            Latest(IndicatorCodes.Skill));
    }

    /// <summary>Full months of the unbroken run of registrations that ends in the active one (0 without an active one).</summary>
    public static int ContinuousResidenceMonths(IReadOnlyCollection<ResidenceRegistration> registrations, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        var active = registrations.FirstOrDefault(r => r.IsActive && r.RegistrationDate <= today);
        if (active is null)
            return 0;
        var start = active.RegistrationDate;
        foreach (var earlier in registrations.Where(r => r.MovedOutOn is not null).OrderByDescending(r => r.MovedOutOn))
        {
            if (earlier.RegistrationDate < start && earlier.MovedOutOn!.Value.AddDays(AllowedGapDays) >= start)
                start = earlier.RegistrationDate;
        }
        return Ages.FullMonthsBetween(start, today);
    }

    /// <summary>Full months inside the covers up to <paramref name="today"/> (an open cover runs to today).</summary>
    public static int InsuranceMonthsOn(IEnumerable<(DateOnly From, DateOnly? Until)> covers, DateOnly today) =>
        covers.Where(c => c.From <= today)
            .Sum(c => Ages.FullMonthsBetween(c.From, (c.Until is { } u && u < today ? u : today).AddDays(1)));
}
