using Permit.Domain.Regions;
using Permit.Domain.Registrations;

namespace Permit.Api.Features.DataQuality;

/// <summary>
/// The checks of the data-quality report (docs/duplicates.md, "Data quality"), each a query through the jurisdiction
/// filters, so an officer counts and sees only records of their own jurisdiction:
/// <list type="bullet">
/// <item><c>missing-contact</c>, <c>missing-photo</c>: residents without a phone or contact, or without a photo;</item>
/// <item><c>unplaced</c>: residents with no area at all (never registered, recorded by someone of the whole register);</item>
/// <item><c>superseded-active</c>: a registration still active although the same resident registered again later (the
/// earlier one ended with the move and was never closed);</item>
/// <item><c>outside-district</c>: an active registration whose community lies outside the district (<c>Permits:IssuingRegion</c>).</item>
/// </list>
/// </summary>
public sealed class DataQualityChecks(PermitDbContext db, Jurisdiction district)
{
    public static readonly string[] Names = ["missing-contact", "missing-photo", "unplaced", "superseded-active", "outside-district"];

    public async Task<List<QualityCount>> CountAsync(CancellationToken ct)
    {
        var counts = new List<QualityCount>();
        foreach (var name in Names)
            counts.Add(new QualityCount(name, (await RecordsAsync(name, 0, ct))!.Total));
        return counts;
    }

    /// <summary>The records failing <paramref name="check"/>; null for a check that does not exist.</summary>
    public async Task<QualityRecords?> RecordsAsync(string check, int take, CancellationToken ct)
    {
        switch (check)
        {
            case "missing-contact":
                return await ResidentsAsync(check, db.Residents.Where(r => r.Contact == null || r.Contact == ""), take, "no contact", ct);
            case "missing-photo":
                return await ResidentsAsync(check, db.Residents.Where(r => r.PhotoReference == null), take, "no photo", ct);
            case "unplaced":
                return await ResidentsAsync(check, db.Residents.Where(r => r.AreaCode == null), take, "no area", ct);
            case "superseded-active":
                var superseded = db.ResidenceRegistrations.Where(g => g.Status == RegistrationStatus.Active
                    && db.ResidenceRegistrations.Any(later => later.ResidentId == g.ResidentId && later.Id != g.Id
                        && later.Status == RegistrationStatus.Active && later.RegistrationDate > g.RegistrationDate));
                return await RegistrationsAsync(check, superseded, take, ct);
            case "outside-district":
                // Community codes are a value type stored as text: the few distinct codes are judged here, the rows in SQL.
                var communities = await db.ResidenceRegistrations.Where(g => g.Status == RegistrationStatus.Active)
                    .Select(g => g.CommunityCode).Distinct().ToListAsync(ct);
                var outside = communities.Where(c => !district.Contains(c)).ToList();
                return await RegistrationsAsync(check, db.ResidenceRegistrations
                    .Where(g => g.Status == RegistrationStatus.Active && outside.Contains(g.CommunityCode)), take, ct);
            default:
                return null;
        }
    }

    private static async Task<QualityRecords> ResidentsAsync(string check, IQueryable<Domain.Residents.Resident> query, int take, string detail, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var records = take == 0 ? [] : await query.OrderBy(r => r.Name).ThenBy(r => r.Id).Take(take)
            .Select(r => new QualityRecord(r.Id, r.Name, null, detail)).ToListAsync(ct);
        return new QualityRecords(check, total, records);
    }

    private async Task<QualityRecords> RegistrationsAsync(string check, IQueryable<ResidenceRegistration> query, int take, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        if (take == 0)
            return new QualityRecords(check, total, []);
        var rows = await (from g in query
                          join r in db.Residents on g.ResidentId equals r.Id
                          orderby g.RegistrationDate, g.Id
                          select new { r.Id, r.Name, Registration = g.Id, g.CommunityCode, g.RegistrationDate })
            .Take(take).ToListAsync(ct);
        return new QualityRecords(check, total, [.. rows.Select(x => new QualityRecord(
            x.Id, x.Name, x.Registration, $"{x.CommunityCode.Value} since {x.RegistrationDate:yyyy-MM-dd}"))]);
    }
}
