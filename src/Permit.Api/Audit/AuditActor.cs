namespace Permit.Api.Audit;

/// <summary>Who an audit entry is attributed to.</summary>
public sealed record AuditActor(string? Id, string? Name, string? Role, string? Terminal)
{
    /// <summary>The application itself (start-up jobs, the CLI), for entries no person caused.</summary>
    public static AuditActor System(string terminal) => new("system", "system", "system", terminal);
}
