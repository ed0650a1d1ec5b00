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

    /// <summary>
    /// The whole directory, read once for a file of many rows (a district lists a few hundred communities), so each row
    /// is checked as <see cref="CheckOfferedAsync"/> checks the desk's one without a query per row.
    /// </summary>
    public static async Task<ListedCommunities> LoadAsync(PermitDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var listed = await db.Communities.AsNoTracking().Select(c => new { c.Code, c.Retired }).ToListAsync(cancellationToken);
        return new ListedCommunities(listed.ToDictionary(c => c.Code.Value, c => c.Retired, StringComparer.Ordinal));
    }
}

/// <summary>A snapshot of the directory: code → retired.</summary>
public sealed class ListedCommunities(Dictionary<string, bool> retiredByCode)
{
    /// <summary>
    /// Adds a field error when <paramref name="community"/> is unknown to a non-empty directory, or retired while
    /// <paramref name="retiredAllowed"/> is false (a registration that ended before its community was retired is history,
    /// not a new registration).
    /// </summary>
    public void Check(FieldErrors errors, string field, CommunityCode? community, bool retiredAllowed = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (community is null || retiredByCode.Count == 0)
            return;
        if (!retiredByCode.TryGetValue(community.Value, out var retired))
            errors.Add(field, CommunityDirectory.NotListed, $"{field} {community} is not in the community directory.");
        else if (retired && !retiredAllowed)
            errors.Add(field, CommunityDirectory.Retired, $"{field} {community} is retired: new registrations cannot name it.");
    }
}
