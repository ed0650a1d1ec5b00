namespace Permit.Domain.Common;

/// <summary>
/// A rule of the residence-permit regulations, or an invariant of the model, would be broken.
/// <see cref="Code"/> is stable (callers map it to a ProblemDetails <c>type</c>); the message is for people.
/// </summary>
public sealed class DomainException : Exception
{
    private static readonly IReadOnlyDictionary<string, string> NoDetails = new Dictionary<string, string>();

    public DomainException(string code, string message) : base(message) => Code = code;

    /// <summary>A broken rule with facts the caller may show (e.g. an endorsement window's dates, ISO 8601).</summary>
    public DomainException(string code, string message, IReadOnlyDictionary<string, string> details) : base(message)
    {
        Code = code;
        Details = details;
    }

    public DomainException() : this("domain", "A domain rule was broken.") { }

    public DomainException(string message) : this("domain", message) { }

    public DomainException(string message, Exception innerException) : base(message, innerException) => Code = "domain";

    /// <summary>A short, stable, kebab-case name of the broken rule, e.g. <c>endorsement-outside-window</c>.</summary>
    public string Code { get; }

    /// <summary>
    /// Machine-readable facts about the broken rule, keyed in camelCase (suitable as ProblemDetails extensions).
    /// Never holds personal data.
    /// </summary>
    public IReadOnlyDictionary<string, string> Details { get; } = NoDetails;
}
