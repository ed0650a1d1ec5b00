using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Permit.Api.Security.Authorization;
using Permit.Domain.Common;
using Permit.Domain.Points;
using Permit.Api.Infrastructure.Http;

namespace Permit.Api.Features.Points;

/// <summary>
/// The officers' side of the points ledger: a resident's points explained, the ledger itself, facts with evidence,
/// reversals (never edits), social-insurance covers, re-reviews, rule-set versions and a manual accrual run.
/// </summary>
public static class PointsApi
{
    public const string Frozen = "points-frozen";
    public const string SupervisorRequired = "points-supervisor-required";
    public const string AlreadyReversed = "points-entry-already-reversed";
    public const string NotReversible = "points-entry-not-reversible";

    public static IEndpointRouteBuilder MapPoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var desk = app.MapGroup("/api/points").WithTags("Points").RequireAuthorization(Policies.Registrar);
        desk.MapGet("/residents/{id:guid}", Statement).WithName("GetResidentPoints")
            .WithSummary("A resident's points explained line by line (audited); ?ruleSetVersion=id@v&on=date shows an older explanation.");
        desk.MapGet("/residents/{id:guid}/entries", Entries).WithName("GetResidentPointsEntries").WithSummary("The resident's points ledger (audited).");
        desk.MapPost("/residents/{id:guid}/entries", Record).WithBodyLimit(RequestLimits.Json).WithName("RecordPointsFact")
            .WithSummary("Records a fact with its evidence (education, skill, employment, housing, bonus, deduction, freeze).");
        desk.MapPost("/residents/{id:guid}/social-insurance", RecordCover).WithBodyLimit(RequestLimits.Json).WithName("RecordSocialInsuranceCover")
            .WithSummary("Records a period of social insurance paid in Zhejiang; its full months accrue monthly.");
        desk.MapPost("/entries/{id:long}/reversal", Reverse).WithBodyLimit(RequestLimits.Json).WithName("ReversePointsEntry")
            .WithSummary("Takes an entry back with a reason; lifting a deduction or freeze needs a supervisor.");
        desk.MapGet("/reviews", PointsReviewsApi.List).WithName("ListPointsReviews").WithSummary("Re-reviews (复核), pending first.");
        desk.MapPost("/reviews/{id:guid}/accept", PointsReviewsApi.Accept).WithBodyLimit(RequestLimits.Json).WithName("AcceptPointsReview")
            .WithSummary("Accepts a re-review with its correcting entries.");
        desk.MapPost("/reviews/{id:guid}/reject", PointsReviewsApi.Reject).WithBodyLimit(RequestLimits.Json).WithName("RejectPointsReview")
            .WithSummary("Rejects a re-review with the reason the holder will read.");
        desk.MapGet("/rule-sets", RuleSetPublishing.List).WithName("ListPointsRuleSets").WithSummary("Every rule-set version and the one in force.");
        desk.MapPost("/rule-sets", RuleSetPublishing.Publish).RequireAuthorization(Policies.Supervisor).WithName("PublishPointsRuleSet")
            .WithSummary("Publishes a new rule-set version (JSON) and recomputes every balance under it.");
        desk.MapPost("/accruals", RunAccrual).RequireAuthorization(Policies.Admin).WithBodyLimit(RequestLimits.Json).WithName("RunPointsAccrual")
            .WithSummary("Runs the monthly accrual for an ended month (idempotent: a month accrues once).");
        return app;
    }

    public static async Task<Results<Ok<PointsStatementResponse>, ProblemHttpResult>> Statement(
        Guid id, string? ruleSetVersion, DateOnly? on, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var ledger = await ResidentLedger.LoadAsync(db, id, ct);
        if (ledger is null)
            return Problems.NoSuch("resident");
        var today = ChinaDate.Today(time);
        var ruleSet = ruleSetVersion is null ? await RuleSetCatalogue.InForceAsync(db, today, ct) : await RuleSetCatalogue.FindAsync(db, ruleSetVersion, ct);
        if (ruleSet is null)
            return Problems.NoSuch("rule-set version");
        var asOf = on ?? today;
        var statement = Explain(ledger, ruleSet, asOf);
        if (statement is null)
            return Problems.Problem("points-date-invalid", "The date is before the resident's birth date.");
        audit.Record("points.read", id, "officer");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(statement);
    }

    /// <summary>The ledger as it stood at the end of <paramref name="asOf"/>, scored under <paramref name="ruleSet"/> on that date.</summary>
    internal static PointsStatementResponse? Explain(ResidentLedger ledger, PointsRuleSet ruleSet, DateOnly asOf)
    {
        if (asOf < ledger.BirthDate)
            return null;
        var end = new DateTimeOffset(asOf.ToDateTime(TimeOnly.MaxValue), ChinaDate.Offset);
        var entries = ledger.Entries.Where(e => e.CreatedAt <= end).ToArray();
        var assessment = PointsCalculator.Calculate(ruleSet, LedgerFacts.Profile(ledger.BirthDate, entries), asOf);
        return PointsStatementResponse.From(ledger.ResidentId, RuleSetCatalogue.Label(ruleSet), assessment, LedgerFacts.Freeze(ruleSet, entries), ledger.Balance);
    }

    public static async Task<Results<Ok<List<PointsEntryResponse>>, ProblemHttpResult>> Entries(
        Guid id, PermitDbContext db, IAuditTrail audit, CancellationToken ct)
    {
        if (!await db.Residents.AnyAsync(r => r.Id == id, ct))
            return Problems.NoSuch("resident");
        var entries = await db.PointsEntries.AsNoTracking().Where(e => e.ResidentId == id).OrderBy(e => e.Id).ToListAsync(ct);
        audit.Record("points.entries.read", id, "officer");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(entries.Select(PointsEntryResponse.From).ToList());
    }

    public static async Task<Results<Created<LedgerChangeResponse>, ValidationProblem, ProblemHttpResult>> Record(
        Guid id, RecordFactRequest request, ClaimsPrincipal user, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var ledger = await ResidentLedger.LoadAsync(db, id, ct);
        if (ledger is null)
            return Problems.NoSuch("resident");
        var today = ChinaDate.Today(time);
        var ruleSet = await RuleSetCatalogue.InForceAsync(db, today, ct);
        var errors = new FieldErrors();
        var fact = LedgerRules.Check(ruleSet, request, errors);
        if (fact is null)
            return Problems.Invalid(errors);
        if (ledger.IsFrozenOn(today) && LedgerRules.Awards(ruleSet, fact))
            return FrozenProblem();

        var entry = ledger.AppendFact(ruleSet, today, fact, "officer", OfficerName(user), time.GetUtcNow());
        audit.Record("points.fact", id, fact.Indicator);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/points/residents/{id}/entries", new LedgerChangeResponse([PointsEntryResponse.From(entry)], BalanceResponse.From(ledger.Balance!)));
    }

    public static async Task<Results<Created<LedgerChangeResponse>, ValidationProblem, ProblemHttpResult>> Reverse(
        long id, ReverseEntryRequest request, ClaimsPrincipal user, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > PointsEntry.MaxTextLength)
            return Problems.Invalid("reason", $"reason is required (at most {PointsEntry.MaxTextLength} characters): say why the entry was wrong.", DeskFields.Required);
        var residentId = await db.PointsEntries.Where(e => e.Id == id).Select(e => (Guid?)e.ResidentId).FirstOrDefaultAsync(ct);
        if (residentId is null)
            return Problems.NoSuch("points entry");
        var ledger = (await ResidentLedger.LoadAsync(db, residentId.Value, ct))!;
        var today = ChinaDate.Today(time);
        var ruleSet = await RuleSetCatalogue.InForceAsync(db, today, ct);
        var original = ledger.Find(id)!;
        if (ReversalRefused(ledger, ruleSet, original, user) is { } refused)
            return refused;

        var reversal = ledger.AppendReversal(ruleSet, today, original, "officer", OfficerName(user), request.Reason.Trim(), time.GetUtcNow());
        audit.Record("points.reverse", ledger.ResidentId, $"entry {id}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/points/residents/{ledger.ResidentId}/entries", new LedgerChangeResponse([PointsEntryResponse.From(reversal)], BalanceResponse.From(ledger.Balance!)));
    }

    /// <summary>Why <paramref name="original"/> may not be reversed by this caller, or null when it may.</summary>
    internal static ProblemHttpResult? ReversalRefused(ResidentLedger ledger, PointsRuleSet ruleSet, PointsEntry original, ClaimsPrincipal user)
    {
        if (original.Kind is PointsEntryKind.Reversal or PointsEntryKind.Recompute)
            return Problems.Problem(NotReversible, "Reversals and rule-set moves are not reversed: record the fact again instead.");
        if (ledger.IsReversed(original.Id))
            return Problems.Problem(AlreadyReversed, "This entry was already reversed.");
        // Lifting a sanction helps the holder and cannot be seen at the counter: a second, senior pair of eyes decides it.
        var sanction = ruleSet.FindIndicator(original.Indicator) is { Tier: PointsTier.Deduction } || original.Indicator.StartsWith("deduction.", StringComparison.Ordinal);
        if (sanction && !user.HasClaim(PermitClaims.Role, Roles.Supervisor) && !user.HasClaim(PermitClaims.Role, Roles.Admin))
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Type = Problems.TypeOf(SupervisorRequired),
                Title = "Only a supervisor may lift a deduction or a freeze.",
            });
        }

        return null;
    }

    public static async Task<Results<Created<SocialInsuranceCoverRequest>, ValidationProblem, ProblemHttpResult>> RecordCover(
        Guid id, SocialInsuranceCoverRequest request, ClaimsPrincipal user, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        if (request.CoveredFrom is null)
            errors.Add("coveredFrom", DeskFields.Required, "coveredFrom is required.");
        if (request.CoveredUntil < request.CoveredFrom)
            errors.Add("coveredUntil", "points-cover-invalid", "coveredUntil is before coveredFrom.");
        if (string.IsNullOrWhiteSpace(request.EvidenceReference) || request.EvidenceReference.Length > PointsEntry.MaxTextLength)
            errors.Add("evidenceReference", LedgerRules.EvidenceRequired, "evidenceReference is required: name the bureau's statement.");
        if (errors.Any)
            return Problems.Invalid(errors);
        if (!await db.Residents.AnyAsync(r => r.Id == id, ct))
            return Problems.NoSuch("resident");
        db.SocialInsuranceCovers.Add(new SocialInsuranceCover(id, request.CoveredFrom!.Value, request.CoveredUntil, request.EvidenceReference!.Trim(), OfficerName(user), time.GetUtcNow()));
        audit.Record("points.social-insurance", id, request.EvidenceReference.Trim());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/points/residents/{id}", request);
    }

    public static async Task<Results<Ok<AccrualResult>, ValidationProblem>> RunAccrual(
        AccrualRequest request, PermitDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var today = ChinaDate.Today(time);
        if (request.Year is not { } year || request.Month is not { } month || month is < 1 or > 12 || year < 2000)
            return Problems.Invalid("month", "year and month (1–12) are required.", "points-accrual-month-invalid");
        if (new DateOnly(year, month, 1).AddMonths(1) > today)
            return Problems.Invalid("month", "Only a month that has ended accrues.", "points-accrual-month-invalid");
        return TypedResults.Ok(await MonthlyAccrual.RunAsync(db, year, month, now, ct));
    }

    internal static ProblemHttpResult FrozenProblem() => Problems.Problem(Frozen,
        "The resident's points are frozen (违法失信/违法犯罪): no points are added while the freeze lasts.");

    internal static string OfficerName(ClaimsPrincipal user) =>
        user.FindFirstValue(PermitClaims.Name) ?? user.FindFirstValue(PermitClaims.Subject) ?? "unknown";
}
