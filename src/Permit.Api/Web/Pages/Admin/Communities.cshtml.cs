using Microsoft.AspNetCore.Mvc.RazorPages;
using Permit.Api.Features.Communities;

namespace Permit.Api.Web.Pages.Admin;

/// <summary>The community directory for admins: every community, retired ones too, with add, rename, retire and import.</summary>
public sealed class CommunitiesModel(PermitDbContext db) : PageModel
{
    public IReadOnlyList<CommunityResponse> Communities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var listed = await db.Communities.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        Communities = [.. listed.Select(CommunityResponse.From)];
    }
}
