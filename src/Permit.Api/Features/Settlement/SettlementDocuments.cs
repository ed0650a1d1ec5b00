using Microsoft.Extensions.Options;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Permit.Api.Features.Families;
using Permit.Api.Features.Permits;
using Permit.Api.Features.Residents;
using Permit.Api.Features.Settlement.Rounds;
using Permit.Documents.Notices;
using Permit.Domain.Permits;
using Permit.Domain.Settlement;

namespace Permit.Api.Features.Settlement;

/// <summary>
/// The outcome's documents: the notice letter (PDF, Chinese) per settled applicant, and the export of the settled
/// households for the hukou system (CSV or JSON; columns in docs/settlement.md). Both are audited per person.
/// </summary>
public static class SettlementDocuments
{
    private static readonly JsonSerializerOptions ExportJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The export's columns, in order (docs/settlement.md describes each).</summary>
    public static readonly string[] Columns =
        ["household", "route", "reference", "role", "name", "citizenIdNumber", "sex", "birthDate", "formerHukouAddress", "settledOn", "permitEnded"];

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ApplicationNoticeAsync(
        Guid id, PermitDbContext db, ClaimsPrincipal user, IAuditTrail audit, IOptions<PermitOptions> options, CancellationToken ct)
    {
        var application = await SettlementApplications.InScope(db, user).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.Status == SettlementStatus.Approved, ct);
        if (application is null)
            return Problems.NoSuch("approved settlement application");
        var rows = await HouseholdRowsAsync(db, user, [application], [], ct);
        var applicant = rows.First(r => r.Role == "applicant");
        var set = await ConditionSetCatalogue.FindAsync(db, application.ConditionSetVersion, ct);
        var notice = new SettlementNotice(applicant.Name, applicant.CitizenIdNumber, $"分类落户：{set?.Category(application.Category)?.Name ?? application.Category}",
            application.Id.ToString()[..8], application.DecidedOn!.Value,
            [.. rows.Where(r => r.Role != "applicant").Select(r => $"{r.Name}（{RoleName(r.Role)}）")],
            [.. rows.Where(r => r.PermitEnded is not null).Select(r => r.PermitEnded!)], options.Value.IssuingAuthority);
        audit.Record("settlement.notice", application.ApplicantId, $"application {application.Id}");
        await db.SaveChangesAsync(ct);
        return TypedResults.File(SettlementNoticeRenderer.RenderPdf(notice), "application/pdf", $"settlement-notice-{application.Id:N}.pdf");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RoundNoticeAsync(
        Guid id, Guid applicantId, PermitDbContext db, ClaimsPrincipal user, IAuditTrail audit, IOptions<PermitOptions> options, CancellationToken ct)
    {
        var round = await db.Set<SettlementRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.Status == RoundStatus.Final, ct);
        var applicant = await SettlementRounds.InScope(db, user).AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicantId && a.RoundId == id, ct);
        var line = round is null ? null : (await SettlementRounds.LatestRunAsync(db, id, ct))?.Result().FirstOrDefault(l => l.ApplicantId == applicantId);
        if (round is null || applicant is null || line?.Outcome != SettlementRanking.Outcomes.Settled)
            return Problems.NoSuch("settled applicant of a final round");
        var rows = await HouseholdRowsAsync(db, user, [], [(round, applicant)], ct);
        var row = rows.First(r => r.Role == "applicant");
        var notice = new SettlementNotice(row.Name, row.CitizenIdNumber,
            string.Create(CultureInfo.InvariantCulture, $"{round.Year}年度积分落户，积分 {line.ScoreHundredths / 100m:0.##}，排名第 {line.Rank} 名"),
            applicant.Id.ToString()[..8], round.FinalizedOn!.Value,
            [.. rows.Where(r => r.Role != "applicant").Select(r => $"{r.Name}（{RoleName(r.Role)}）")],
            [.. rows.Where(r => r.PermitEnded is not null).Select(r => r.PermitEnded!)], options.Value.IssuingAuthority);
        audit.Record("settlement.notice", applicant.ResidentId, $"round {round.Year}");
        await db.SaveChangesAsync(ct);
        return TypedResults.File(SettlementNoticeRenderer.RenderPdf(notice), "application/pdf", $"settlement-notice-{round.Year}-{applicant.Id:N}.pdf");
    }

    /// <summary>Every settled household (approved category applications and settled applicants of final rounds) as CSV or JSON.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        string? format, PermitDbContext db, ClaimsPrincipal user, IAuditTrail audit, CancellationToken ct)
    {
        var csv = !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);
        if (format is not null && csv && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            return Problems.Invalid("format", "format is csv or json.", "settlement-export-format-invalid");
        var applications = await SettlementApplications.InScope(db, user).AsNoTracking().Where(a => a.Status == SettlementStatus.Approved).ToListAsync(ct);
        var rounds = await db.Set<SettlementRound>().AsNoTracking().Where(r => r.Status == RoundStatus.Final).ToListAsync(ct);
        var settled = new List<(SettlementRound, RoundApplicant)>();
        foreach (var round in rounds)
        {
            var ids = (await SettlementRounds.LatestRunAsync(db, round.Id, ct))!.Result()
                .Where(l => l.Outcome == SettlementRanking.Outcomes.Settled).Select(l => l.ApplicantId).ToList();
            settled.AddRange((await SettlementRounds.InScope(db, user).AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct)).Select(a => (round, a)));
        }
        var rows = await HouseholdRowsAsync(db, user, applications, settled, ct);
        foreach (var resident in rows.Select(r => r.ResidentId).Distinct())
            audit.Record("settlement.export", resident, "settled households for the hukou system");
        await db.SaveChangesAsync(ct);
        return csv
            ? TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(rows))).ToArray(), "text/csv; charset=utf-8", "settled-households.csv")
            : TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(rows.Select(r => new
            {
                household = r.Household, route = r.Route, reference = r.Reference, role = r.Role, name = r.Name, citizenIdNumber = r.CitizenIdNumber,
                sex = r.Sex, birthDate = r.BirthDate, formerHukouAddress = r.FormerHukouAddress, settledOn = r.SettledOn, permitEnded = r.PermitEnded,
            }), ExportJson),
                "application/json", "settled-households.json");
    }

    private sealed record HouseholdRow(
        Guid ResidentId, string Household, string Route, string Reference, string Role, string Name, string CitizenIdNumber, string Sex,
        DateOnly BirthDate, string FormerHukouAddress, DateOnly SettledOn, string? PermitEnded);

    private static async Task<List<HouseholdRow>> HouseholdRowsAsync(
        PermitDbContext db, ClaimsPrincipal user, IReadOnlyList<SettlementApplication> applications, IReadOnlyList<(SettlementRound Round, RoundApplicant Applicant)> settled, CancellationToken ct)
    {
        var people = new List<(Guid Resident, string Household, string Route, string Reference, string Role, DateOnly On)>();
        foreach (var a in applications)
        {
            people.Add((a.ApplicantId, a.Id.ToString(), "category", a.Category, "applicant", a.DecidedOn!.Value));
            people.AddRange(a.Members.Select(m => (m.MemberId, a.Id.ToString(), "category", a.Category, FamiliesApi.Name(m.Relationship), a.DecidedOn!.Value)));
        }
        foreach (var (round, applicant) in settled)
        {
            var year = round.Year.ToString(CultureInfo.InvariantCulture);
            people.Add((applicant.ResidentId, applicant.Id.ToString(), "points", year, "applicant", round.FinalizedOn!.Value));
            people.AddRange(applicant.Members.Select(m => (m.MemberId, applicant.Id.ToString(), "points", year, FamiliesApi.Name(m.Relationship), round.FinalizedOn!.Value)));
        }
        var ids = people.Select(p => p.Resident).Distinct().ToList();
        var residents = await OfficerScope.Residents(db, user).AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var ended = (await db.ResidencePermits.AsNoTracking()
            .Where(p => ids.Contains(p.ResidentId) && p.Status == PermitStatus.Terminated && p.EndReason == PermitEndReason.LocalHukou)
            .Select(p => new { p.ResidentId, p.Number }).ToListAsync(ct))
            .GroupBy(p => p.ResidentId).ToDictionary(g => g.Key, g => g.First().Number.Value);
        return [.. people.Where(p => residents.ContainsKey(p.Resident)).Select(p =>
        {
            var r = residents[p.Resident];
            return new HouseholdRow(r.Id, p.Household, p.Route, p.Reference, p.Role, r.Name, r.CitizenId.Value, r.Sex == Domain.Identity.Sex.Male ? "1" : "2",
                r.BirthDate, r.HukouAddress, p.On, ended.GetValueOrDefault(r.Id));
        })];
    }

    private static string Csv(IEnumerable<HouseholdRow> rows)
    {
        var text = new StringBuilder(string.Join(',', Columns)).Append("\r\n");
        foreach (var r in rows)
        {
            string[] cells = [r.Household, r.Route, r.Reference, r.Role, r.Name, r.CitizenIdNumber, r.Sex,
                r.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.FormerHukouAddress,
                r.SettledOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.PermitEnded ?? ""];
            text.Append(string.Join(',', cells.Select(Quote))).Append("\r\n");
        }
        return text.ToString();
    }

    // RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs a cell as a formula.
    private static string Quote(string cell)
    {
        var safe = cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal) ? "'" + cell : cell;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    private static string RoleName(string role) => role switch
    {
        "spouse" => "配偶",
        "child" => "子女",
        "parent" => "父母",
        _ => role,
    };
}
