using System.Security.Claims;
using System.Text;
using Permit.Api.Features.Points;
using Permit.Api.Features.Residents;
using Permit.Domain.Common;
using Permit.Domain.Settlement;

namespace Permit.Api.Features.Settlement;

/// <summary>
/// The category condition sets: listed for the desk (each condition with the evidence it needs), published by a
/// supervisor as JSON in the shipped file's shape. A published version is stored as sent and never changes.
/// </summary>
public static class ConditionSetPublishing
{
    public static async Task<Ok<List<ConditionSetResponse>>> ListAsync(PermitDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = ChinaDate.Today(time);
        var inForce = await ConditionSetCatalogue.InForceAsync(db, today, ct);
        var all = await ConditionSetCatalogue.AllAsync(db, ct);
        return TypedResults.Ok(all.OrderBy(s => s.Id, StringComparer.Ordinal).ThenBy(s => s.Version).Select(s => new ConditionSetResponse(
            s.Label, s.Name, s.EffectiveFrom, s.Label == inForce.Label,
            [.. s.Categories.Select(c => new CategoryResponse(c.Code, c.Name,
                [.. c.Conditions.Select(k => new ConditionResultResponse(k.Code, k.Name, false, k.Kind, "", k.Evidence))]))])).ToList());
    }

    public static async Task<Results<Created<ConditionSetResponse>, ProblemHttpResult>> PublishAsync(
        HttpRequest request, ClaimsPrincipal user, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        SettlementConditionSet set;
        set = SettlementConditionSet.Parse(await reader.ReadToEndAsync(ct));

        var latest = (await ConditionSetCatalogue.AllAsync(db, ct)).Where(s => s.Id == set.Id).Select(s => s.Version).DefaultIfEmpty(0).Max();
        if (set.Version <= latest)
            return Problems.Problem("settlement-condition-set-version-not-newer", $"Condition set '{set.Id}' already has version {latest}: publish version {latest + 1} or later.");
        db.Add(new PublishedSettlementDocument(PublishedSettlementDocument.ConditionsKind, set.Id, set.Version, set.EffectiveFrom,
            SettlementConditionSet.Serialize(set), time.GetUtcNow(), PointsApi.OfficerName(user)));
        audit.Record("settlement.condition-set.publish", null, set.Label);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/settlement/condition-sets", new ConditionSetResponse(set.Label, set.Name, set.EffectiveFrom,
            set.EffectiveFrom <= ChinaDate.Today(time), []));
    }
}
