using System.Text.Json;
using Permit.Domain.Families;

namespace Permit.Domain.Settlement;

/// <summary>Who may settle with the applicant, as the condition set's file says (its <c>family</c> block).</summary>
public sealed record FamilyRules(int ChildMaxAge, bool UnmarriedChildWithoutIncome, bool ParentsMustLiveTogether);

/// <summary>A family member the applicant names to settle with them, with what the officer checked.</summary>
public sealed record SettlingMemberFacts(Guid MemberId, FamilyRelationship Relationship, int Age, bool LivesTogether, bool UnmarriedWithoutIncome);

/// <summary>
/// A versioned, published set of category conditions (分类落户条件): data, not code. The shipped version is embedded
/// (<c>Settlement/Defaults</c>); a supervisor publishes later versions as JSON. Never edited: a change is a new version.
/// </summary>
public sealed record SettlementConditionSet(
    string Id,
    int Version,
    string Name,
    DateOnly EffectiveFrom,
    FamilyRules Family,
    IReadOnlyList<SettlementCategory> Categories)
{
    public const string InvalidCode = "settlement-condition-set-invalid";

    /// <summary><c>id@version</c>, the label stored on applications.</summary>
    public string Label => $"{Id}@{Version}";

    public SettlementCategory? Category(string? code) => Categories.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));

    /// <summary>
    /// Checks one family member against the family rules: a spouse always; a child up to <see cref="FamilyRules.ChildMaxAge"/>,
    /// or older when unmarried and without income (if the rules allow it); a parent only when living with the applicant.
    /// Returns the problem codes, empty when the member may settle.
    /// </summary>
    public IReadOnlyList<string> CheckMember(SettlingMemberFacts member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var problems = new List<string>();
        switch (member.Relationship)
        {
            case FamilyRelationship.Child when member.Age > Family.ChildMaxAge && !(Family.UnmarriedChildWithoutIncome && member.UnmarriedWithoutIncome):
                problems.Add("member-child-too-old");
                break;
            case FamilyRelationship.Parent when Family.ParentsMustLiveTogether && !member.LivesTogether:
                problems.Add("member-parent-not-living-together");
                break;
        }
        return problems;
    }

    public static SettlementConditionSet Parse(string json)
    {
        try
        {
            var document = JsonSerializer.Deserialize<Document>(json, PublishedJson.Options)
                ?? throw new DomainException(InvalidCode, "The condition set is empty.");
            return document.ToConditionSet();
        }
        catch (JsonException e)
        {
            throw new DomainException(InvalidCode, $"The condition set is not valid JSON of the expected shape: {e.Message}");
        }
    }

    public static string Serialize(SettlementConditionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return JsonSerializer.Serialize(new Document(set.Id, set.Version, set.Name, set.EffectiveFrom, set.Family,
            [.. set.Categories.Select(c => new CategoryDocument(c.Code, c.Name, [.. c.Conditions]))]), PublishedJson.Options);
    }

    private sealed record Document(string Id, int Version, string Name, DateOnly EffectiveFrom, FamilyRules Family, IReadOnlyList<CategoryDocument> Categories)
    {
        public SettlementConditionSet ToConditionSet()
        {
            if (string.IsNullOrWhiteSpace(Id) || Version < 1 || string.IsNullOrWhiteSpace(Name))
                throw new DomainException(InvalidCode, "A condition set needs an id, a version of 1 or more and a name.");
            if (Categories.Count == 0 || Categories.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count() != Categories.Count)
                throw new DomainException(InvalidCode, "A condition set needs categories with distinct codes.");
            foreach (var condition in Categories.SelectMany(c => c.Conditions))
                Validate(condition);
            return new SettlementConditionSet(Id, Version, Name, EffectiveFrom, Family,
                [.. Categories.Select(c => new SettlementCategory(c.Code, c.Name, c.Conditions))]);
        }

        private static void Validate(SettlementCondition c)
        {
            if (string.IsNullOrWhiteSpace(c.Code) || string.IsNullOrWhiteSpace(c.Name) || string.IsNullOrWhiteSpace(c.Evidence))
                throw new DomainException(InvalidCode, "Every condition needs a code, a name and the evidence it needs.");
            var ok = c.Kind switch
            {
                ConditionKinds.ActiveRegistration => true,
                ConditionKinds.ResidenceMonths or ConditionKinds.InsuranceMonths or ConditionKinds.Investment => c.Minimum is > 0,
                ConditionKinds.RegistrationBasis => c.Basis is "employment" or "residence" or "study",
                ConditionKinds.Qualification => (c.EducationLevels?.Count ?? 0) + (c.SkillLevels?.Count ?? 0) > 0,
                ConditionKinds.Document => !string.IsNullOrWhiteSpace(c.Document),
                _ => false,
            };
            if (!ok)
                throw new DomainException(InvalidCode, $"Condition '{c.Code}' of kind '{c.Kind}' lacks what its kind needs (kinds: {string.Join(", ", ConditionKinds.All)}).");
        }
    }

    private sealed record CategoryDocument(string Code, string Name, IReadOnlyList<SettlementCondition> Conditions);
}

/// <summary>Condition sets shipped inside the assembly.</summary>
public static class SettlementConditionSets
{
    private static readonly Lazy<SettlementConditionSet> Zhenhai2026Lazy = new(() => SettlementConditionSet.Parse(Zhenhai2026Json()));

    /// <summary>镇海区分类落户条件（2026年版）, <c>zhenhai-settlement-categories@1</c>.</summary>
    public static SettlementConditionSet Zhenhai2026 => Zhenhai2026Lazy.Value;

    public static string Zhenhai2026Json() => EmbeddedText.Read("zhenhai-settlement-categories-2026.json");
}

internal static class EmbeddedText
{
    public static string Read(string fileName)
    {
        using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream($"Permit.Domain.Settlement.{fileName}")
            ?? throw new InvalidOperationException($"Embedded settlement file '{fileName}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
