using System.Security.Claims;
using Permit.Api.Features.Permits;
using Permit.Api.Keys;
using Permit.Api.Security.Authorization;
using Permit.Documents.Qr;
using Permit.Domain.Credentials.Qr;
using Permit.Domain.Permits;

namespace Permit.Api.Features.Credentials;

/// <summary>The dynamic e-permit QR as JSON: the credential text and when it goes stale.</summary>
public sealed record PermitQrResponse(
    string Text, string PermitNumber, int CardSequence, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string Svg);

/// <summary>
/// <c>GET /api/self-service/permit/qr[?format=json|png|svg]</c>: the holder's e-permit, a QR credential signed now with
/// <c>exp</c> <see cref="Lifetime"/> ahead (a screenshot passed around goes stale), for the holder's current card. Only
/// an active permit gets one: a suspended or ended permit would be refused by every verifier anyway, and saying so
/// here is clearer.
/// </summary>
public static class PermitQrApi
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(3);

    public static async Task<Results<Ok<PermitQrResponse>, FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string? format, ClaimsPrincipal user, PermitDbContext db, IAuditTrail audit, IssuerKeyRing keys, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var kind = (format ?? "json").ToLowerInvariant();
        if (kind is not ("json" or "png" or "svg"))
            return Problems.Problem("qr-format-invalid", "format is json, png or svg.");
        if (!Guid.TryParse(user.FindFirstValue(PermitClaims.ResidentId), out var residentId))
            return Problems.PermitNotFound("been issued to you");
        var permit = await db.ResidencePermits.AsNoTracking()
            .Where(p => p.ResidentId == residentId && p.Status == PermitStatus.Active).FirstOrDefaultAsync(cancellationToken);
        if (permit is null)
            return Problems.Problem("permit-not-in-force",
                "You have no active residence permit: an e-permit QR is shown only while the permit is in force.");

        var card = permit.CurrentCard;
        var data = await PermitCardDataSource.ForAsync(db, permit, card.Sequence, cancellationToken);
        var now = time.GetUtcNow();
        var text = QrCredential.IssueForPhone(data, now, Lifetime, keys.ActiveSigner);
        audit.Record("permit.e-permit-qr", permit.ResidentId, "self-service");
        await db.SaveChangesAsync(cancellationToken);

        return kind switch
        {
            "png" => TypedResults.File(QrImage.ToPng(text), "image/png"),
            "svg" => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(QrImage.ToSvg(text)), "image/svg+xml"),
            _ => TypedResults.Ok(new PermitQrResponse(
                text, permit.Number.Value, card.Sequence, DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()),
                DateTimeOffset.FromUnixTimeSeconds((now + Lifetime).ToUnixTimeSeconds()),
                // The phone page shows the picture of this very code and renews it before this code expires.
                QrImage.ToSvg(text))),
        };
    }
}
