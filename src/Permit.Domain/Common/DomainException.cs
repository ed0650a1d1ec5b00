namespace Permit.Domain.Common;

/// <summary>
/// A rule of the residence-permit regulations, or an invariant of the model, would be broken.
/// <see cref="Code"/> is stable (callers map it to a ProblemDetails <c>type</c>); the message is for people.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message) : base(message) => Code = code;

    public DomainException() : this("domain", "A domain rule was broken.") { }

    public DomainException(string message) : this("domain", message) { }

    public DomainException(string message, Exception innerException) : base(message, innerException) => Code = "domain";

    /// <summary>A short, stable, kebab-case name of the broken rule, e.g. <c>endorsement-outside-window</c>.</summary>
    public string Code { get; }
}
