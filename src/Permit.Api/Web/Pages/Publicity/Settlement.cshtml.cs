using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Permit.Api.Features.Settlement.Rounds;

namespace Permit.Api.Web.Pages.Publicity;

/// <summary>
/// The public publicity page of a points-based settlement round (积分落户公示): anyone may open it. It renders only what
/// <see cref="RoundPublicity.ListAsync"/> gives: masked name and ID number, score, rank, outcome.
/// </summary>
public sealed class SettlementModel(PermitDbContext db) : PageModel
{
    public PublicityResponse? List { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        List = await RoundPublicity.ListAsync(db, id, cancellationToken);
        return List is null ? NotFound() : Page();
    }
}
