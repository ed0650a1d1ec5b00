namespace Permit.Domain.Registrations;

/// <summary>The lawful ground of residence (Decree 663 Art. 2): one of them makes a registered migrant eligible.</summary>
public enum ResidenceBasis
{
    /// <summary>Lawful stable employment (合法稳定就业).</summary>
    Employment = 1,

    /// <summary>Lawful stable residence (合法稳定住所).</summary>
    Residence = 2,

    /// <summary>Continuous study (连续就读).</summary>
    Study = 3,
}

public enum RegistrationStatus
{
    Active = 1,
    MovedOut = 2,
}

public enum RegistrationChangeKind
{
    Address = 1,
    Workplace = 2,
}
