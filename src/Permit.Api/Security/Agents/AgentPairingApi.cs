using System.Security.Claims;
using Permit.Api.Security.Authorization;
using Permit.Domain.Credentials.Agents;

namespace Permit.Api.Security.Agents;

/// <summary>
/// Pairing (<c>permit-agent pair</c>): an officer (a desk PC) or a counter terminal (its PC) registers the agent and
/// gets back the agent's id and the public keys the agent pins: the ticket key it verifies tickets with and the seal
/// key it seals counter card files for. Admins list paired agents and unpair one.
/// </summary>
public static class AgentPairingApi
{
    public static IEndpointRouteBuilder MapAgentPairing(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/agents", PairAsync)
            .RequireAuthorization(Policies.OfficerOrTerminal)
            .WithTags("Agents")
            .WithName("PairAgent")
            .WithSummary("Pair a card agent: its id and the API's ticket and seal public keys, to pin");
        var admin = app.MapGroup("/api/admin/agents").RequireAuthorization(Policies.Admin).WithTags("Agents");
        admin.MapGet("/", ListAsync).WithName("ListPairedAgents");
        admin.MapDelete("/{id:guid}", UnpairAsync).WithName("UnpairAgent");
        return app;
    }

    private static async Task<Results<Created<AgentPaired>, ValidationProblem, ForbidHttpResult>> PairAsync(
        PairAgentRequest? request, ClaimsPrincipal user, PermitDbContext db, AgentKeys keys, IAuditTrail audit, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (AgentCaller.From(user) is not { } caller)
            return TypedResults.Forbid();
        var name = request?.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > PairedAgent.NameMaxLength)
            return Problems.Invalid("name", $"An agent name is 1 to {PairedAgent.NameMaxLength} characters.");

        var agent = PairedAgent.Pair(name, caller.Holder, caller.Id, time.GetUtcNow());
        db.Add(agent);
        audit.Record("agent.pair", residentId: null, purpose: $"agent {agent.Id} as {agent.Kind}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/agents/{agent.Id}", new AgentPaired(
            agent.Id, Kind(agent.Kind), agent.Name,
            new PinnedKey(keys.TicketKeyId, Convert.ToBase64String(keys.TicketKey.ExportSubjectPublicKeyInfo())),
            new PinnedKey(null, Convert.ToBase64String(keys.SealKey.ExportSubjectPublicKeyInfo()))));
    }

    private static async Task<Ok<List<AgentView>>> ListAsync(PermitDbContext db, CancellationToken cancellationToken)
    {
        var agents = await db.Set<PairedAgent>().AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(agents.OrderBy(a => a.PairedAt)
            .Select(a => new AgentView(a.Id, a.Name, Kind(a.Kind), a.PairedBy, a.PairedAt, a.UnpairedAt)).ToList());
    }

    private static async Task<Results<NoContent, NotFound>> UnpairAsync(
        Guid id, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var agent = await db.Set<PairedAgent>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agent is null)
            return TypedResults.NotFound();
        agent.Unpair(time.GetUtcNow());
        audit.Record("agent.unpair", residentId: null, purpose: $"agent {agent.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static string Kind(AgentTicketHolder holder) => holder == AgentTicketHolder.Officer ? "desk" : "counter";
}

/// <summary>An officer (desk) or a counter terminal, the only callers that pair agents and get tickets.</summary>
internal sealed record AgentCaller(AgentTicketHolder Holder, Guid Id)
{
    public static AgentCaller? From(ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(PermitClaims.Role);
        if (role == Roles.Verifier && Guid.TryParse(user.FindFirstValue(PermitClaims.TerminalId) ?? user.FindFirstValue(PermitClaims.Subject), out var terminal))
            return new AgentCaller(AgentTicketHolder.Terminal, terminal);
        if (role is Roles.Registrar or Roles.Supervisor or Roles.Admin && Guid.TryParse(user.FindFirstValue(PermitClaims.Subject), out var officer))
            return new AgentCaller(AgentTicketHolder.Officer, officer);
        return null;
    }
}

public sealed record PairAgentRequest(string? Name);

/// <param name="Kind"><c>desk</c> (paired by an officer) or <c>counter</c> (paired by a terminal).</param>
public sealed record AgentPaired(Guid AgentId, string Kind, string Name, PinnedKey TicketKey, PinnedKey SealKey);

/// <summary>A public key to pin: SPKI DER, base64; <c>kid</c> as in the ticket header.</summary>
public sealed record PinnedKey(string? Kid, string Spki);

public sealed record AgentView(Guid Id, string Name, string Kind, Guid PairedBy, DateTimeOffset PairedAt, DateTimeOffset? UnpairedAt);
