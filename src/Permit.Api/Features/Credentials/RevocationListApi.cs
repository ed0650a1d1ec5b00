using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Permit.Api.Keys;
using Permit.Api.Persistence;

namespace Permit.Api.Features.Credentials;

/// <summary>
/// <c>GET /api/revocation-list</c>: the latest signed list for offline verifiers, public like the trust list (it names
/// permit numbers only, which are printed on the cards anyway); a new version when cards were revoked since. <c>POST /api/admin/revocation-list</c>: an admin
/// publishes a new version at once (after a mass revocation, or in the demo) instead of waiting for the daily job.
/// </summary>
public static class RevocationListApi
{
    public const string MediaType = "application/cose; cose-type=\"cose-sign1\"";

    /// <summary>The list's version, so a verifier can tell it without parsing (it must still verify the signature).</summary>
    public const string VersionHeader = "Revocation-List-Version";

    public static async Task<FileContentHttpResult> GetAsync(
        HttpContext http, PermitDbContext db, IssuerKeyRing keys, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        // Before the daily job's first run there is nothing to serve: publish one rather than answer 404 to verifiers.
        // A card revoked (or a permit suspended) since the last publication is published at once: a verifier that is
        // online must not accept a card reported lost this morning until tomorrow's list.
        var latest = await RevocationListPublisher.LatestAsync(db, cancellationToken);
        if (latest is null || await RevocationListPublisher.IsBehindAsync(db, latest, cancellationToken))
            latest = await RevocationListPublisher.PublishAsync(db, keys, time.GetUtcNow(), cancellationToken);
        return Serve(http, latest);
    }

    public static async Task<FileContentHttpResult> PublishAsync(
        HttpContext http, PermitDbContext db, IssuerKeyRing keys, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Serve(http, await RevocationListPublisher.PublishAsync(db, keys, time.GetUtcNow(), cancellationToken));
    }

    private static FileContentHttpResult Serve(HttpContext http, PublishedRevocationList list)
    {
        http.Response.Headers[VersionHeader] = list.Version.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.File(list.SignedList, MediaType, fileDownloadName: null, lastModified: list.ThisUpdate,
            entityTag: new EntityTagHeaderValue($"\"rl-{list.Version.ToString(CultureInfo.InvariantCulture)}\""));
    }
}
