using System.Security.Claims;
using Permit.Api.Security.Authorization;
using Permit.Domain.Entitlements;

namespace Permit.Api.Features.Entitlements;

/// <summary>The service categories the calling terminal serves (one claim each, set by the API-key handler).</summary>
public static class TerminalScope
{
    public static bool Serves(this ClaimsPrincipal terminal, ServiceCategory category)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        // The claims are few (one per category), so a scan beats building a set per request.
        foreach (var claim in terminal.FindAll(PermitClaims.ServiceCategory))
        {
            if (Enum.TryParse<ServiceCategory>(claim.Value, out var served) && served == category)
                return true;
        }

        return false;
    }

    /// <summary>The catalogue's services this terminal may ask about, in catalogue order.</summary>
    public static IEnumerable<PublicService> ServicesFor(this ClaimsPrincipal terminal, ServiceCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return catalogue.Services.Where(s => terminal.Serves(s.Category));
    }
}
