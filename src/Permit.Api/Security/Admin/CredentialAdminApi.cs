using Microsoft.Extensions.Options;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Authorization;
using Permit.Api.Security.Passwords;

namespace Permit.Api.Security.Admin;

/// <summary>
/// Admin-only: <c>POST /api/admin/terminals/{id}/revocation</c>, <c>POST /api/admin/officers/{id}/disable</c> and
/// <c>/enable</c>, <c>POST /api/admin/officers/{id}/password</c>, <c>PUT /api/admin/officers/{id}/role</c>, <c>PUT /api/admin/officers/{id}/jurisdiction</c>. Each answers
/// 204, 404 for an unknown id, 409 when it would leave no active admin; all are audited (see <see cref="CredentialAdministration"/>).
/// </summary>
public static class CredentialAdminApi
{
    public static IEndpointRouteBuilder MapCredentialAdministration(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(Policies.Admin);
        admin.MapPost("/terminals/{id:guid}/revocation",
            (Guid id, CredentialAdministration administration, CancellationToken ct) => Answer(administration.RevokeTerminalAsync(id, ct)))
            .WithName("RevokeVerifierTerminal");
        admin.MapPost("/officers/{id:guid}/disable",
            (Guid id, CredentialAdministration administration, CancellationToken ct) => Answer(administration.DisableOfficerAsync(id, ct)))
            .WithName("DisableOfficer");
        admin.MapPost("/officers/{id:guid}/enable",
            (Guid id, CredentialAdministration administration, CancellationToken ct) => Answer(administration.EnableOfficerAsync(id, ct)))
            .WithName("EnableOfficer");
        admin.MapPost("/officers/{id:guid}/password", ResetPassword).WithName("ResetOfficerPassword");
        admin.MapPut("/officers/{id:guid}/role", ChangeRole).WithName("ChangeOfficerRole");
        admin.MapPut("/officers/{id:guid}/jurisdiction", ChangeJurisdiction).WithName("ChangeOfficerJurisdiction");
        return app;
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> ResetPassword(
        Guid id, PasswordResetRequest request, CredentialAdministration administration, PasswordHasher hasher,
        IOptions<PasswordOptions> options, CancellationToken cancellationToken)
    {
        if (request.Password is null || request.Password.Length < options.Value.MinimumLength)
            return Problems.Invalid("password", $"A password is at least {options.Value.MinimumLength} characters.");
        return await Answer(administration.ResetPasswordAsync(id, hasher.Hash(request.Password), cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> ChangeRole(
        Guid id, RoleChangeRequest request, CredentialAdministration administration, CancellationToken cancellationToken)
    {
        if (request.Role is not { } role || !Enum.IsDefined(role))
            return Problems.Invalid("role", "The role is Registrar, Supervisor or Admin.");
        return await Answer(administration.ChangeRoleAsync(id, role, cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> ChangeJurisdiction(
        Guid id, JurisdictionChangeRequest request, CredentialAdministration administration, CancellationToken cancellationToken)
    {
        if (!OfficerJurisdictions.TryParse(request.Jurisdiction, out var jurisdiction))
            return Problems.Invalid("jurisdiction", OfficerJurisdictions.Rule);
        return await Answer(administration.ChangeJurisdictionAsync(id, jurisdiction, cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Answer(Task<AdministrationOutcome> step) =>
        await step switch
        {
            AdministrationOutcome.Done => TypedResults.NoContent(),
            AdministrationOutcome.NotFound => TypedResults.NotFound(),
            _ => Problems.Problem("last-admin",
                "This would leave no active admin: make another officer admin first."),
        };
}

public sealed record PasswordResetRequest(string? Password)
{
    // Holds a password: never print it.
    public override string ToString() => nameof(PasswordResetRequest);
}

public sealed record RoleChangeRequest(OfficerRole? Role);

/// <summary>A region (6 digits), subdistrict or town (9) or community (12) code, or <c>all</c> (or null) for the whole register.</summary>
public sealed record JurisdictionChangeRequest(string? Jurisdiction);
