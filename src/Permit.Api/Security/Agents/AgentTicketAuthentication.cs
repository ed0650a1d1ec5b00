using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Permit.Api.Security.Authorization;
using Permit.Domain.Credentials.Agents;

namespace Permit.Api.Security.Agents;

/// <summary>
/// The agent's credential towards the API while it writes a card: <c>Authorization: PermitAgentTicket &lt;ticket&gt;</c>
/// with the <c>personalize</c> ticket the officer's page handed it. The officer's own token never reaches the agent.
/// The principal is the officer (for the audit trail) with role <c>agent-ticket</c>, which opens only endpoints marked
/// <see cref="AgentTicketScope"/>, for the ticket's permit and card (<see cref="Policies.RegistrarOrCardTicket"/>).
/// </summary>
public sealed class AgentTicketAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AgentKeys keys, AgentTicketClock clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PermitAgentTicket";
    public const string Role = "agent-ticket";
    public const string PermitClaim = "ticket_permit";
    public const string CardClaim = "ticket_card";
    public const string AgentClaim = "ticket_agent";

    public static bool Applies(HttpContext http) =>
        http.Request.Headers.Authorization.ToString().StartsWith(SchemeName + " ", StringComparison.Ordinal);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Applies(Context))
            return AuthenticateResult.NoResult();
        var text = Context.Request.Headers.Authorization.ToString()[(SchemeName.Length + 1)..].Trim();
        var read = AgentTicketCodec.Verify(text, keys.TicketKey, clock.Time.GetUtcNow());
        if (read.Ticket is not { } ticket)
            return AuthenticateResult.Fail($"The agent ticket is refused ({read.Error}).");
        if (ticket.Operation != AgentOperations.Personalize || ticket.Kind != AgentTicketHolder.Officer)
            return AuthenticateResult.Fail("Only a personalize ticket speaks to the API.");
        var db = Context.RequestServices.GetRequiredService<PermitDbContext>();
        var agent = await db.Set<PairedAgent>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == ticket.AgentId, Context.RequestAborted);
        if (agent is null || !agent.Serves(ticket.Kind, ticket.Subject))
            return AuthenticateResult.Fail("The ticket's agent is no longer paired.");

        var identity = new ClaimsIdentity(
        [
            new Claim(PermitClaims.Subject, ticket.Subject.ToString()),
            new Claim(PermitClaims.Name, "agent " + agent.Name),
            new Claim(PermitClaims.Role, Role),
            new Claim(PermitClaim, ticket.PermitNumber!),
            new Claim(CardClaim, ticket.CardSequence!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(AgentClaim, ticket.AgentId.ToString()),
        ], SchemeName, PermitClaims.Name, PermitClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

/// <summary>Marks an endpoint a <c>personalize</c> ticket may call (for its own permit and card only).</summary>
public sealed class AgentTicketScope
{
    public static readonly AgentTicketScope Personalization = new();

    private AgentTicketScope()
    {
    }

    /// <summary>A registrar or above; or a personalize ticket on a marked endpoint whose route names its permit (and card).</summary>
    public static bool Allows(AuthorizationHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
            return false;
        if (user.HasClaim(c => c.Type == PermitClaims.Role && c.Value is Roles.Registrar or Roles.Supervisor or Roles.Admin))
            return true;
        if (!user.HasClaim(PermitClaims.Role, AgentTicketAuthenticationHandler.Role) || context.Resource is not HttpContext http
            || http.GetEndpoint()?.Metadata.GetMetadata<AgentTicketScope>() is null)
            return false;
        var number = http.GetRouteValue("number")?.ToString();
        var sequence = http.GetRouteValue("sequence")?.ToString();
        return number is not null && number == user.FindFirstValue(AgentTicketAuthenticationHandler.PermitClaim)
            && (sequence is null || sequence == user.FindFirstValue(AgentTicketAuthenticationHandler.CardClaim));
    }
}
