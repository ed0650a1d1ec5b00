using Permit.Domain.Points;
using Permit.Api.Infrastructure.Http;

namespace Permit.Api.Features.Points;

/// <summary>Checks an officer's fact against the rule set in force before it may reach the ledger.</summary>
internal static class LedgerRules
{
    public const string UnknownIndicator = "points-indicator-unknown";
    public const string NotEntered = "points-indicator-not-entered";
    public const string LevelInvalid = "points-level-invalid";
    public const string QuantityInvalid = "points-quantity-invalid";
    public const string EvidenceRequired = "points-evidence-required";
    public const string FreezeInvalid = "points-freeze-invalid";

    /// <summary>The fact, or null with <paramref name="errors"/> naming every field that is wrong (prefix e.g. <c>facts[0].</c>).</summary>
    public static LedgerFact? Check(PointsRuleSet ruleSet, RecordFactRequest? request, FieldErrors errors, string prefix = "")
    {
        if (request is null)
        {
            errors.Add(prefix.TrimEnd('.'), DeskFields.Required, "A fact is required.");
            return null;
        }

        var before = errors.Count;
        var indicator = request.Indicator is null ? null : ruleSet.FindIndicator(request.Indicator);
        if (string.IsNullOrWhiteSpace(request.Indicator))
            errors.Add(prefix + "indicator", DeskFields.Required, "indicator is required (e.g. province.education).");
        else if (indicator is null)
            errors.Add(prefix + "indicator", UnknownIndicator, $"Rule set {RuleSetCatalogue.Label(ruleSet)} has no indicator '{request.Indicator}'.");
        else if (indicator.Code == IndicatorCodes.Age)
            errors.Add(prefix + "indicator", NotEntered, "Age points come from the birth date; they are not entered.");

        if (string.IsNullOrWhiteSpace(request.EvidenceReference))
            errors.Add(prefix + "evidenceReference", EvidenceRequired, "evidenceReference is required: name the certificate, contract or decision.");
        else if (request.EvidenceReference.Length > PointsEntry.MaxTextLength)
            errors.Add(prefix + "evidenceReference", QuantityInvalid, $"evidenceReference is at most {PointsEntry.MaxTextLength} characters.");

        var quantity = 1;
        if (indicator is { Scoring: LevelTableScoring table })
        {
            if (string.IsNullOrWhiteSpace(request.Level))
                errors.Add(prefix + "level", DeskFields.Required, $"'{indicator.Code}' is scored by level: level is required ({string.Join(", ", table.Levels.Select(l => l.Level))}).");
            else if (table.Find(request.Level) is null)
                errors.Add(prefix + "level", LevelInvalid, $"'{request.Level}' is not a level of '{indicator.Code}' ({string.Join(", ", table.Levels.Select(l => l.Level))}).");
            if (request.Quantity is not null and not 1)
                errors.Add(prefix + "quantity", QuantityInvalid, "A level is held or not: leave quantity out.");
        }
        else if (indicator is not null)
        {
            if (request.Level is not null)
                errors.Add(prefix + "level", LevelInvalid, $"'{indicator.Code}' is scored by quantity, not level.");
            if (request.Quantity is not > 0 || request.Quantity > 100_000)
                errors.Add(prefix + "quantity", QuantityInvalid, $"'{indicator.Code}' needs a quantity from 1 to 100000.");
            else
                quantity = request.Quantity.Value;
        }

        if (request.FrozenUntil is not null && indicator is not null && !indicator.Freezes)
            errors.Add(prefix + "frozenUntil", FreezeInvalid, $"'{indicator.Code}' does not freeze points: frozenUntil does not apply.");

        return errors.Count > before || indicator is null
            ? null
            : new LedgerFact(indicator.Code, quantity, indicator.Scoring is LevelTableScoring ? request.Level : null, request.EvidenceReference!.Trim(), request.FrozenUntil);
    }

    /// <summary>True when the fact can only add points (a frozen total must not grow).</summary>
    public static bool Awards(PointsRuleSet ruleSet, LedgerFact fact) =>
        ruleSet.FindIndicator(fact.Indicator) is { Tier: not PointsTier.Deduction };
}
