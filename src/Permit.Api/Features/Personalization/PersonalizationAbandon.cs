using Permit.Api.Features.Credentials;
using Permit.Api.Features.Permits;
using Permit.Api.Keys;

namespace Permit.Api.Features.Personalization;

/// <summary>
/// <c>POST /api/permits/{number}/cards/{sequence}/personalization/abandon</c>: the officer gives up on the chip bound to
/// an ordered card (pulled out before ACTIVATE, damaged, wrong card), so that another chip can be personalized. Any
/// officer may: abandoning grants nothing, it only takes trust away — the chip's key goes on the signed status list
/// (<c>ac</c>) at once, so files written for it are refused online and, after the next sync, offline. Audited with the
/// reason.
/// </summary>
public static partial class PersonalizationAbandon
{
    public static async Task<Results<Ok<AbandonChipResponse>, ValidationProblem, ProblemHttpResult>> AbandonAsync(
        string number, int sequence, AbandonChipRequest request, PermitDbContext db, IAuditTrail audit, IssuerKeyRing issuerKeys,
        ILoggerFactory loggers, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(loggers);
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > CardPersonalization.AbandonReasonMaxLength)
            return Problems.Invalid("reason", $"Say why the chip is abandoned (1..{CardPersonalization.AbandonReasonMaxLength} characters).");

        var (permit, problem) = await PermitLookup.FindAsync(db, number, cancellationToken);
        if (permit is null)
            return problem!;
        var personalization = await db.Set<CardPersonalization>()
            .SingleOrDefaultAsync(p => p.PermitId == permit.Id && p.CardSequence == sequence && p.AbandonedAt == null, cancellationToken);
        if (personalization is null)
            return Problems.Problem("card-chip-not-bound", "No chip is bound to this card: there is nothing to abandon.");
        if (personalization.IsConfirmed)
        {
            return Problems.Problem("card-already-issued",
                "This card's issue was confirmed: report it lost or order an exchange instead.");
        }

        var now = time.GetUtcNow();
        personalization.Abandon(reason, now);
        audit.Record("permit.card-chip-abandoned", permit.ResidentId, $"permit {permit.Number.Value} card {sequence}: {reason}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (Problems.FromDatabase(e) is { } conflict)
        {
            return conflict;
        }

        // Published at once, so that online and syncing verifiers refuse the chip's files now, not after the daily job.
        long? version = null;
        try
        {
            version = (await RevocationListPublisher.PublishAsync(db, issuerKeys, now, cancellationToken)).Version;
        }
        catch (DbUpdateException e)
        {
            // The chip stays abandoned; GET /api/revocation-list publishes it when it finds the list behind.
            LogPublishFailed(loggers.CreateLogger(typeof(PersonalizationAbandon)), e);
        }

        return TypedResults.Ok(new AbandonChipResponse(permit.Number.Value, sequence, now, version));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The status list could not be published after a chip was abandoned; the next request for it publishes it")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}
