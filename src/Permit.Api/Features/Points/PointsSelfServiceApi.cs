using System.Security.Claims;
using Permit.Api.Security.Authorization;
using Permit.Domain.Common;
using Permit.Domain.Points;
using Permit.Api.Infrastructure.Http;

namespace Permit.Api.Features.Points;

/// <summary>
/// A holder's own points (migrant policy; the resident is always the one in the token): the explained total, a
/// what-if self-assessment that saves nothing, and re-review requests (复核).
/// </summary>
public static class PointsSelfServiceApi
{
    public static IEndpointRouteBuilder MapPointsSelfService(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var own = app.MapGroup("/api/self-service/points").RequireAuthorization(Policies.Migrant).WithTags("Self-service");
        own.MapGet("/", OwnStatement).WithName("GetOwnPoints").WithSummary("The holder's points explained line by line");
        own.MapPost("/what-if", WhatIf).WithBodyLimit(RequestLimits.Json).WithName("OwnPointsWhatIf")
            .WithSummary("Scores the holder's facts plus hypothetical ones; nothing is saved");
        own.MapGet("/reviews", OwnReviews).WithName("GetOwnPointsReviews").WithSummary("The holder's re-review requests and their answers");
        own.MapPost("/reviews", FileReview).WithBodyLimit(RequestLimits.Json).WithName("FileOwnPointsReview")
            .WithSummary("Asks for a re-review (复核) of an indicator or of the total");
        return app;
    }

    public static async Task<Results<Ok<PointsStatementResponse>, ProblemHttpResult>> OwnStatement(
        ClaimsPrincipal user, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var ledger = await OwnLedgerAsync(user, db, ct);
        if (ledger is null)
            return Problems.NoSuch("resident");
        var today = ChinaDate.Today(time);
        var ruleSet = await RuleSetCatalogue.InForceAsync(db, today, ct);
        audit.Record("points.read", ledger.ResidentId, "self-service");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PointsApi.Explain(ledger, ruleSet, today)!);
    }

    public static async Task<Results<Ok<WhatIfResponse>, ValidationProblem, ProblemHttpResult>> WhatIf(
        WhatIfRequest request, ClaimsPrincipal user, PermitDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ledger = await OwnLedgerAsync(user, db, ct);
        if (ledger is null)
            return Problems.NoSuch("resident");
        var today = ChinaDate.Today(time);
        var on = request.On ?? today;
        if (on < today || on > today.AddYears(10))
            return Problems.Invalid("on", "on is a date from today to ten years ahead.", "points-what-if-date-invalid");
        var ruleSet = await RuleSetCatalogue.InForceAsync(db, today, ct);
        var errors = new FieldErrors();
        var profile = Hypothetical(ledger.Profile(), ruleSet, request, errors);
        if (profile is null)
            return Problems.Invalid(errors);

        var current = PointsCalculator.Calculate(ruleSet, ledger.Profile(), today);
        var whatIf = PointsCalculator.Calculate(ruleSet, profile, on);
        // Reads the holder's own points and writes nothing: no ledger entry, no balance, no audit row. The holder
        // is the only one who sees the answer, and a what-if must leave no trace that could be mistaken for a record.
        return TypedResults.Ok(new WhatIfResponse(current.Total, whatIf.Total, whatIf.Total - current.Total,
            PointsStatementResponse.From(ledger.ResidentId, RuleSetCatalogue.Label(ruleSet), whatIf, (whatIf.IsFrozen, null), null)));
    }

    private static PointsProfile? Hypothetical(PointsProfile profile, PointsRuleSet ruleSet, WhatIfRequest request, FieldErrors errors)
    {
        var levels = profile.Levels.ToDictionary(l => l.Key, l => l.Value.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var education = profile.EducationLevels.ToHashSet();
        var skills = profile.SkillLevels.ToHashSet();
        foreach (var (code, held) in request.Levels ?? new Dictionary<string, string[]>())
        {
            if (ruleSet.FindIndicator(code) is not { Scoring: LevelTableScoring table })
            {
                errors.Add($"levels.{code}", LedgerRules.UnknownIndicator, $"'{code}' is not a level indicator of {RuleSetCatalogue.Label(ruleSet)}.");
                continue;
            }

            foreach (var level in held ?? [])
            {
                if (table.Find(level) is null)
                    errors.Add($"levels.{code}", LedgerRules.LevelInvalid, $"'{level}' is not a level of '{code}'.");
                else if (code == IndicatorCodes.Education)
                    education.Add(Enum.GetValues<EducationLevel>().First(e => QualificationLevels.Code(e) == level));
                else if (code == IndicatorCodes.Skill)
                    skills.Add(Enum.GetValues<SkillLevel>().First(s => QualificationLevels.Code(s) == level));
                else
                    (levels.TryGetValue(code, out var set) ? set : levels[code] = new HashSet<string>(StringComparer.Ordinal)).Add(level);
            }
        }

        var quantities = profile.Quantities.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
        foreach (var (code, quantity) in request.Quantities ?? new Dictionary<string, int>())
        {
            if (ruleSet.FindIndicator(code) is not { Scoring: PerUnitScoring or PerOccurrenceScoring } || IndicatorCodes.IsTypedProfileInput(code))
                errors.Add($"quantities.{code}", LedgerRules.UnknownIndicator, $"'{code}' is not a quantity indicator of {RuleSetCatalogue.Label(ruleSet)} (months have their own fields).");
            else if (quantity is < 0 or > 100_000)
                errors.Add($"quantities.{code}", LedgerRules.QuantityInvalid, "A quantity is from 0 to 100000.");
            else
                quantities[code] = quantities.GetValueOrDefault(code) + quantity;
        }

        if (request.ExtraSocialInsuranceMonths is < 0 or > 1200)
            errors.Add("extraSocialInsuranceMonths", LedgerRules.QuantityInvalid, "extraSocialInsuranceMonths is from 0 to 1200.");
        if (request.ExtraResidenceMonths is < 0 or > 1200)
            errors.Add("extraResidenceMonths", LedgerRules.QuantityInvalid, "extraResidenceMonths is from 0 to 1200.");
        if (errors.Any)
            return null;

        try
        {
            return profile with
            {
                EducationLevels = education,
                SkillLevels = skills,
                SocialInsuranceMonths = profile.SocialInsuranceMonths + (request.ExtraSocialInsuranceMonths ?? 0),
                ResidenceMonths = profile.ResidenceMonths + (request.ExtraResidenceMonths ?? 0),
                Quantities = quantities,
                Levels = levels.ToDictionary(l => l.Key, l => (IReadOnlyCollection<string>)l.Value.ToArray(), StringComparer.Ordinal),
            };
        }
        catch (DomainException e)
        {
            errors.Add("profile", e.Code, e.Message);
            return null;
        }
    }

    public static async Task<Results<Ok<List<PointsReviewResponse>>, ProblemHttpResult>> OwnReviews(
        ClaimsPrincipal user, PermitDbContext db, IAuditTrail audit, CancellationToken ct)
    {
        if (!Guid.TryParse(user.FindFirstValue(PermitClaims.ResidentId), out var residentId))
            return Problems.NoSuch("resident");
        var reviews = await db.PointsReviews.AsNoTracking().Where(r => r.ResidentId == residentId).ToListAsync(ct);
        audit.Record("points.review.read", residentId, "self-service");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(reviews.OrderByDescending(r => r.FiledAt).Select(PointsReviewResponse.From).ToList());
    }

    public static async Task<Results<Created<PointsReviewResponse>, ValidationProblem, ProblemHttpResult>> FileReview(
        FileReviewRequest request, ClaimsPrincipal user, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ledger = await OwnLedgerAsync(user, db, ct);
        if (ledger is null)
            return Problems.NoSuch("resident");
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > PointsReview.MaxTextLength)
            errors.Add("reason", DeskFields.Required, $"reason is required (at most {PointsReview.MaxTextLength} characters): say what you think is wrong.");
        var ruleSet = await RuleSetCatalogue.InForceAsync(db, ChinaDate.Today(time), ct);
        if (request.Indicator is not null && ruleSet.FindIndicator(request.Indicator) is null)
            errors.Add("indicator", LedgerRules.UnknownIndicator, $"'{request.Indicator}' is not an indicator of {RuleSetCatalogue.Label(ruleSet)}.");
        if (errors.Any)
            return Problems.Invalid(errors);
        if (await db.PointsReviews.AnyAsync(r => r.ResidentId == ledger.ResidentId && r.Status == PointsReviewStatus.Pending && r.Indicator == request.Indicator, ct))
            return Problems.Problem("points-review-pending", "A re-review of this is already waiting for an officer.");

        var review = new PointsReview(ledger.ResidentId, request.Indicator, request.Reason!.Trim(), time.GetUtcNow());
        db.PointsReviews.Add(review);
        audit.Record("points.review.file", ledger.ResidentId, request.Indicator ?? "total");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/self-service/points/reviews", PointsReviewResponse.From(review));
    }

    private static async Task<ResidentLedger?> OwnLedgerAsync(ClaimsPrincipal user, PermitDbContext db, CancellationToken ct) =>
        Guid.TryParse(user.FindFirstValue(PermitClaims.ResidentId), out var residentId) ? await ResidentLedger.LoadAsync(db, residentId, ct) : null;
}
