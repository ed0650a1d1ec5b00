namespace Permit.Domain.Common;

/// <summary>What an official may decide. Approving a permit application takes a supervisor.</summary>
public enum OfficialRole
{
    Clerk = 1,
    Supervisor = 2,
}

/// <summary>
/// The official who takes a decision, recorded so that every change of personal data is attributable.
/// <paramref name="Id"/> is the staff identifier (never a citizen ID number).
/// </summary>
public sealed record Official(string Id, OfficialRole Role)
{
    public string Id { get; } = string.IsNullOrWhiteSpace(Id)
        ? throw new DomainException("official-id-required", "The deciding official must be identified.")
        : Id.Trim();

    public OfficialRole Role { get; } = Enum.IsDefined(Role)
        ? Role
        : throw new DomainException("official-role-invalid", "An official is a clerk or a supervisor.");

    public bool IsSupervisor => Role == OfficialRole.Supervisor;
}
