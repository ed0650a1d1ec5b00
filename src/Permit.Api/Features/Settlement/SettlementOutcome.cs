using Permit.Domain.Permits;

namespace Permit.Api.Features.Settlement;

/// <summary>
/// What settling does to the permits: the applicant's and every settling member's live permit ends with reason
/// "local hukou obtained" (<see cref="PermitEndReason.LocalHukou"/>), which revokes its cards, so a counter refuses them
/// from then on. Runs in the same unit of work as the approval.
/// </summary>
public static class SettlementOutcome
{
    public const string EndNote = "取得本地常住户口（落户）";

    /// <summary>Ends the live permits of <paramref name="residentIds"/>; returns the numbers ended.</summary>
    public static async Task<IReadOnlyList<string>> EndPermitsAsync(
        PermitDbContext db, IAuditTrail audit, IReadOnlyCollection<Guid> residentIds, DateOnly today, string reference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        var permits = await db.ResidencePermits
            .Where(p => residentIds.Contains(p.ResidentId) && (p.Status == PermitStatus.PendingCard || p.Status == PermitStatus.Active || p.Status == PermitStatus.Suspended))
            .ToListAsync(ct);
        foreach (var permit in permits)
        {
            permit.Terminate(PermitEndReason.LocalHukou, today, $"{EndNote} {reference}");
            audit.Record("permit.terminate", permit.ResidentId, $"permit {permit.Number.Value}: local hukou obtained ({reference})");
        }
        return [.. permits.Select(p => p.Number.Value).Order(StringComparer.Ordinal)];
    }
}
