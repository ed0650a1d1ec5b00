using System.Security.Claims;
using Permit.Api.Features.Endorsements;
using Permit.Api.Features.Permits;
using Permit.Api.Security.Authorization;
using Permit.Domain.Permits;
using Permit.Domain.Common;

namespace Permit.Api.Features.SelfService;

/// <summary>What a holder sees of their own permit.</summary>
public sealed record SelfServicePermitView(
    string PermitNumber, string Status, DateOnly IssueDate, DateOnly ValidUntil, EndorsementWindowResponse NextEndorsementWindow,
    bool CanEndorseToday, int CardSequence, string CardStatus, DateOnly ContinuousResidenceSince, DateOnly? SuspendedOn,
    string? Photo = null);

/// <summary>
/// The holder's own permit (migrant policy; the resident is the one in the token, never one from the request):
/// status, next endorsement window, card sequence, and asking for the endorsement.
/// </summary>
public static class SelfServiceApi
{
    public static IEndpointRouteBuilder MapPermitSelfService(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var own = app.MapGroup("/api/self-service/permit").RequireAuthorization(Policies.Migrant).WithTags("Self-service");
        own.MapGet("/", GetOwnPermitAsync).WithName("GetOwnPermit").WithSummary("The signed-in holder's permit, window and card");
        own.MapPost("/endorsements", RequestEndorsementAsync).WithName("RequestOwnEndorsement")
            .WithSummary("The holder asks for this year's endorsement (inside the window, or late after suspension)");
        return app;
    }

    public static async Task<Results<Ok<SelfServicePermitView>, ProblemHttpResult>> GetOwnPermitAsync(
        ClaimsPrincipal user, PermitDbContext db, IAuditTrail audit, TimeProvider time, Photos.PhotoLinks photos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photos);
        var permit = await OwnPermitAsync(user, db, cancellationToken);
        if (permit is null)
            return Problems.PermitNotFound("been issued to you");
        audit.Record("permit.read", permit.ResidentId, "self-service");
        // The holder sees the photo the register and the card carry: a two-minute link made for this holder alone.
        var photoId = await Photos.PhotoStore.ShownPhotoIdAsync(db, permit.ResidentId, cancellationToken);
        var photo = photoId is { } id ? photos.For(id, user, Photos.PhotoAudience.Holder) : null;
        await db.SaveChangesAsync(cancellationToken);
        var today = ChinaDate.Today(time);
        var window = permit.EndorsementWindow;
        var card = permit.CurrentCard;
        return TypedResults.Ok(new SelfServicePermitView(
            permit.Number.Value, permit.Status.ToString(), permit.IssueDate, permit.ValidUntil,
            new EndorsementWindowResponse(window.Opens, window.Closes),
            permit.Status == PermitStatus.Suspended || permit.IsEndorsementOverdue(today) || (permit.Status == PermitStatus.Active && window.Contains(today)),
            card.Sequence, card.Status.ToString(), permit.ContinuousResidenceSince, permit.SuspendedOn, photo));
    }

    public static async Task<Results<Ok<EndorsementResponse>, ProblemHttpResult>> RequestEndorsementAsync(
        ClaimsPrincipal user, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var permit = await OwnPermitAsync(user, db, cancellationToken);
        if (permit is null)
            return Problems.PermitNotFound("been issued to you");
        return await EndorsementsApi.EndorseAsync(permit, db, audit, ChinaDate.Today(time), "self-service", cancellationToken);
    }

    /// <summary>The holder's live permit, else the latest one that ended (so a holder can see that it ended).</summary>
    private static async Task<ResidencePermit?> OwnPermitAsync(ClaimsPrincipal user, PermitDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(user.FindFirstValue(PermitClaims.ResidentId), out var residentId))
            return null;
        var permits = await db.ResidencePermits.Where(p => p.ResidentId == residentId).ToListAsync(cancellationToken);
        return permits.OrderBy(p => p.HasEnded).ThenByDescending(p => p.IssueDate).FirstOrDefault();
    }
}
