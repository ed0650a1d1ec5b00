using Microsoft.AspNetCore.Mvc.RazorPages;
using Permit.Api.Security.Accounts;

namespace Permit.Api.Web.Pages.Admin;

/// <summary>Officers and counter terminals; new ones are created through the admin API from the page.</summary>
public sealed class UsersModel(PermitDbContext db) : PageModel
{
    public IReadOnlyList<OfficerAccount> Officers { get; private set; } = [];

    public IReadOnlyList<VerifierTerminal> Terminals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Officers = await db.Set<OfficerAccount>().AsNoTracking().OrderBy(o => o.UserName).ToListAsync(cancellationToken);
        Terminals = await db.Set<VerifierTerminal>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
    }
}
