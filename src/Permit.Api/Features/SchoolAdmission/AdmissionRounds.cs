using System.Security.Claims;
using Permit.Api.Features.Permits;
using Permit.Api.Features.Settlement;
using Permit.Api.Features.Settlement.Rounds;
using Permit.Domain.Families;
using Permit.Api.Security.Authorization;
using Permit.Domain.Common;
using Permit.Domain.Permits;
using Permit.Domain.SchoolAdmission;

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
                request.MinimumAge ?? 6, request.MaximumAge ?? request.MinimumAge ?? 6, request.MinimumPoints, request.PermitMonths ?? 0);
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
        if (request.ChildResidentId is null || request.ChildResidentId == Guid.Empty)
            errors["childResidentId"] = ["The child's resident record (register the child with the guardian first)."];
        if (!PermitNumber.TryParse(request.ParentPermitNumber, out var permitNumber))
            errors["parentPermitNumber"] = ["A permit number is 17 digits and a check character."];
        // Refused rather than ignored: an officer who typed a figure must not believe it was used.
        const string FromRegister = "Taken from the register; do not send it.";
        if (request.ChildName is not null)
            errors["childName"] = [$"{FromRegister} The child's name is the resident record's."];
        if (request.ChildBirthDate is not null)
            errors["childBirthDate"] = [$"{FromRegister} The child's birth date is the resident record's."];
        if (request.ResidenceMonths is not null)
            errors["residenceMonths"] = [$"{FromRegister} Residence months come from the parent's registrations."];
        if (request.InsuranceMonths is not null)
            errors["insuranceMonths"] = [$"{FromRegister} Insurance months come from the parent's social-insurance covers."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, type: Problems.TypeOf("validation"), title: "The applicant is not valid.");

        var round = await db.Set<AdmissionRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null)
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

        // The same answer whether the child does not exist or belongs to another family: the desk learns nothing about
        // someone else's child by trying ids.
        var childId = request.ChildResidentId!.Value;
        var child = await (
            from r in db.Residents.AsNoTracking()
            where r.Id == childId && db.Set<FamilyLink>().Any(l => l.EndedOn == null
                && ((l.ResidentId == parent.ResidentId && l.MemberId == childId && l.Relationship == FamilyRelationship.Child)
                    || (l.ResidentId == childId && l.MemberId == parent.ResidentId && l.Relationship == FamilyRelationship.Parent)))
            select new { r.Name, r.BirthDate }).SingleOrDefaultAsync(cancellationToken);
        if (child is null)
        {
            return Problems.Problem("admission-child-not-linked",
                "This child is not recorded as a child of the permit's holder; record the family link first.");
        }

        if (await db.Set<AdmissionApplicant>().AnyAsync(a => a.RoundId == id && a.ChildResidentId == childId, cancellationToken))
            return ChildAlreadyApplied();

        var today = ChinaDate.Today(time);
        var permitMonths = await IndexStanding.PermitMonthsAsync(db, parent.ResidentId, today, cancellationToken);
        round.Conditions.RequirePermitHeld(permitMonths);
        var register = await RegisterFacts.OfAsync(db, parent.ResidentId, today, cancellationToken);

        var applicant = AdmissionApplicant.Enter(id, childId, child.Name, child.BirthDate, permitNumber!.Value, parent.Id, parent.ResidentId,
            register.ResidenceMonths, register.InsuranceMonths, user.FindFirstValue(PermitClaims.Subject) ?? "unknown", time.GetUtcNow());
        db.Add(applicant);
        audit.Record("school-admission.applicant.enter", parent.ResidentId, $"round {id}, applicant {applicant.Id}");
        audit.Record("school-admission.applicant.enter", childId, $"round {id}, applicant {applicant.Id}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The other parent entered the same child at the same moment (UX_AdmissionApplicants_RoundId_ChildResidentId).
            return ChildAlreadyApplied();
        }

        return TypedResults.Created($"/api/school-admission/rounds/{id}/applicants/{applicant.Id}", new ApplicantView(
            applicant.Id, id, applicant.ChildName, applicant.ChildBirthDate, applicant.ParentPermitNumber, applicant.ResidenceMonths,
            applicant.InsuranceMonths, applicant.AppliedAt, childId, permitMonths));
    }

    private static ProblemHttpResult ChildAlreadyApplied() =>
        Problems.Problem("admission-child-already-applied", "This child already has an application in this round (one per child per round).");

    public static ProblemHttpResult RoundNotFound() =>
        Problems.Problem("admission-round-not-found", "No admission round has this id.");

    private static ProblemHttpResult RoundExists() =>
        Problems.Problem("admission-round-exists", "A round for this zone and school year is already open.");
}
