using System.Globalization;

namespace Permit.Domain.Settlement;

/// <summary>How a condition is checked. Every number a kind uses is written in the condition set's file.</summary>
public static class ConditionKinds
{
    public const string ActiveRegistration = "active-registration";
    public const string ResidenceMonths = "residence-months";
    public const string InsuranceMonths = "insurance-months";
    public const string RegistrationBasis = "registration-basis";
    public const string Qualification = "qualification";
    public const string Investment = "investment";
    public const string Document = "document";

    public static IReadOnlyList<string> All { get; } =
        [ActiveRegistration, ResidenceMonths, InsuranceMonths, RegistrationBasis, Qualification, Investment, Document];
}

/// <summary>One condition of a category, as the published file names it, with the evidence it needs.</summary>
public sealed record SettlementCondition(
    string Code,
    string Name,
    string Kind,
    string Evidence,
    decimal? Minimum = null,
    string? Basis = null,
    IReadOnlyList<string>? EducationLevels = null,
    IReadOnlyList<string>? SkillLevels = null,
    string? Document = null)
{
    /// <summary>Checks the condition against the facts: met or not, what was required and what was found.</summary>
    public ConditionResult Check(SettlementFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var (met, required, found) = Kind switch
        {
            ConditionKinds.ActiveRegistration => (facts.HasActiveRegistration, "active", facts.HasActiveRegistration ? "active" : "none"),
            ConditionKinds.ResidenceMonths => (facts.ResidenceMonths >= Minimum, Months(Minimum), Months(facts.ResidenceMonths)),
            ConditionKinds.InsuranceMonths => (facts.InsuranceMonths >= Minimum, Months(Minimum), Months(facts.InsuranceMonths)),
            ConditionKinds.RegistrationBasis => (facts.HasActiveRegistration && string.Equals(facts.RegistrationBasis, Basis, StringComparison.Ordinal),
                Basis!, facts.RegistrationBasis ?? "none"),
            ConditionKinds.Qualification => (
                (facts.EducationLevel is { } e && (EducationLevels ?? []).Contains(e)) || (facts.SkillLevel is { } s && (SkillLevels ?? []).Contains(s)),
                string.Join('|', [.. EducationLevels ?? [], .. SkillLevels ?? []]),
                $"{facts.EducationLevel ?? "none"}|{facts.SkillLevel ?? "none"}"),
            ConditionKinds.Investment => (facts.InvestmentTenThousandYuan >= Minimum, Amount(Minimum), Amount(facts.InvestmentTenThousandYuan)),
            ConditionKinds.Document => (facts.Documents.Contains(Document!), Document!, facts.Documents.Contains(Document!) ? Document! : "not presented"),
            _ => (false, Kind, "unknown condition kind"),
        };
        return new ConditionResult(Code, Name, met, required, found, Evidence);
    }

    private static string Months(decimal? months) => string.Create(CultureInfo.InvariantCulture, $"{months ?? 0:0} months");

    private static string Amount(decimal? amount) => amount is null ? "none" : string.Create(CultureInfo.InvariantCulture, $"{amount:0.##} 万元");
}

/// <summary>The outcome of one condition: met or not, the requirement, what the register shows, and the evidence to bring.</summary>
public sealed record ConditionResult(string Code, string Name, bool Met, string Required, string Found, string Evidence);

/// <summary>A settlement category (分类落户): its code, name and conditions, all of which must be met.</summary>
public sealed record SettlementCategory(string Code, string Name, IReadOnlyList<SettlementCondition> Conditions)
{
    /// <summary>
    /// Checks every condition and returns every result, so the applicant hears about all unmet conditions at once
    /// (一次性告知), never one at a time.
    /// </summary>
    public IReadOnlyList<ConditionResult> Assess(SettlementFacts facts) => [.. Conditions.Select(c => c.Check(facts))];
}
