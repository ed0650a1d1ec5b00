using System.Globalization;
using System.Security.Claims;
using Permit.Api.Features.Entitlements;
using Permit.Api.Features.Permits;
using Permit.Api.Security.Authorization;
using Permit.Domain.Permits;
using Permit.Domain.SchoolAdmission;
using Permit.Domain.Common;

namespace Permit.Api.Features.SchoolAdmission;

/// <summary>Running the allocation and reading a run's explained result.</summary>
public static class AllocationRuns
{
    public static async Task<Results<Created<RunView>, ProblemHttpResult>> RunAsync(
        Guid id, ClaimsPrincipal user, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var round = await db.Set<AdmissionRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null)
            return AdmissionRounds.RoundNotFound();

        var today = ChinaDate.Today(time);
        // The snapshot: each applicant with the parent's permit standing and points balance as they are now.
        var rows = await (
            from a in db.Set<AdmissionApplicant>().AsNoTracking()
            where a.RoundId == id
            join p in db.ResidencePermits on a.ParentPermitId equals p.Id
            from b in db.PointsBalances.Where(b => b.ResidentId == a.ParentResidentId).DefaultIfEmpty()
            select new
            {
                Applicant = a,
                p.Status,
                p.ValidUntil,
                Points = b == null ? (int?)null : b.TotalHundredths,
                Frozen = b != null && b.Frozen,
                FrozenUntil = b == null ? null : b.FrozenUntil,
                RuleSetVersion = b == null ? null : b.RuleSetVersion,
            }).ToListAsync(cancellationToken);
        var lines = rows.Select(r => AllocationLine.Snapshot(
            r.Applicant, r.Points, r.Frozen && (r.FrozenUntil is null || today <= r.FrozenUntil), r.RuleSetVersion,
            EntitlementDecider.StatusName(r.Status), r.Status == PermitStatus.Active && today <= r.ValidUntil)).ToList();

        var sequence = await db.Set<AllocationRun>().Where(r => r.RoundId == id).MaxAsync(r => (int?)r.Sequence, cancellationToken) ?? 0;
        var run = AllocationRun.Perform(round, sequence + 1, lines, today, user.FindFirstValue(PermitClaims.Subject) ?? "unknown", time.GetUtcNow());
        db.Add(run);
        foreach (var row in rows)
            audit.Record("school-admission.allocate", row.Applicant.ParentResidentId, $"round {id} run {run.Sequence}: points read for ranking");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Problem("admission-run-concurrent",
                "Another run of this round was saved at the same moment; read the round's runs and try again if needed.");
        }

        var view = View(round, run, rows.ToDictionary(r => r.Applicant.Id, r => r.Applicant));
        return TypedResults.Created($"/api/school-admission/rounds/{id}/runs/{run.Id}", view);
    }

    public static async Task<Results<Ok<RunView>, ProblemHttpResult>> GetAsync(
        Guid id, Guid runId, PermitDbContext db, IAuditTrail audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var round = await db.Set<AdmissionRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        var run = await db.Set<AllocationRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId && r.RoundId == id, cancellationToken);
        if (round is null || run is null)
            return Problems.Problem("admission-run-not-found", "No allocation run of this round has this id.");

        var applicants = await db.Set<AdmissionApplicant>().AsNoTracking().Where(a => a.RoundId == id).ToDictionaryAsync(a => a.Id, cancellationToken);
        foreach (var applicant in applicants.Values)
            audit.Record("school-admission.result.read", applicant.ParentResidentId, $"round {id} run {run.Sequence}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(round, run, applicants));
    }

    /// <summary>A run's result, each line explained, as the API answers it and the supervisor's round page shows it.</summary>
    public static RunView View(AdmissionRound round, AllocationRun run, Dictionary<Guid, AdmissionApplicant> applicants)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(applicants);
        var lines = run.Lines
            .OrderBy(l => l.Rank ?? int.MaxValue).ThenBy(l => l.ApplicantId)
            .Select(l =>
            {
                var applicant = applicants[l.ApplicantId];
                return new RunLineView(l.ApplicantId, applicant.ChildName, applicant.ParentPermitNumber, l.Rank, l.Outcome, l.Reason,
                    l.PointsHundredths / 100m, l.PointsFrozen, l.RuleSetVersion, l.ParentPermitStatus, l.ResidenceMonths,
                    l.InsuranceMonths, l.AppliedAt, l.TieBreak, Explain(round, l));
            })
            .ToList();
        return new RunView(run.Id, run.RoundId, run.Sequence, run.RunDate, run.RanAt, run.RanBy, round.Places,
            lines.Count(l => l.Outcome == AdmissionAllocation.Outcomes.Admitted), run.IsReproducible(round), lines);
    }

    private static string Explain(AdmissionRound round, AllocationLine line)
    {
        var points = ((line.PointsHundredths ?? 0) / 100m).ToString("0.##", CultureInfo.InvariantCulture);
        var tie = line.TieBreak switch
        {
            null => "",
            AdmissionAllocation.TieBreaks.ResidenceMonths => " Equal points with a neighbour in the ranking: the longer residence in the district decided.",
            AdmissionAllocation.TieBreaks.ApplicationTime => " Equal points and residence with a neighbour: the earlier application decided.",
            _ => " Equal points, residence and application time with a neighbour: the fixed final key (SHA-256 of round and applicant) decided.",
        };
        var why = line.Reason switch
        {
            AdmissionAllocation.Reasons.WithinPlaces => $"Admitted: rank {line.Rank} with {points} points, within the {round.Places} places.{tie}",
            AdmissionAllocation.Reasons.PlacesFilled => $"Not admitted: rank {line.Rank} with {points} points; the {round.Places} places went to higher ranks.{tie}",
            AdmissionAllocation.Reasons.PermitNotValid => $"Ineligible: the parent's permit was {line.ParentPermitStatus} or past its validity on the run date.",
            AdmissionAllocation.Reasons.PointsFrozen => "Ineligible: the parent's points are frozen.",
            AdmissionAllocation.Reasons.PointsBelowMinimum => $"Ineligible: {points} points, below the round's floor of {round.MinimumPoints}.",
            AdmissionAllocation.Reasons.ResidenceTooShort => $"Ineligible: {line.ResidenceMonths} months of residence in the district, {round.ResidenceMonths} needed.",
            AdmissionAllocation.Reasons.InsuranceTooShort => $"Ineligible: {line.InsuranceMonths} months of social insurance in the district, {round.InsuranceMonths} needed.",
            _ => $"Ineligible: the child's age on 31 August {round.SchoolYear} is outside {round.MinimumAge}–{round.MaximumAge}.",
        };
        // Say where the months came from: nobody typed them, so nobody has to wonder whose figure ranked the child.
        return string.Create(CultureInfo.InvariantCulture,
            $"{why} From the register at entry: {line.ResidenceMonths} months of residence, {line.InsuranceMonths} months of social insurance.");
    }
}
