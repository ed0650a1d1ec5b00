using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Permit.Api.Web.Pages.Admin;

/// <summary>Who read or changed one resident's data, newest first. Looking is itself recorded.</summary>
public sealed class AuditModel(PermitDbContext db, IAuditTrail audit) : PageModel
{
    public string? Name { get; private set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Name = await db.Residents.AsNoTracking().Where(r => r.Id == id).Select(r => r.Name).SingleOrDefaultAsync(cancellationToken);
        if (Name is null)
            return NotFound();
        Entries = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.ResidentId == id)
            .OrderByDescending(e => e.Sequence).Take(500).ToListAsync(cancellationToken);
        audit.Record("audit.read", id, "resident's audit trail page");
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }
}
