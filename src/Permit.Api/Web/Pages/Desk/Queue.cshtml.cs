using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Permit.Api.Features.Permits;
using Permit.Api.Web.Paging;
using Permit.Domain.Applications;
using Permit.Domain.Common;

namespace Permit.Api.Web.Pages.Desk;

/// <summary>
/// The supervisor's queue: accepted applications waiting for a decision, oldest due date first, <see cref="PageSize"/>
/// a page (ordered, counted and cut in the database).
/// </summary>
public sealed class QueueModel(PermitDbContext db, IAuditTrail audit, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    public sealed record Waiting(Guid Id, Guid ResidentId, string Name, string Basis, string Exemption, DateOnly? AcceptedOn, DateOnly? DueDate, bool Overdue, bool Extended);

    public IReadOnlyList<Waiting> Applications { get; private set; } = [];

    public ListPage Window { get; private set; } = ListPage.Of(1, PageSize, 0);

    public async Task OnGetAsync([FromQuery] int? page, CancellationToken cancellationToken)
    {
        var today = ChinaDate.Today(time);
        var accepted = db.PermitApplications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Accepted);
        Window = ListPage.Of(page, PageSize, await accepted.CountAsync(cancellationToken));
        var rows = await accepted
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id)
            .Skip(Window.Skip).Take(Window.Size)
            .Join(db.Residents.AsNoTracking(), a => a.ResidentId, r => r.Id, (a, r) => new { a, r.Name })
            .ToListAsync(cancellationToken);
        Applications = [.. rows
            .Select(x => new Waiting(x.a.Id, x.a.ResidentId, x.Name, x.a.Basis.ToString().ToLowerInvariant(),
                x.a.Exemption.ToString().ToLowerInvariant(), x.a.AcceptedOn, x.a.DueDate, x.a.DueDate < today, x.a.DueDateExtended))];
        // The names in the queue are personal data shown to the supervisor: the page's rows, not the whole queue.
        foreach (var w in Applications)
            audit.Record("application.queue-read", w.ResidentId, "supervisor's approval queue");
        await db.SaveChangesAsync(cancellationToken);
    }
}
