using System.Globalization;
using Microsoft.Net.Http.Headers;
using Permit.Api.Keys;

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
        HttpContext http, PermitDbContext db, IssuerKeyRing keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        // From the node's cache (RevocationListCache), which also publishes when the list is missing or behind. The ETag
        // lets a verifier that has this version get 304 and no body.
        var cache = http.RequestServices.GetRequiredService<RevocationListCache>();
        return Serve(http, await cache.LatestAsync(db, keys, cancellationToken));
    }

    public static async Task<FileContentHttpResult> PublishAsync(
        HttpContext http, PermitDbContext db, IssuerKeyRing keys, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var list = await RevocationListPublisher.PublishAsync(db, keys, time.GetUtcNow(), cancellationToken);
        http.RequestServices.GetService<RevocationListCache>()?.Remember(list);
        return Serve(http, list);
    }

    private static FileContentHttpResult Serve(HttpContext http, PublishedRevocationList list)
    {
        http.Response.Headers[VersionHeader] = list.Version.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.File(list.SignedList, MediaType, fileDownloadName: null, lastModified: list.ThisUpdate,
            entityTag: new EntityTagHeaderValue($"\"rl-{list.Version.ToString(CultureInfo.InvariantCulture)}\""));
    }
}
