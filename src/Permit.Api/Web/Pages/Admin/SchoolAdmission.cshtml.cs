using Microsoft.AspNetCore.Mvc.RazorPages;
using Permit.Api.Features.SchoolAdmission;

namespace Permit.Api.Web.Pages.Admin;

/// <summary>
/// 积分入学 rounds for supervisors: every round with its conditions, applicants and runs, and the form that opens the
/// next one through <c>POST /api/school-admission/rounds</c>. Counts only, no personal data: nothing to audit here.
/// </summary>
public sealed class SchoolAdmissionModel(PermitDbContext db) : PageModel
{
    public sealed record Row(AdmissionRound Round, int Applicants, int Runs);

    /// <summary>Newest school year first.</summary>
    public IReadOnlyList<Row> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rounds = await db.Set<AdmissionRound>().AsNoTracking().ToListAsync(cancellationToken);
        var applicants = await db.Set<AdmissionApplicant>().AsNoTracking().GroupBy(a => a.RoundId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var runs = await db.Set<AllocationRun>().AsNoTracking().GroupBy(r => r.RoundId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Rounds = [.. rounds.OrderByDescending(r => r.SchoolYear).ThenBy(r => r.Zone, StringComparer.Ordinal)
            .Select(r => new Row(r, applicants.GetValueOrDefault(r.Id), runs.GetValueOrDefault(r.Id)))];
    }
}
