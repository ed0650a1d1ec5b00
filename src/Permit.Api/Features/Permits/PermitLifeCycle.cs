using Permit.Domain.Common;
using Permit.Domain.Permits;

namespace Permit.Api.Features.Permits;

/// <summary>Reading a permit, and the officer's changes to it: exchange, replacement, revocation, termination.</summary>
public static class PermitLifeCycle
{
    public static async Task<Results<Ok<PermitResponse>, ProblemHttpResult>> GetAsync(
        string number, PermitDbContext db, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var (permit, problem) = await PermitLookup.FindAsync(db, number, cancellationToken);
        if (permit is null)
            return problem!;
        audit.Record("permit.read", permit.ResidentId, "permit lookup");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PermitResponse.From(permit));
    }

    /// <summary>换领: the damaged card is revoked at once and the next sequence ordered.</summary>
    public static Task<Results<Ok<PermitResponse>, ProblemHttpResult>> ExchangeAsync(
        string number, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(number, db, audit, "permit.card-exchange", (p, today) => p.ExchangeDamagedCard(today), time, cancellationToken);

    /// <summary>补领: the lost card is revoked at once and the next sequence ordered.</summary>
    public static Task<Results<Ok<PermitResponse>, ProblemHttpResult>> ReplaceAsync(
        string number, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(number, db, audit, "permit.card-replacement", (p, today) => p.ReplaceLostCard(today), time, cancellationToken);

    public static Task<Results<Ok<PermitResponse>, ProblemHttpResult>> RevokeAsync(
        string number, RevokePermitRequest request, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(number, db, audit, "permit.revoke", (p, today) => p.RevokeForFraud(request?.Finding!, today), time, cancellationToken);

    public static Task<Results<Ok<PermitResponse>, ProblemHttpResult>> TerminateAsync(
        string number, TerminatePermitRequest request, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(number, db, audit, "permit.terminate", (p, today) =>
        {
            if (!Enum.TryParse<PermitEndReason>(request?.Reason, ignoreCase: true, out var reason) || !Enum.IsDefined(reason))
                throw new DomainException("permit-end-reason-invalid", "The reason is LocalHukou, Death or NoLongerQualifies.");
            p.Terminate(reason, today, request!.Note);
        }, time, cancellationToken);

    public static async Task<Ok<SuspendOverdueResponse>> SuspendOverdueAsync(
        SuspendOverdueRequest request, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var date = request?.Date ?? ChinaDate.Today(time);
        var suspended = await MissedEndorsementSuspension.RunAsync(db, audit, date, cancellationToken);
        return TypedResults.Ok(new SuspendOverdueResponse(date, suspended));
    }

    private static async Task<Results<Ok<PermitResponse>, ProblemHttpResult>> ChangeAsync(
        string number, PermitDbContext db, IAuditTrail audit, string action, Action<ResidencePermit, DateOnly> change,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (permit, problem) = await PermitLookup.FindAsync(db, number, cancellationToken);
        if (permit is null)
            return problem!;
        try
        {
            change(permit, ChinaDate.Today(time));
            audit.Record(action, permit.ResidentId, $"permit {permit.Number.Value}");
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(PermitResponse.From(permit));
        }
        catch (DbUpdateException e) when (Problems.FromDatabase(e) is { } conflict)
        {
            return conflict;
        }
    }
}
