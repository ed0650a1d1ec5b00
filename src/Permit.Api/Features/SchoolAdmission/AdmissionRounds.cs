using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Permit.Api.Audit;
using Permit.Api.Features.Permits;
using Permit.Api.Persistence;
using Permit.Api.Security.Authorization;
using Permit.Domain.Common;
using Permit.Domain.Permits;
using Permit.Domain.SchoolAdmission;
using Permit.Api.Infrastructure.Problems;

namespace Permit.Api.Features.SchoolAdmission;

/// <summary>Opening rounds and entering applicants.</summary>
public static class AdmissionRounds
{
    public static async Task<Results<Created<RoundView>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        OpenRoundRequest request, ClaimsPrincipal user, PermitDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Zone) || request.Zone.Trim().Length > AdmissionRound.ZoneMaxLength)
            errors["zone"] = [$"A school zone is 1 to {AdmissionRound.ZoneMaxLength} characters."];
        if (request.SchoolYear is not (>= 2000 and <= 2100))
            errors["schoolYear"] = ["The year the school year starts, e.g. 2026."];
        if (request.Places is not (>= 0 and <= 100_000))
            errors["places"] = ["Places are 0 to 100000."];
        AdmissionConditions? conditions = null;
        try
        {
            conditions = new AdmissionConditions(request.ResidenceMonths ?? 0, request.InsuranceMonths ?? 0,
                request.MinimumAge ?? 6, request.MaximumAge ?? request.MinimumAge ?? 6, request.MinimumPoints);
        }
        catch (DomainException ex)
        {
            errors["conditions"] = [ex.Message];
        }

        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, type: Problems.TypeOf("validation"), title: "The round is not valid.");

        var zone = request.Zone!.Trim();
        if (await db.Set<AdmissionRound>().AnyAsync(r => r.Zone == zone && r.SchoolYear == request.SchoolYear, cancellationToken))
            return RoundExists();

        var round = AdmissionRound.Open(zone, request.SchoolYear!.Value, request.Places!.Value, conditions!,
            user.FindFirstValue(PermitClaims.Subject) ?? "unknown", time.GetUtcNow());
        db.Add(round);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another supervisor opened the same zone and year at the same moment.
            return RoundExists();
        }

        return TypedResults.Created($"/api/school-admission/rounds/{round.Id}", RoundView.From(round, 0, []));
    }

    public static async Task<Results<Ok<RoundView>, ProblemHttpResult>> GetAsync(Guid id, PermitDbContext db, CancellationToken cancellationToken)
    {
        var round = await db.Set<AdmissionRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null)
            return RoundNotFound();
        var applicants = await db.Set<AdmissionApplicant>().CountAsync(a => a.RoundId == id, cancellationToken);
        var runs = await db.Set<AllocationRun>().AsNoTracking().Where(r => r.RoundId == id).OrderBy(r => r.Sequence)
            .Select(r => new RunSummary(r.Id, r.Sequence, r.RunDate, r.RanAt)).ToListAsync(cancellationToken);
        return TypedResults.Ok(RoundView.From(round, applicants, runs));
    }

    public static async Task<Results<Created<ApplicantView>, ValidationProblem, ProblemHttpResult>> EnterApplicantAsync(
        Guid id, EnterApplicantRequest request, ClaimsPrincipal user, PermitDbContext db, IAuditTrail audit, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(audit);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.ChildName) || request.ChildName.Trim().Length > AdmissionApplicant.ChildNameMaxLength)
            errors["childName"] = [$"The child's name is 1 to {AdmissionApplicant.ChildNameMaxLength} characters."];
        var today = ChinaDate.Today(time);
        if (request.ChildBirthDate is not { } birthDate || birthDate > today || birthDate < today.AddYears(-18))
            errors["childBirthDate"] = ["The child's birth date, not in the future and under 18 years ago."];
        if (!PermitNumber.TryParse(request.ParentPermitNumber, out var permitNumber))
            errors["parentPermitNumber"] = ["A permit number is 17 digits and a check character."];
        if (request.ResidenceMonths is not (>= 0 and <= 600))
            errors["residenceMonths"] = ["Months of residence in the district, 0 to 600."];
        if (request.InsuranceMonths is not (>= 0 and <= 600))
            errors["insuranceMonths"] = ["Months of social insurance in the district, 0 to 600."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, type: Problems.TypeOf("validation"), title: "The applicant is not valid.");

        if (!await db.Set<AdmissionRound>().AnyAsync(r => r.Id == id, cancellationToken))
            return RoundNotFound();
        if (await db.Set<AllocationRun>().AnyAsync(r => r.RoundId == id, cancellationToken))
        {
            return Problems.Problem("admission-round-allocated",
                "This round has been allocated; applicants can no longer be added (a run must stay explainable by its inputs).");
        }

        var parent = await db.ResidencePermits.AsNoTracking().Where(p => p.Number == permitNumber)
            .Select(p => new { p.Id, p.ResidentId }).SingleOrDefaultAsync(cancellationToken);
        if (parent is null)
            return Problems.Invalid("parentPermitNumber", "No residence permit has this number.");

        var applicant = AdmissionApplicant.Enter(id, request.ChildName!, request.ChildBirthDate!.Value, permitNumber!.Value,
            parent.Id, parent.ResidentId, request.ResidenceMonths!.Value, request.InsuranceMonths!.Value,
            user.FindFirstValue(PermitClaims.Subject) ?? "unknown", time.GetUtcNow());
        db.Add(applicant);
        audit.Record("school-admission.applicant.enter", parent.ResidentId, $"round {id}, applicant {applicant.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/school-admission/rounds/{id}/applicants/{applicant.Id}", new ApplicantView(
            applicant.Id, id, applicant.ChildName, applicant.ChildBirthDate, applicant.ParentPermitNumber, applicant.ResidenceMonths,
            applicant.InsuranceMonths, applicant.AppliedAt));
    }

    public static ProblemHttpResult RoundNotFound() =>
        Problems.Problem("admission-round-not-found", "No admission round has this id.");

    private static ProblemHttpResult RoundExists() =>
        Problems.Problem("admission-round-exists", "A round for this zone and school year is already open.");
}
