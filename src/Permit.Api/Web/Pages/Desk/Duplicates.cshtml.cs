using Microsoft.AspNetCore.Mvc.RazorPages;
using Permit.Api.Features.Duplicates;

namespace Permit.Api.Web.Pages.Desk;

/// <summary>
/// The supervisor's list of suspected duplicates (docs/duplicates.md): the same query as <c>GET /api/duplicates</c>, so the
/// page shows exactly the pairs of the supervisor's jurisdiction, and reading it is audited the same way.
/// </summary>
public sealed class DuplicatesModel(PermitDbContext db) : PageModel
{
    public IReadOnlyList<SuspicionResponse> Suspicions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Suspicions = (await DuplicatesApi.ListAsync(db, HttpContext, cancellationToken)).Value ?? [];
}
