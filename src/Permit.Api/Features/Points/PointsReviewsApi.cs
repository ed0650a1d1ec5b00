using System.Security.Claims;
using Permit.Domain.Common;
using Permit.Api.Infrastructure.Http;

namespace Permit.Api.Features.Points;

/// <summary>Re-reviews (复核) on the officers' side: the queue, and resolving one (accepted with corrections, or rejected).</summary>
public static class PointsReviewsApi
{
    public const int PageSize = 100;

    public static async Task<Results<Ok<List<PointsReviewResponse>>, ValidationProblem>> List(
        string? status, PermitDbContext db, IAuditTrail audit, CancellationToken ct)
    {
        var query = db.PointsReviews.AsNoTracking();
        if (status is not null)
        {
            if (!Enum.TryParse<PointsReviewStatus>(status, ignoreCase: true, out var wanted) || !Enum.IsDefined(wanted))
                return Problems.Invalid("status", "status is pending, accepted or rejected.", "points-review-status-invalid");
            query = query.Where(r => r.Status == wanted);
        }

        // Ordered and cut by the database: the first page, never every review ever filed.
        var reviews = await query
            .OrderBy(r => r.Status == PointsReviewStatus.Pending ? 0 : 1).ThenBy(r => r.FiledAt).ThenBy(r => r.Id).Take(PageSize).ToListAsync(ct);
        foreach (var review in reviews)
            audit.Record("points.review.read", review.ResidentId, "review queue");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(reviews.Select(PointsReviewResponse.From).ToList());
    }

    public static async Task<Results<Ok<PointsReviewResponse>, ValidationProblem, ProblemHttpResult>> Accept(
        Guid id, AcceptReviewRequest request, ClaimsPrincipal user, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var review = await db.PointsReviews.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (review is null)
            return Problems.NoSuch("re-review");
        if (review.Status != PointsReviewStatus.Pending)
            return Problems.Problem("points-review-resolved", $"This re-review was already {review.Status.ToString().ToLowerInvariant()}.");

        var today = ChinaDate.Today(time);
        var ruleSet = await RuleSetCatalogue.InForceAsync(db, today, ct);
        var ledger = (await ResidentLedger.LoadAsync(db, review.ResidentId, ct))!;
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Resolution) || request.Resolution.Length > PointsReview.MaxTextLength)
            errors.Add("resolution", DeskFields.Required, $"resolution is required (at most {PointsReview.MaxTextLength} characters): tell the holder what was corrected.");
        var reversals = request.Reversals ?? [];
        var facts = (request.Facts ?? []).Select((f, i) => LedgerRules.Check(ruleSet, f, errors, $"facts[{i}].")).ToList();
        if (reversals.Count + facts.Count == 0)
            errors.Add("facts", "points-review-correction-required", "An accepted re-review corrects something: give reversals or facts (or reject it).");
        for (var i = 0; i < reversals.Count; i++)
        {
            if (ledger.Find(reversals[i]) is null)
                errors.Add($"reversals[{i}]", "points-entry-unknown", $"Entry {reversals[i]} is not on this resident's ledger.");
        }

        if (errors.Any)
            return Problems.Invalid(errors);

        var officer = PointsApi.OfficerName(user);
        var now = time.GetUtcNow();
        foreach (var entryId in reversals.Distinct())
        {
            var original = ledger.Find(entryId)!;
            if (PointsApi.ReversalRefused(ledger, ruleSet, original, user) is { } refused)
                return refused;
            ledger.AppendReversal(ruleSet, today, original, "review", officer, $"复核 {review.Id}", now);
        }

        foreach (var fact in facts.OfType<LedgerFact>())
        {
            if (ledger.IsFrozenOn(today) && LedgerRules.Awards(ruleSet, fact))
                return PointsApi.FrozenProblem();
            ledger.AppendFact(ruleSet, today, fact, "review", officer, now);
        }

        review.Accept(officer, request.Resolution!.Trim(), now);
        audit.Record("points.review.accept", review.ResidentId, review.Id.ToString());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PointsReviewResponse.From(review));
    }

    public static async Task<Results<Ok<PointsReviewResponse>, ValidationProblem, ProblemHttpResult>> Reject(
        Guid id, RejectReviewRequest request, ClaimsPrincipal user, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > PointsReview.MaxTextLength)
            return Problems.Invalid("reason", $"reason is required (at most {PointsReview.MaxTextLength} characters): the holder reads it.", DeskFields.Required);
        var review = await db.PointsReviews.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (review is null)
            return Problems.NoSuch("re-review");
        review.Reject(PointsApi.OfficerName(user), request.Reason.Trim(), time.GetUtcNow());

        audit.Record("points.review.reject", review.ResidentId, review.Id.ToString());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PointsReviewResponse.From(review));
    }
}
