using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Permit.CardAgent.Pairing;

namespace Permit.CardAgent.Server;

/// <param name="Readers">How many readers the smart-card service sees (names need a ticket: <c>GET /readers</c>).</param>
/// <param name="AgentId">This agent's id from pairing (null before <c>pair</c>): the page names it when it asks the API for a ticket.</param>
/// <param name="Kind"><c>desk</c> or <c>counter</c>, as paired.</param>
/// <param name="Simulated">True when the readers are permit-sim emulators in this process (<c>serve --simulated</c>).</param>
public sealed record HealthResponse(string Status, string Version, int Readers, Guid? AgentId, string? Kind, bool Simulated);

/// <summary><c>GET /health</c>: the only route that needs no ticket (the loopback <c>Host</c> check still applies).</summary>
internal static class HealthEndpoint
{
    public static void MapHealthEndpoint(this IEndpointRouteBuilder app, Func<AgentPairing?> pairing, bool simulated) =>
        app.MapGet("/health", (CardOperations operations) =>
        {
            var paired = pairing();
            int readers;
            string status;
            try
            {
                readers = operations.ListReaders().Count;
                status = paired is null ? "not-paired" : "ok";
            }
            catch (Exception e) when (Failures.AgentFailure.IsReported(e))
            {
                readers = 0;
                status = "no-smart-card-service";
            }

            return TypedResults.Ok(new HealthResponse(status, Version, readers, paired?.AgentId, paired?.Kind, simulated));
        });

    private static string Version { get; } =
        typeof(HealthEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";
}
