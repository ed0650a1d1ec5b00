using Microsoft.EntityFrameworkCore;
using Permit.Api.Infrastructure.Problems;
using Permit.Api.Persistence;
using Permit.Domain.Regions;

namespace Permit.Api.Features.Communities;

/// <summary>
/// What a registration may name. While the directory is empty (a new installation before its first import, or a test
/// that never fills it) any well-formed community code in the officer's jurisdiction is accepted, as before the
/// directory existed; once it lists a single community, a registration or a move must name a listed, unretired one.
/// </summary>
public static class CommunityDirectory
{
    public const string NotListed = "community-not-in-directory";
    public const string Retired = "community-retired";

    /// <summary>Adds a field error when <paramref name="community"/> is unknown to a non-empty directory, or retired.</summary>
    public static async Task CheckOfferedAsync(this FieldErrors errors, string field, CommunityCode? community, PermitDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(db);
        if (community is null)
            return;
        var listed = await db.Communities.AsNoTracking().Where(c => c.Code == community).Select(c => new { c.Retired }).SingleOrDefaultAsync(cancellationToken);
        if (listed is null)
        {
            if (await db.Communities.AnyAsync(cancellationToken))
                errors.Add(field, NotListed, $"{field} {community} is not in the community directory.");
        }
        else if (listed.Retired)
        {
            errors.Add(field, Retired, $"{field} {community} is retired: new registrations cannot name it.");
        }
    }
}
