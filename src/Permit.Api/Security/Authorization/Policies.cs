using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Permit.Domain.Entitlements;

namespace Permit.Api.Security.Authorization;

/// <summary>
/// Named authorization policies; endpoints use these constants. Anything without a policy still needs an
/// authenticated caller (the fallback policy); public endpoints say <c>AllowAnonymous()</c> explicitly.
/// </summary>
public static class Policies
{
    /// <summary>Registrars and everyone above them.</summary>
    public const string Registrar = nameof(Registrar);

    /// <summary>Supervisors and admins (approving applications).</summary>
    public const string Supervisor = nameof(Supervisor);

    public const string Admin = nameof(Admin);

    /// <summary>The permits desk: registrars and above, or a card agent's personalize ticket on its own permit's card endpoints.</summary>
    public const string RegistrarOrCardTicket = nameof(RegistrarOrCardTicket);

    /// <summary>An officer or a verifier terminal: pairing card agents and asking for agent tickets.</summary>
    public const string OfficerOrTerminal = nameof(OfficerOrTerminal);

    /// <summary>Any verifier terminal.</summary>
    public const string Verifier = nameof(Verifier);

    /// <summary>A terminal serving <see cref="ServiceCategory.Education"/>.</summary>
    public const string SchoolVerifier = nameof(SchoolVerifier);

    /// <summary>A terminal serving <see cref="ServiceCategory.Health"/>.</summary>
    public const string ClinicVerifier = nameof(ClinicVerifier);

    /// <summary>A permit holder signed in to self-service; sees only the resident named by <see cref="PermitClaims.ResidentId"/>.</summary>
    public const string Migrant = nameof(Migrant);

    public static void Configure(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Registrar, p => p.RequireAuthenticatedUser().RequireClaim(PermitClaims.Role, Roles.Registrar, Roles.Supervisor, Roles.Admin));
        options.AddPolicy(Supervisor, p => p.RequireAuthenticatedUser().RequireClaim(PermitClaims.Role, Roles.Supervisor, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireClaim(PermitClaims.Role, Roles.Admin));
        options.AddPolicy(RegistrarOrCardTicket, p => p.RequireAssertion(Agents.AgentTicketScope.Allows));
        options.AddPolicy(OfficerOrTerminal, p => p.RequireAuthenticatedUser()
            .RequireClaim(PermitClaims.Role, Roles.Registrar, Roles.Supervisor, Roles.Admin, Roles.Verifier));
        options.AddPolicy(Verifier, p => p.RequireAuthenticatedUser().RequireClaim(PermitClaims.Role, Roles.Verifier));
        options.AddPolicy(SchoolVerifier, p => p.RequireAuthenticatedUser().RequireClaim(PermitClaims.Role, Roles.Verifier)
            .RequireClaim(PermitClaims.ServiceCategory, nameof(ServiceCategory.Education)));
        options.AddPolicy(ClinicVerifier, p => p.RequireAuthenticatedUser().RequireClaim(PermitClaims.Role, Roles.Verifier)
            .RequireClaim(PermitClaims.ServiceCategory, nameof(ServiceCategory.Health)));
        options.AddPolicy(Migrant, p => p.RequireAuthenticatedUser().RequireClaim(PermitClaims.Role, Roles.Migrant)
            .RequireClaim(PermitClaims.ResidentId));
        // Forgetting a policy must not leave an endpoint open. A request that matched no endpoint is let through so it
        // gets its 404 (there is nothing to protect, and a 401 there would only hide a typo).
        options.FallbackPolicy = new AuthorizationPolicyBuilder()
            .RequireAssertion(context => context.User.Identity?.IsAuthenticated == true
                || (context.Resource is HttpContext http && http.GetEndpoint() is null))
            .Build();
    }
}
