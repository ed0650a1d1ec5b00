using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Permit.Api.Features.SchoolAdmission;

namespace Permit.Api.Web.Pages.Admin;

/// <summary>
/// One 积分入学 round for supervisors: its conditions, the run button, and the latest run's result with each line explained
/// and whether it is reproducible from its snapshot. The result names children and parents' permits, so reading it is
/// audited per parent, as the API's result read is.
/// </summary>
public sealed class SchoolAdmissionRoundModel(PermitDbContext db, IAuditTrail audit) : PageModel
{
    public AdmissionRound? Round { get; private set; }

    public int Applicants { get; private set; }

    public int Runs { get; private set; }

    public RunView? Latest { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Round = await db.Set<AdmissionRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (Round is null)
            return NotFound();
        var applicants = await db.Set<AdmissionApplicant>().AsNoTracking().Where(a => a.RoundId == id).ToDictionaryAsync(a => a.Id, cancellationToken);
        Applicants = applicants.Count;
        Runs = await db.Set<AllocationRun>().CountAsync(r => r.RoundId == id, cancellationToken);
        var latest = await db.Set<AllocationRun>().AsNoTracking().Where(r => r.RoundId == id).OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null)
        {
            Latest = AllocationRuns.View(Round, latest, applicants);
            foreach (var applicant in applicants.Values)
                audit.Record("school-admission.result.read", applicant.ParentResidentId, $"round {id} run {latest.Sequence}: supervisor's round page");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Page();
    }
}
