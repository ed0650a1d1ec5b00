using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Permit.Api.Audit;
using Permit.Api.Features.Permits;
using Permit.Api.Persistence;
using Permit.Domain.Applications;
using Permit.Domain.Common;

namespace Permit.Api.Web.Pages.Desk;

/// <summary>The supervisor's queue: accepted applications waiting for a decision, oldest due date first.</summary>
public sealed class QueueModel(PermitDbContext db, IAuditTrail audit, TimeProvider time) : PageModel
{
    public sealed record Waiting(Guid Id, Guid ResidentId, string Name, string Basis, string Exemption, DateOnly? AcceptedOn, DateOnly? DueDate, bool Overdue, bool Extended);

    public IReadOnlyList<Waiting> Applications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = ChinaDate.Today(time);
        var accepted = await db.PermitApplications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Accepted)
            .Join(db.Residents.AsNoTracking(), a => a.ResidentId, r => r.Id, (a, r) => new { a, r.Name })
            .ToListAsync(cancellationToken);
        Applications = [.. accepted
            .Select(x => new Waiting(x.a.Id, x.a.ResidentId, x.Name, x.a.Basis.ToString().ToLowerInvariant(),
                x.a.Exemption.ToString().ToLowerInvariant(), x.a.AcceptedOn, x.a.DueDate, x.a.DueDate < today, x.a.DueDateExtended))
            .OrderBy(w => w.DueDate)];
        // The names in the queue are personal data shown to the supervisor.
        foreach (var w in Applications)
            audit.Record("application.queue-read", w.ResidentId, "supervisor's approval queue");
        await db.SaveChangesAsync(cancellationToken);
    }
}
