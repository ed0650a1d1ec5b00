namespace Permit.Domain.Points;

/// <summary>Builds the one exception every inconsistency in a rule set raises, so callers map a single code.</summary>
internal static class RuleSetInvalid
{
    public const string Code = "points-rule-set-invalid";

    public static DomainException Because(string message) => new(Code, message);
}
