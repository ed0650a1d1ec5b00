using Permit.Domain.Permits;

namespace Permit.Api.Features.Permits;

/// <summary>Finds a permit (with its cards and endorsements, which are owned and load with it) by the number in the route.</summary>
public static class PermitLookup
{
    /// <summary>The tracked permit, or the answer to give: 400 for a malformed number, 404 for an unknown one.</summary>
    public static async Task<(ResidencePermit? Permit, ProblemHttpResult? Problem)> FindAsync(
        PermitDbContext db, string? number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!PermitNumber.TryParse(number, out var permitNumber))
        {
            return (null, Problems.Problem("permit-number-format",
                "A permit number is 17 digits and a check character (docs/permit-card.md).",
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["number"] = ["not a permit number"] } }));
        }

        var permit = await db.ResidencePermits.SingleOrDefaultAsync(p => p.Number == permitNumber, cancellationToken);
        return permit is null ? (null, Problems.PermitNotFound("this number")) : (permit, null);
    }
}
