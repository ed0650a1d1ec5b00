namespace Permit.Domain.Points;

/// <summary>
/// The facts about one person that a rule set scores. Typed fields feed the provincial indicators; every other
/// indicator reads <see cref="Quantities"/> (counts, months, millilitres, occurrences) or <see cref="Levels"/>
/// (level codes held) under its indicator code. Facts for indicators a rule set does not have are ignored.
/// </summary>
public sealed record PointsProfile
{
    public const string InvalidCode = "points-profile-invalid";

    public required DateOnly BirthDate { get; init; }

    /// <summary>Every education level attained; only the highest scores.</summary>
    public IReadOnlyCollection<EducationLevel> EducationLevels { get; init; } = [];

    /// <summary>Every skill grade, special-skill certificate and title held; only the highest scores.</summary>
    public IReadOnlyCollection<SkillLevel> SkillLevels { get; init; } = [];

    /// <summary>Months of social insurance paid in Zhejiang.</summary>
    public int SocialInsuranceMonths
    {
        get;
        init => field = value >= 0 ? value : throw Invalid("Social-insurance months cannot be negative.");
    }

    /// <summary>Full months since residence registration.</summary>
    public int ResidenceMonths
    {
        get;
        init => field = value >= 0 ? value : throw Invalid("Residence months cannot be negative.");
    }

    /// <summary>Indicator code → quantity (e.g. <c>deduction.traffic-violation</c> → 3, <c>city.blood-donation</c> → 400).</summary>
    public IReadOnlyDictionary<string, decimal> Quantities
    {
        get;
        init
        {
            foreach (var (code, quantity) in value)
            {
                RejectTypedCode(code);
                if (quantity < 0)
                    throw Invalid($"The quantity for '{code}' cannot be negative.");
            }

            field = value;
        }
    } = new Dictionary<string, decimal>();

    /// <summary>Indicator code → level codes held (e.g. <c>city.housing</c> → <c>registered-rental</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> Levels
    {
        get;
        init
        {
            foreach (var code in value.Keys)
                RejectTypedCode(code);
            field = value;
        }
    } = new Dictionary<string, IReadOnlyCollection<string>>();

    /// <summary>The level codes held for a level-table indicator.</summary>
    public IReadOnlyCollection<string> LevelsFor(string code) => code switch
    {
        IndicatorCodes.Education => EducationLevels.Select(QualificationLevels.Code).ToArray(),
        IndicatorCodes.Skill => SkillLevels.Select(QualificationLevels.Code).ToArray(),
        _ => Levels.GetValueOrDefault(code) ?? [],
    };

    /// <summary>The quantity recorded for a per-unit or per-occurrence indicator; 0 when nothing is recorded.</summary>
    public decimal QuantityFor(string code) => code switch
    {
        IndicatorCodes.SocialInsurance => SocialInsuranceMonths,
        IndicatorCodes.Residence => ResidenceMonths,
        _ => Quantities.GetValueOrDefault(code),
    };

    // One fact, one place: a provincial fact given twice could disagree with itself.
    private static void RejectTypedCode(string code)
    {
        if (IndicatorCodes.IsTypedProfileInput(code))
            throw Invalid($"'{code}' is given by its typed profile field, not by code.");
    }

    private static DomainException Invalid(string message) => new(InvalidCode, message);
}
