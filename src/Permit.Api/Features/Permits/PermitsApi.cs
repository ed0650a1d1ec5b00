using Permit.Api.Security.Authorization;

namespace Permit.Api.Features.Permits;

/// <summary>
/// <c>/api/permits</c>: issuance, reading, the card handshake, card exchange and replacement, endorsement, revocation,
/// termination; the admin's run of the missed-endorsement suspension. Program.cs adds the card handshake
/// (<c>MapPersonalization</c>) and endorsements (<c>MapEndorsements</c>) to the group this returns, and the holder's
/// own views (<c>MapPermitSelfService</c>): those features build on permits, permits know nothing of them.
/// </summary>
public static class PermitsApi
{
    public static RouteGroupBuilder MapPermits(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var permits = app.MapGroup("/api/permits").RequireAuthorization(Policies.RegistrarOrCardTicket).WithTags("Permits");

        permits.MapPost("/", IssuePermit.HandleAsync)
            .WithName("IssuePermit")
            .WithSummary("Issue the permit of an approved application (number allocated gap-free; Idempotency-Key honoured)");
        permits.MapGet("/{number}", PermitLifeCycle.GetAsync)
            .WithMetadata(Security.Agents.AgentTicketScope.Personalization)
            .WithName("GetPermit")
            .WithSummary("A permit with its cards, validity and endorsement window");
        permits.MapPost("/{number}/cards/exchange", PermitLifeCycle.ExchangeAsync)
            .WithName("ExchangeDamagedCard")
            .WithSummary("换领: revoke the damaged card at once and order the next card sequence");
        permits.MapPost("/{number}/cards/replacement", PermitLifeCycle.ReplaceAsync)
            .WithName("ReplaceLostCard")
            .WithSummary("补领: revoke the lost card at once and order the next card sequence");
        permits.MapPost("/{number}/revocation", PermitLifeCycle.RevokeAsync)
            .RequireAuthorization(Policies.Supervisor)
            .WithName("RevokePermit")
            .WithSummary("Seize a permit obtained with false proof, recording the finding");
        permits.MapPost("/{number}/termination", PermitLifeCycle.TerminateAsync)
            .WithName("TerminatePermit")
            .WithSummary("End the permit: local hukou, death, or no longer qualifies");

        app.MapPost("/api/admin/permits/suspend-overdue", PermitLifeCycle.SuspendOverdueAsync)
            .RequireAuthorization(Policies.Admin)
            .WithTags("Permits")
            .WithName("SuspendOverduePermits")
            .WithSummary("Suspend every active permit whose endorsement was missed, as the daily job does for a date");

        return permits;
    }
}
