using System.Security.Claims;
using Permit.Api.Features.Families;
using Permit.Api.Features.Points;
using Permit.Api.Features.Residents;
using Permit.Api.Security.Authorization;
using Permit.Domain.Common;
using Permit.Domain.Permits;
using Permit.Domain.Settlement;

namespace Permit.Api.Features.Settlement;

/// <summary>
/// 分类落户 at the desk: a registrar submits an application (assessed at once against every condition of the category,
/// the unmet ones listed together), a supervisor approves or refuses with reasons; approval ends the permits of the
/// applicant and the settling members.
/// </summary>
public static class SettlementApplications
{
    public static async Task<Results<Created<SettlementApplicationResponse>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        SettlementApplicationRequest request, PermitDbContext db, ClaimsPrincipal user, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = ChinaDate.Today(time);
        var applicant = await OfficerScope.Residents(db, user).AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.ApplicantId, ct);
        if (applicant is null)
            return Problems.NoSuch("resident");
        if (await db.Set<SettlementApplication>().AnyAsync(a => a.ApplicantId == applicant.Id && a.Status != SettlementStatus.Refused, ct))
            return Problems.Problem("settlement-application-exists", "This resident already has a settlement application that is open or approved.");

        var set = await ConditionSetCatalogue.InForceAsync(db, today, ct);
        var register = await RegisterFacts.OfAsync(db, applicant.Id, today, ct);
        var facts = Facts(register, request.Documents?.Select(d => d.Trim()).ToHashSet(StringComparer.Ordinal) ?? [], request.InvestmentTenThousandYuan);
        var (members, refusal) = await SettlingMembers.FactsAsync(db, user, applicant.Id, register.Address, request.Members, today, ct);
        if (refusal is not null)
            return refusal;

        var application = SettlementApplication.Submit(applicant.Id, set, request.Category?.Trim() ?? "", facts, members, today, PointsApi.OfficerName(user));
        db.Add(application);
        audit.Record("settlement.submit", applicant.Id, $"category {application.Category}");
        foreach (var m in members)
            audit.Record("settlement.member", m.MemberId, $"named to settle with application {application.Id}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/settlement/applications/{application.Id}",
            await ResponseAsync(db, user, application, set, register, today, [], ct));
    }

    public static async Task<Results<Ok<SettlementApplicationResponse>, ProblemHttpResult>> GetAsync(
        Guid id, PermitDbContext db, ClaimsPrincipal user, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var application = await InScope(db, user).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
            return Problems.NoSuch("settlement application");
        var set = await ConditionSetCatalogue.FindAsync(db, application.ConditionSetVersion, ct) ?? SettlementConditionSets.Zhenhai2026;
        var today = ChinaDate.Today(time);
        var register = await RegisterFacts.OfAsync(db, application.ApplicantId, today, ct);
        audit.Record("settlement.read", application.ApplicantId, $"application {application.Id}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ResponseAsync(db, user, application, set, register, today, null, ct));
    }

    public static async Task<Results<Ok<SettlementApplicationResponse>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        Guid id, SettlementDecisionRequest request, PermitDbContext db, ClaimsPrincipal user, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decision = request.Decision?.Trim().ToLowerInvariant();
        if (decision is not ("approve" or "refuse"))
            return Problems.Invalid("decision", "decision is approve or refuse.", "settlement-decision-invalid");
        var application = await InScope(db, user).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
            return Problems.NoSuch("settlement application");
        var set = await ConditionSetCatalogue.FindAsync(db, application.ConditionSetVersion, ct) ?? SettlementConditionSets.Zhenhai2026;
        var today = ChinaDate.Today(time);
        var register = await RegisterFacts.OfAsync(db, application.ApplicantId, today, ct);
        IReadOnlyList<string> ended = [];
        if (decision == "approve")
        {
            application.Approve(OfficialOf(user), request.Reasons, set, Facts(register, application.DocumentSet(), application.InvestmentTenThousandYuan), today);
            ended = await SettlementOutcome.EndPermitsAsync(db, audit,
                [application.ApplicantId, .. application.Members.Select(m => m.MemberId)], today, $"settlement {application.Id}", ct);
        }
        else
        {
            application.Refuse(OfficialOf(user), request.Reasons, today);
        }

        audit.Record($"settlement.{decision}", application.ApplicantId, $"application {application.Id}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ResponseAsync(db, user, application, set, register, today, ended, ct));
    }

    /// <summary>Applications whose applicant the officer may see (the one place the jurisdiction filter reaches them).</summary>
    public static IQueryable<SettlementApplication> InScope(PermitDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        var residents = OfficerScope.Residents(db, user);
        return db.Set<SettlementApplication>().Where(a => residents.Any(r => r.Id == a.ApplicantId));
    }

    public static SettlementFacts Facts(RegisterFacts register, IReadOnlySet<string> documents, decimal? investment)
    {
        ArgumentNullException.ThrowIfNull(register);
        return new(register.ResidenceMonths, register.InsuranceMonths, register.HasActiveRegistration, register.RegistrationBasis,
            register.EducationLevel, register.SkillLevel, investment, documents);
    }

    private static async Task<SettlementApplicationResponse> ResponseAsync(
        PermitDbContext db, ClaimsPrincipal user, SettlementApplication application, SettlementConditionSet set, RegisterFacts register,
        DateOnly today, IReadOnlyList<string>? ended, CancellationToken ct)
    {
        var category = set.Category(application.Category)!;
        var results = category.Assess(Facts(register, application.DocumentSet(), application.InvestmentTenThousandYuan))
            .Select(r => new ConditionResultResponse(r.Code, r.Name, r.Met, r.Required, r.Found, r.Evidence)).ToList();
        var ids = application.Members.Select(m => m.MemberId).Append(application.ApplicantId).ToList();
        var people = await OfficerScope.Residents(db, user).AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var permits = await db.ResidencePermits.AsNoTracking().Where(p => ids.Contains(p.ResidentId))
            .Select(p => new { p.ResidentId, p.Status, p.IssueDate, p.Number }).ToListAsync(ct);
        string? StatusOf(Guid resident) => permits.Where(p => p.ResidentId == resident).OrderByDescending(p => p.IssueDate).Select(p => p.Status.ToString()).FirstOrDefault();
        ended ??= application.Status == SettlementStatus.Approved
            ? [.. permits.Where(p => p.Status == PermitStatus.Terminated).Select(p => p.Number.Value).Order(StringComparer.Ordinal)]
            : [];
        return new SettlementApplicationResponse(
            application.Id, application.ApplicantId, people.GetValueOrDefault(application.ApplicantId, ""), application.Category, category.Name,
            application.ConditionSetVersion, application.Status.ToString().ToLowerInvariant(), application.SubmittedOn,
            results, [.. results.Where(r => !r.Met)],
            [.. application.Members.Select(m => new SettlingMemberResponse(m.MemberId, people.GetValueOrDefault(m.MemberId, ""),
                FamiliesApi.Name(m.Relationship), m.Age, m.LivesTogether, m.UnmarriedWithoutIncome, StatusOf(m.MemberId)))],
            application.DecidedOn, application.DecidedBy, application.DecisionReasons, ended);
    }

    private static Official OfficialOf(ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(PermitClaims.Role);
        var id = user.FindFirstValue(PermitClaims.Name) ?? user.FindFirstValue(PermitClaims.Subject) ?? "unknown";
        return new Official(id, role is Roles.Supervisor or Roles.Admin ? OfficialRole.Supervisor : OfficialRole.Clerk);
    }
}
