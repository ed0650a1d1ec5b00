using Permit.Domain.Points;

namespace Permit.Domain.Tests.Points;

/// <summary>Small profile builder: a person of a given age on <see cref="AssessedOn"/> with nothing else on record.</summary>
internal static class ProfileBuilder
{
    public static readonly DateOnly AssessedOn = new(2026, 6, 15);

    public static PointsProfile AgedOnAssessment(int age) => new() { BirthDate = AssessedOn.AddYears(-age) };

    public static PointsProfile Someone() => AgedOnAssessment(30);

    public static PointsProfile With(this PointsProfile profile, string code, decimal quantity) =>
        profile with { Quantities = new Dictionary<string, decimal>(profile.Quantities) { [code] = quantity } };

    public static PointsProfile WithLevels(this PointsProfile profile, string code, params string[] levels) =>
        profile with { Levels = new Dictionary<string, IReadOnlyCollection<string>>(profile.Levels) { [code] = levels } };

    public static PointsAssessment AssessedUnderDefaultRules(this PointsProfile profile) =>
        PointsCalculator.Calculate(PointsRuleSets.NingboZhenhai2026, profile, AssessedOn);
}
