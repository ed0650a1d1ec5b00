using Microsoft.Extensions.Options;
using Permit.Api.Features.Permits.Idempotency;
using Permit.Api.Security.Accounts;
using Permit.Domain.Common;
using Permit.Domain.Permits;
using Permit.Domain.Regions;

namespace Permit.Api.Features.Permits;

/// <summary>
/// <c>POST /api/permits</c>: issues the permit of an approved application and orders its first card. The number is
/// allocated in the transaction that inserts the permit; the database's one-live-permit rule turns a concurrent second
/// issuance for the same resident into 409 and its rollback returns the number.
/// </summary>
public static class IssuePermit
{
    public const string Scope = "permit.issue";

    public static async Task<Results<Created<IssuedPermitResponse>, ContentHttpResult, ProblemHttpResult>> HandleAsync(
        IssuePermitRequest request, HttpContext http, PermitDbContext db, IAuditTrail audit, IOptions<PermitOptions> permitOptions,
        TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (idempotency, badKey) = IdempotencyKey.FromRequest(http, Scope, request);
        if (badKey is not null)
            return badKey;
        if (idempotency is not null && await idempotency.FindEarlierAnswerAsync(db, cancellationToken) is { } earlier)
            return AsUnion(earlier);

        var application = await db.PermitApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.ApplicationId, cancellationToken);
        if (application is null)
        {
            // The desk's one answer for a missing record (this endpoint said application-not-found before).
            return Problems.Problem("not-found", "No permit application has this id.");
        }

        // Cheap early answer; the unique index is what really decides under concurrency.
        if (await db.ResidencePermits.AnyAsync(p => p.ResidentId == application.ResidentId
                && (p.Status == PermitStatus.PendingCard || p.Status == PermitStatus.Active || p.Status == PermitStatus.Suspended), cancellationToken))
        {
            return Problems.Problem("live-permit-exists", "The resident already holds a live residence permit.");
        }

        var options = permitOptions.Value;
        var today = ChinaDate.Today(time);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var number = await PermitNumberAllocator.NextAsync(db, RegionCode.Parse(options.IssuingRegion), today.Year, cancellationToken);
            var permit = ResidencePermit.Issue(application, number, options.IssuingAuthority, today);
            db.ResidencePermits.Add(permit);
            audit.Record("permit.issue", permit.ResidentId, $"application {application.Id}");
            var activationCode = await OpenSelfServiceAsync(db, permit.ResidentId, time, cancellationToken);
            var response = new IssuedPermitResponse(PermitResponse.From(permit), activationCode);
            // The one-time code is a credential: a replayed answer carries the permit, never the code again.
            idempotency?.Remember(db, StatusCodes.Status201Created, response with { ActivationCode = null }, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Created($"/api/permits/{permit.Number.Value}", response);
        }
        catch (DbUpdateException e) when (Problems.FromDatabase(e) is { } conflict)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            // A retry with the same key raced the first attempt: answer what the first one answered.
            if (idempotency is not null && await idempotency.FindEarlierAnswerAsync(db, cancellationToken) is { } replay)
                return AsUnion(replay);
            return conflict;
        }
    }

    /// <summary>The holder's self-service activation code for the issuance receipt; null when their account is already active.</summary>
    private static async Task<string?> OpenSelfServiceAsync(PermitDbContext db, Guid residentId, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await db.Set<MigrantAccount>().AnyAsync(m => m.ResidentId == residentId && m.ActivatedAt != null, cancellationToken))
            return null;
        return await MigrantAccounts.IssueActivationCodeAsync(db, residentId, time.GetUtcNow(), cancellationToken);
    }

    private static Results<Created<IssuedPermitResponse>, ContentHttpResult, ProblemHttpResult> AsUnion(IResult result) =>
        result switch
        {
            ContentHttpResult content => content,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("An idempotent answer is stored content or a problem."),
        };
}
