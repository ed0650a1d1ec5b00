using Permit.Api.Features.Permits;
using Permit.Domain.Common;
using Permit.Domain.Permits;
using Permit.Domain.Registrations;

namespace Permit.Api.Features.Endorsements;

public sealed record EndorsementResponse(
    string PermitNumber, int Sequence, DateOnly EndorsedOn, DateOnly PreviousValidUntil, DateOnly ValidUntil, bool IsLate,
    string PermitStatus, DateOnly ContinuousResidenceSince, EndorsementWindowResponse NextEndorsementWindow);

/// <summary>
/// The yearly endorsement (签注), given at the counter or requested by the holder: only inside the window (refused with
/// the window's dates), refused when the holder has no active residence registration any more; a late one restores a
/// suspended permit and restarts the continuous-residence count.
/// </summary>
public static class EndorsementsApi
{
    public static IEndpointRouteBuilder MapEndorsements(this IEndpointRouteBuilder permits)
    {
        ArgumentNullException.ThrowIfNull(permits);
        permits.MapPost("/{number}/endorsements", EndorseAtCounterAsync)
            .WithName("EndorsePermit")
            .WithSummary("An officer endorses the permit for another year (inside the window, or late after suspension)");
        return permits;
    }

    public static async Task<Results<Ok<EndorsementResponse>, ProblemHttpResult>> EndorseAtCounterAsync(
        string number, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var (permit, problem) = await PermitLookup.FindAsync(db, number, cancellationToken);
        if (permit is null)
            return problem!;
        return await EndorseAsync(permit, db, audit, ChinaDate.Today(time), "counter", cancellationToken);
    }

    /// <summary>Endorses <paramref name="permit"/> today and saves it with its audit entry; refusals write nothing.</summary>
    public static async Task<Results<Ok<EndorsementResponse>, ProblemHttpResult>> EndorseAsync(
        ResidencePermit permit, PermitDbContext db, IAuditTrail audit, DateOnly today, string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(permit);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        var stillRegistered = await db.ResidenceRegistrations
            .AnyAsync(r => r.ResidentId == permit.ResidentId && r.Status == RegistrationStatus.Active, cancellationToken);
        try
        {
            // The daily job may not have run yet: an overdue permit is suspended first, so the endorsement counts as late.
            if (permit.IsEndorsementOverdue(today))
                permit.SuspendForMissedEndorsement(today);
            var endorsement = permit.Endorse(today, stillRegistered);
            audit.Record("permit.endorse", permit.ResidentId, $"permit {permit.Number.Value} endorsement {endorsement.Sequence} ({channel})");
            await db.SaveChangesAsync(cancellationToken);
            var next = permit.EndorsementWindow;
            return TypedResults.Ok(new EndorsementResponse(
                permit.Number.Value, endorsement.Sequence, endorsement.EndorsedOn, endorsement.PreviousValidUntil, endorsement.NewValidUntil,
                endorsement.IsLate, permit.Status.ToString(), permit.ContinuousResidenceSince,
                new EndorsementWindowResponse(next.Opens, next.Closes)));
        }
        catch (DbUpdateException e) when (Problems.FromDatabase(e) is { } conflict)
        {
            return conflict;
        }
    }
}
