using Microsoft.Extensions.Options;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Authorization;
using Permit.Api.Security.Passwords;
using Permit.Api.Security.Terminals;
using Permit.Domain.Entitlements;

namespace Permit.Api.Security.Admin;

/// <summary>Admin-only: create officers, register verifier terminals (the API key is shown once), verify the audit chain.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapSecurityAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(Policies.Admin);
        admin.MapPost("/officers", CreateOfficer).WithName("CreateOfficer");
        admin.MapPost("/terminals", CreateTerminal).WithName("CreateVerifierTerminal");
        app.MapCredentialAdministration();
        app.MapGet("/api/audit/verify", VerifyAudit).RequireAuthorization(Policies.Admin).WithName("VerifyAuditTrail");
        return app;
    }

    private static async Task<Results<Created<OfficerCreated>, ValidationProblem, ProblemHttpResult>> CreateOfficer(
        CreateOfficerRequest request, PermitDbContext db, PasswordHasher hasher, IOptions<PasswordOptions> options,
        IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Trim().Length > OfficerAccount.UserNameMaxLength)
            return Problems.Invalid("userName", $"A user name is 1 to {OfficerAccount.UserNameMaxLength} characters.");
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Trim().Length > OfficerAccount.DisplayNameMaxLength)
            return Problems.Invalid("displayName", $"A display name is 1 to {OfficerAccount.DisplayNameMaxLength} characters.");
        if (request.Role is not { } role || !Enum.IsDefined(role))
            return Problems.Invalid("role", "The role is Registrar, Supervisor or Admin.");
        if (request.Password is null || request.Password.Length < options.Value.MinimumLength)
            return Problems.Invalid("password", $"A password is at least {options.Value.MinimumLength} characters.");
        if (!OfficerJurisdictions.TryParse(request.Jurisdiction, out var jurisdiction))
            return Problems.Invalid("jurisdiction", OfficerJurisdictions.Rule);

        var userName = OfficerAccount.NormalizeUserName(request.UserName);
        if (await db.Set<OfficerAccount>().AnyAsync(o => o.UserName == userName, cancellationToken))
            return Problems.Problem("user-name-taken", "The user name is taken.");

        var officer = OfficerAccount.Create(userName, request.DisplayName, role, hasher.Hash(request.Password), time.GetUtcNow(), jurisdiction);
        db.Add(officer);
        audit.Record("officer.create", residentId: null,
            purpose: $"officer {officer.Id} as {officer.Role} of {officer.Jurisdiction ?? OfficerJurisdictions.All}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/officers/{officer.Id}",
            new OfficerCreated(officer.Id, officer.UserName, officer.DisplayName, officer.Role, officer.Jurisdiction));
    }

    private static async Task<Results<Created<TerminalCreated>, ValidationProblem>> CreateTerminal(
        CreateTerminalRequest request, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > VerifierTerminal.NameMaxLength)
            return Problems.Invalid("name", $"A terminal name is 1 to {VerifierTerminal.NameMaxLength} characters.");
        var categories = new List<ServiceCategory>();
        foreach (var name in request.Categories ?? [])
        {
            // By name only: Enum.TryParse would also take "3".
            if (!Enum.GetNames<ServiceCategory>().Contains(name, StringComparer.OrdinalIgnoreCase)
                || !Enum.TryParse<ServiceCategory>(name, ignoreCase: true, out var category))
            {
                return Problems.Invalid("categories", $"Unknown service category '{name}'.");
            }

            categories.Add(category);
        }

        if (categories.Count == 0)
            return Problems.Invalid("categories", "A terminal serves at least one service category.");

        var key = ApiKey.Generate();
        var terminal = VerifierTerminal.Register(request.Name, categories, key, time.GetUtcNow());
        db.Add(terminal);
        audit.Record("terminal.create", residentId: null, purpose: $"terminal {terminal.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/terminals/{terminal.Id}",
            new TerminalCreated(terminal.Id, terminal.Name, [.. terminal.Categories.Select(c => c.ToString())], key.Value));
    }

    private static async Task<Ok<AuditVerification>> VerifyAudit(PermitDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AuditVerifier.VerifyAsync(db, cancellationToken));
}

/// <summary><see cref="Jurisdiction"/>: a region, subdistrict or community code, or absent/<c>all</c> for the whole register.</summary>
public sealed record CreateOfficerRequest(string? UserName, string? DisplayName, OfficerRole? Role, string? Password, string? Jurisdiction = null)
{
    // Holds a password: never print it.
    public override string ToString() => $"CreateOfficerRequest {{ UserName = {UserName}, Role = {Role}, Jurisdiction = {Jurisdiction} }}";
}

public sealed record OfficerCreated(Guid Id, string UserName, string DisplayName, OfficerRole Role, string? Jurisdiction);

/// <summary>Categories by name (<c>Education</c>, <c>Health</c>, …).</summary>
public sealed record CreateTerminalRequest(string? Name, IReadOnlyList<string>? Categories);

/// <summary>The only time the API key is ever shown.</summary>
public sealed record TerminalCreated(Guid Id, string Name, IReadOnlyList<string> Categories, string ApiKey)
{
    public override string ToString() => $"TerminalCreated {{ Id = {Id}, Name = {Name} }}";
}
