using System.Globalization;
using Permit.Api.Features.Points;
using Permit.Domain.Common;
using Permit.Domain.Identity;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Api.Tests.Features.Points;

/// <summary>Residents of a chosen birth date with a residence registration, saved behind the API's back.</summary>
public static class PointsArrange
{
    private static int s_sequence;

    /// <summary>China's date at the hosts' start (10:00 in Ningbo, 10 March 2026).</summary>
    public static readonly DateOnly Today = new(2026, 3, 10);

    public static async Task<Guid> ResidentAsync(PermitTestHost host, DateOnly birthDate, DateOnly? registeredOn = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var sequence = Interlocked.Increment(ref s_sequence);
        var seventeen = string.Create(CultureInfo.InvariantCulture, $"110102{birthDate:yyyyMMdd}{sequence % 1000:000}");
        var id = CitizenIdNumber.Parse(seventeen + Mod11Check.Compute(seventeen));
        var resident = Resident.FromIdCard(new IdentityDetails(id, "王五", id.Sex, EthnicGroup.Parse("01"), birthDate, "安徽省合肥市包河区1号"));
        var registration = ResidenceRegistration.Declare(resident.Id, "宁波市镇海区骆驼街道中街1号", CommunityCode.Parse("330211003001"),
            (registeredOn ?? new DateOnly(2025, 1, 2)).AddDays(-3), registeredOn ?? new DateOnly(2025, 1, 2), ResidenceBasis.Employment,
            "劳动合同 LC-2025-001", "宁波某某机械有限公司");
        await using var db = host.NewContext();
        db.AddRange(resident, registration);
        await db.SaveChangesAsync(ct);
        return resident.Id;
    }

    public static Task<HttpResponseMessage> RecordAsync(HttpClient officer, Guid residentId, string indicator, string? level = null, int? quantity = null,
        DateOnly? frozenUntil = null, CancellationToken ct = default) =>
        officer.PostAsJsonAsync($"/api/points/residents/{residentId}/entries",
            new { indicator, level, quantity, evidenceReference = $"证明 {indicator}", frozenUntil }, ct);

    public static async Task<PointsBalance> BalanceAsync(PermitTestHost host, Guid residentId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var db = host.NewContext();
        return await db.PointsBalances.AsNoTracking().SingleAsync(b => b.ResidentId == residentId, ct);
    }

    public static async Task<List<PointsEntry>> EntriesAsync(PermitTestHost host, Guid residentId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var db = host.NewContext();
        return await db.PointsEntries.AsNoTracking().Where(e => e.ResidentId == residentId).OrderBy(e => e.Id).ToListAsync(ct);
    }

    public static async Task<AccrualResult> AccrueAsync(PermitTestHost host, int year, int month, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var db = host.NewContext();
        return await MonthlyAccrual.RunAsync(db, year, month, host.Time.GetUtcNow(), ct);
    }
}

public sealed record StatementView(Guid ResidentId, string RuleSetVersion, DateOnly AssessedOn, decimal Total, bool Frozen, DateOnly? FrozenUntil,
    List<LineView> Lines, BalanceView? Balance)
{
    public LineView Line(string code) => Lines.Single(l => l.Code == code);
}

public sealed record LineView(string Code, string Input, decimal RawPoints, decimal Points, string ExplanationZh, string Reason, Dictionary<string, string> Facts);

public sealed record BalanceView(decimal Total, int WholePoints, bool Frozen, string RuleSetVersion, int SocialInsuranceMonths, int ResidenceMonths);

public sealed record EntryView(long Id, string Kind, string Indicator, int Quantity, string? Level, decimal Points, string RuleSetVersion, long? ReversesEntryId);

public sealed record LedgerChangeView(List<EntryView> Entries, BalanceView Balance);

public sealed record ReviewView(Guid Id, Guid ResidentId, string? Indicator, string Reason, string Status, string? Resolution);

public sealed record WhatIfView(decimal CurrentTotal, decimal WhatIfTotal, decimal Difference, StatementView WhatIf);

public sealed record ProblemView(string Type, string? Title);
