using Microsoft.AspNetCore.Authentication;
using Permit.Api.Keys;

namespace Permit.Api.Security.Agents;

/// <summary>Card agents: their keys, pairing, tickets and the ticket as the agent's credential while writing a card.</summary>
public static class AgentsSetup
{
    public static IServiceCollection AddPermitAgents(this IServiceCollection services)
    {
        services.AddSingleton(sp => AgentKeys.LoadOrCreate(sp.GetRequiredService<KeyDirectory>()));
        services.AddSingleton(new AgentTicketClock(TimeProvider.System));
        return services;
    }

    public static AuthenticationBuilder AddAgentTickets(this AuthenticationBuilder builder) =>
        builder.AddScheme<AuthenticationSchemeOptions, AgentTicketAuthenticationHandler>(AgentTicketAuthenticationHandler.SchemeName, null);

    public static IEndpointRouteBuilder MapPermitAgents(this IEndpointRouteBuilder app)
    {
        app.MapAgentPairing();
        app.MapAgentTickets();
        return app;
    }
}
