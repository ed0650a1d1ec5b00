using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Permit.Api.Features.Points;
using Permit.Domain.Common;
using Permit.Domain.Permits;
using Permit.Domain.Points;
using Permit.Domain.Registrations;

namespace Permit.Api.Web.Pages.Desk;

/// <summary>
/// The resident's less frequent desk tasks, each a form to one API endpoint: a change of workplace, moving out of
/// the district, a points fact, a period of social insurance, and ending the permit. Kept apart from the resident
/// page, which shows the everyday path (register, apply, issue, write the card). Opening it is an audited read.
/// </summary>
public sealed class TasksModel(PermitDbContext db, IAuditTrail audit, TimeProvider time) : PageModel
{
    /// <summary>One indicator an officer records facts for; levels are offered when the indicator scores by level.</summary>
    public sealed record Indicator(string Code, string Name, IReadOnlyList<(string Level, string Label)> Levels);

    public Guid ResidentId { get; private set; }

    public string Name { get; private set; } = "";

    public Guid? RegistrationId { get; private set; }

    public string? LivePermitNumber { get; private set; }

    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public static IReadOnlyList<string> EndReasons { get; } = ["LocalHukou", "Death", "NoLongerQualifies"];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var resident = await db.Residents.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Id, r.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (resident is null)
            return NotFound();
        Today = ChinaDate.Today(time);
        ResidentId = resident.Id;
        Name = resident.Name;
        RegistrationId = await db.ResidenceRegistrations.AsNoTracking()
            .Where(g => g.ResidentId == id && g.Status == RegistrationStatus.Active).Select(g => (Guid?)g.Id)
            .SingleOrDefaultAsync(cancellationToken);
        var live = await db.ResidencePermits.AsNoTracking()
            .Where(p => p.ResidentId == id && (p.Status == PermitStatus.PendingCard || p.Status == PermitStatus.Active || p.Status == PermitStatus.Suspended))
            .ToListAsync(cancellationToken);
        LivePermitNumber = live.Select(p => p.Number.Value).FirstOrDefault();
        var ruleSet = await RuleSetCatalogue.InForceAsync(db, Today, cancellationToken);
        // Age, insured months and months of residence are counted from the record, never typed in as facts.
        Indicators = [.. ruleSet.Indicators
            .Where(i => i.Code is not (IndicatorCodes.Age or IndicatorCodes.SocialInsurance or IndicatorCodes.Residence))
            .Select(i => new Indicator(i.Code, i.Name,
                i.Scoring is LevelTableScoring table ? [.. table.Levels.Select(l => (l.Level, l.Label))] : []))];

        audit.Record("resident.read", id, "resident's desk tasks page");
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }
}
