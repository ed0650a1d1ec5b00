using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Permit.Api.Keys;

namespace Permit.Api.Features.Credentials;

/// <summary>
/// The status list v2 (docs/status-list.md, "What the API serves"): <c>GET /api/status-list</c> the latest full list,
/// <c>GET /api/status-list/delta?base=N</c> the signed delta from full list N to it, both public like the v1 list and
/// with ETags (a verifier that is current gets 304, no body); <c>POST /api/admin/status-list</c> publishes now.
/// </summary>
public static class StatusListApi
{
    /// <summary>The number of the latest full list, so a verifier can tell it without parsing (it must still verify).</summary>
    public const string NumberHeader = "Status-List-Number";

    public static async Task<IResult> GetAsync(HttpContext http, PermitDbContext db, IssuerKeyRing keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var latest = await http.RequestServices.GetRequiredService<StatusListCache>().LatestAsync(db, keys, cancellationToken);
        return Serve(http, latest.SignedList, latest, $"sl-{latest.Number.ToString(CultureInfo.InvariantCulture)}");
    }

    public static async Task<IResult> GetDeltaAsync(
        HttpContext http, [FromQuery(Name = "base")] long baseNumber, PermitDbContext db, IssuerKeyRing keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var cache = http.RequestServices.GetRequiredService<StatusListCache>();
        var latest = await cache.LatestAsync(db, keys, cancellationToken);
        if (baseNumber == latest.Number)
        {
            // Nothing newer than what the verifier holds: no body, as a matching ETag would get.
            http.Response.Headers[NumberHeader] = latest.Number.ToString(CultureInfo.InvariantCulture);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var delta = await cache.DeltaAsync(db, keys, latest, baseNumber, cancellationToken);
        return delta is null
            ? Problems.Problem("status-list-base-unknown",
                $"List {baseNumber.ToString(CultureInfo.InvariantCulture)} is not a full status list of the last {StatusListPublisher.DeltaBaseAge.TotalDays:0} days; download /api/status-list.")
            : Serve(http, delta, latest,
                $"sld-{baseNumber.ToString(CultureInfo.InvariantCulture)}-{latest.Number.ToString(CultureInfo.InvariantCulture)}");
    }

    public static async Task<IResult> PublishAsync(
        HttpContext http, PermitDbContext db, IssuerKeyRing keys, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var list = await StatusListPublisher.PublishAsync(db, keys, time.GetUtcNow(), cancellationToken);
        http.RequestServices.GetService<StatusListCache>()?.Remember(list);
        return Serve(http, list.SignedList, list, $"sl-{list.Number.ToString(CultureInfo.InvariantCulture)}");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Serve(HttpContext http, byte[] body, PublishedStatusList latest, string tag)
    {
        http.Response.Headers[NumberHeader] = latest.Number.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.File(body, RevocationListApi.MediaType, fileDownloadName: null, lastModified: latest.ThisUpdate,
            entityTag: new EntityTagHeaderValue($"\"{tag}\""));
    }
}
