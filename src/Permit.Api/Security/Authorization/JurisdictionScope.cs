using System.Security.Claims;
using Permit.Domain.Regions;

namespace Permit.Api.Security.Authorization;

/// <summary>
/// Limits the request's <see cref="PermitDbContext"/> to the signed-in officer's jurisdiction before any endpoint or page
/// runs (the filters themselves live in <c>PermitDbContext.Jurisdiction.cs</c>). Only registrars and supervisors that
/// hold a jurisdiction are limited: admins, officers of the whole register, terminals, migrants (whose own endpoints
/// show only their own record) and agents keep the whole register, as do jobs and commands, which run outside requests.
/// </summary>
public static class JurisdictionScope
{
    public static WebApplication UseJurisdictionScope(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (JurisdictionOf(context.User) is { } code)
            {
                // The claim is signed by this API, so a bad one is a fault, never a reason to widen the view.
                if (!Jurisdiction.TryParse(code, out var jurisdiction))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }
                context.RequestServices.GetRequiredService<PermitDbContext>().LimitToJurisdiction(jurisdiction);
            }
            await next(context).ConfigureAwait(false);
        });
        return app;
    }

    /// <summary>The jurisdiction code a registrar or supervisor is limited to; null for everyone who sees the whole register.</summary>
    public static string? JurisdictionOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || user.HasClaim(PermitClaims.Role, Roles.Admin))
            return null;
        if (!user.HasClaim(PermitClaims.Role, Roles.Registrar) && !user.HasClaim(PermitClaims.Role, Roles.Supervisor))
            return null;
        return user.FindFirst(PermitClaims.Jurisdiction)?.Value;
    }
}
