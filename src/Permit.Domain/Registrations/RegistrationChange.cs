namespace Permit.Domain.Registrations;

/// <summary>
/// One declared change of address or workplace. A declaration more than <see cref="ResidenceRegistration.DeclarationDays"/>
/// days after the change is accepted but marked <see cref="IsLate"/> (the regulation's 10-day duty was missed).
/// </summary>
public sealed class RegistrationChange
{
    private RegistrationChange()
    {
        // For EF Core materialization.
        NewValue = null!;
    }

    internal RegistrationChange(RegistrationChangeKind kind, string newValue, string? newCommunityCode, DateOnly changedOn, DateOnly declaredOn)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        NewValue = newValue;
        NewCommunityCode = newCommunityCode;
        ChangedOn = changedOn;
        DeclaredOn = declaredOn;
        IsLate = declaredOn > changedOn.AddDays(ResidenceRegistration.DeclarationDays);
    }

    public Guid Id { get; private set; }

    public RegistrationChangeKind Kind { get; private set; }

    /// <summary>The new address or the new employer/landlord.</summary>
    public string NewValue { get; private set; }

    /// <summary>The new 12-digit community code, for an address change.</summary>
    public string? NewCommunityCode { get; private set; }

    public DateOnly ChangedOn { get; private set; }

    public DateOnly DeclaredOn { get; private set; }

    public bool IsLate { get; private set; }
}
