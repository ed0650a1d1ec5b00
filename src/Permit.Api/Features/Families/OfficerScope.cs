using System.Security.Claims;
using Permit.Domain.Residents;

namespace Permit.Api.Features.Families;

/// <summary>
/// The residents an officer may see, for every family and settlement query: <c>db.Residents</c> carries the officer's
/// jurisdiction as a global query filter (docs/jurisdictions.md), so every family and settlement query, which starts
/// from these residents or joins them, is filtered with it.
/// </summary>
public static class OfficerScope
{
    public static IQueryable<Resident> Residents(PermitDbContext db, ClaimsPrincipal officer)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(officer);
        return db.Residents;
    }
}
