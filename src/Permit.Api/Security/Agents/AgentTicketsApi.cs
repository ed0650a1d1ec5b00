using System.Security.Claims;
using Permit.Api.Features.Permits;
using Permit.Api.Security.Authorization;
using Permit.Domain.Credentials.Agents;
using Permit.Domain.Permits;

namespace Permit.Api.Security.Agents;

/// <summary>
/// <c>POST /api/agent-tickets</c>: the desk and counter pages ask for a ticket before each call to the agent on their
/// PC. Officers get <c>read-id</c>, <c>personalize</c> (one permit's ordered card) and <c>events</c> for desk agents;
/// a counter terminal gets <c>read-permit</c> and <c>events</c> for the agents it paired itself. Nothing is recorded
/// per ticket: a ticket is as good as the session that asked for it, for two minutes.
/// </summary>
public static class AgentTicketsApi
{
    public static IEndpointRouteBuilder MapAgentTickets(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/agent-tickets", IssueAsync)
            .RequireAuthorization(Policies.OfficerOrTerminal)
            .WithTags("Agents")
            .WithName("IssueAgentTicket")
            .WithSummary("A two-minute ticket for one operation on one paired card agent");
        return app;
    }

    private static async Task<Results<Ok<AgentTicketIssued>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> IssueAsync(
        AgentTicketRequest? request, ClaimsPrincipal user, PermitDbContext db, AgentKeys keys, AgentTicketClock clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(clock);
        if (AgentCaller.From(user) is not { } caller)
            return TypedResults.Forbid();
        if (request?.AgentId is not { } agentId)
            return Problems.Invalid("agentId", "The agent's id (GET /health on the agent) is required.");
        if (!AgentOperations.IsKnown(request.Operation))
            return Problems.Invalid("operation", $"The operation is one of {string.Join(", ", AgentOperations.All)}.");
        var operation = request.Operation!;
        if (!AgentOperations.AllowedFor(caller.Holder, operation))
            return Refused("operation-not-allowed", $"A {AgentPairingApi.Kind(caller.Holder)} cannot ask for '{operation}'.");

        var agent = await db.Set<PairedAgent>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == agentId, cancellationToken);
        if (agent is null || !agent.Serves(caller.Holder, caller.Id))
            return Refused("agent-not-paired", "That agent is not paired for you (or was unpaired): run permit-agent pair on that PC.");

        string? permitNumber = null;
        int? sequence = null;
        if (operation == AgentOperations.Personalize)
        {
            if (string.IsNullOrWhiteSpace(request.PermitNumber))
                return Problems.Invalid("permitNumber", "A personalize ticket names the permit.");
            var (permit, problem) = await PermitLookup.FindAsync(db, request.PermitNumber.Trim(), cancellationToken);
            if (permit is null)
                return problem!;
            var card = permit.CurrentCard;
            if (permit.HasEnded || card.Status != CardStatus.Ordered || (request.CardSequence is { } asked && asked != card.Sequence))
                return Refused("card-not-ordered", "Only the permit's current ordered card can be written.");
            permitNumber = permit.Number.ToString();
            sequence = card.Sequence;
        }

        var now = clock.Time.GetUtcNow();
        var ticket = new AgentTicket(AgentTicketCodec.NewId(), agent.Id, operation, caller.Holder, caller.Id, now, now + AgentTicket.MaxLifetime,
            permitNumber, sequence);
        return TypedResults.Ok(new AgentTicketIssued(AgentTicketCodec.Sign(ticket, keys.TicketKey), operation, agent.Id, ticket.ExpiresAt, permitNumber, sequence));
    }

    private static ProblemHttpResult Refused(string code, string title) =>
        Problems.Problem(code, title);
}

/// <param name="CardSequence">For <c>personalize</c>: the card meant; none = the permit's current ordered card.</param>
public sealed record AgentTicketRequest(Guid? AgentId, string? Operation, string? PermitNumber, int? CardSequence);

public sealed record AgentTicketIssued(string Ticket, string Operation, Guid AgentId, DateTimeOffset ExpiresAt, string? PermitNumber, int? CardSequence)
{
    // A ticket is a credential for two minutes: never in a log line.
    public override string ToString() => $"AgentTicketIssued {{ Operation = {Operation}, AgentId = {AgentId} }}";
}

/// <summary>
/// The clock tickets are stamped and checked with: always the wall clock in production. It is its own service because
/// a ticket crosses to another machine (the agent), whose clock the API's test clocks cannot move.
/// </summary>
public sealed record AgentTicketClock(TimeProvider Time);
