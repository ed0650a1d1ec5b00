using Permit.Api.Security.Authorization;

namespace Permit.Api.Features.Credentials;

/// <summary>
/// Credentials: the revocation list (v1) and the status list (v2) for offline verifiers, the holder's dynamic e-permit QR, and the officers' card
/// face and issuance receipt documents. One line in Program.cs: <c>app.MapCredentials();</c>.
/// </summary>
public static class CredentialsApi
{
    public static IEndpointRouteBuilder MapCredentials(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/revocation-list", RevocationListApi.GetAsync)
            .AllowAnonymous()
            .WithTags("Credentials")
            .WithName("GetRevocationList")
            .WithSummary("The latest signed revocation list (COSE_Sign1, docs/revocation-list.md) for offline verifiers");
        app.MapPost("/api/admin/revocation-list", RevocationListApi.PublishAsync)
            .RequireAuthorization(Policies.Admin)
            .WithTags("Credentials")
            .WithName("PublishRevocationList")
            .WithSummary("Publish a new revocation list version now, as the daily job does");
        app.MapGet("/api/status-list", StatusListApi.GetAsync)
            .AllowAnonymous()
            .WithTags("Credentials")
            .WithName("GetStatusList")
            .WithSummary("The latest signed full status list v2 (docs/status-list.md) for offline verifiers");
        app.MapGet("/api/status-list/delta", StatusListApi.GetDeltaAsync)
            .AllowAnonymous()
            .WithTags("Credentials")
            .WithName("GetStatusListDelta")
            .WithSummary("The signed delta from full status list ?base=N to the latest (304 when N is the latest, 404 when N is too old)");
        app.MapPost("/api/admin/status-list", StatusListApi.PublishAsync)
            .RequireAuthorization(Policies.Admin)
            .WithTags("Credentials")
            .WithName("PublishStatusList")
            .WithSummary("Publish a new full status list v2 now, as the daily job does");
        app.MapPost("/api/card-challenges", CardChallengeApi.IssueAsync)
            .RequireAuthorization(p => p.RequireAuthenticatedUser()
                .RequireClaim(PermitClaims.Role, Roles.Registrar, Roles.Supervisor, Roles.Admin, Roles.Verifier))
            .WithTags("Credentials")
            .WithName("IssueCardChallenge")
            .WithSummary("A fresh challenge (16 bytes, base64, single use, 2 minutes) for a permit card to sign: card confirmation and card lookups need one");
        app.MapGet("/api/self-service/permit/qr", PermitQrApi.GetAsync)
            .RequireAuthorization(Policies.Migrant)
            .WithTags("Self-service")
            .WithName("GetOwnPermitQr")
            .WithSummary("The holder's dynamic e-permit QR credential (exp a few minutes ahead): JSON, or ?format=png|svg");
        app.MapGet("/api/permits/{number}/card-face", PermitDocumentsApi.CardFaceAsync)
            .RequireAuthorization(Policies.Registrar)
            .WithTags("Permits")
            .WithName("GetPermitCardFace")
            .WithSummary("The printable face of the permit's current card with its QR credential (?format=png|pdf)");
        app.MapPost("/api/permits/{number}/receipt", PermitDocumentsApi.ReceiptAsync)
            .RequireAuthorization(Policies.Registrar)
            .WithTags("Permits")
            .WithName("PrintIssuanceReceipt")
            .WithSummary("The issuance receipt PDF with the activation code (the issuance answer's, or a fresh one on a reprint) and the QR");
        return app;
    }
}
