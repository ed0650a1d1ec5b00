using Permit.Api.Security.Authorization;

namespace Permit.Api.Features.Credentials;

/// <summary>
/// Credentials: the revocation list for offline verifiers, the holder's dynamic e-permit QR, and the officers' card
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
        return app;
    }
}
