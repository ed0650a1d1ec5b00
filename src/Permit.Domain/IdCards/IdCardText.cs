namespace Permit.Domain.IdCards;

/// <summary>
/// The fields of a resident ID card's 256-byte text block, as read; no field is trusted beyond its layout.
/// Callers turn <see cref="IdNumber"/> into a validated citizen ID number where they store it.
/// </summary>
/// <param name="ValidTo">The last day of validity, or null for a long-term (长期) card.</param>
public sealed record IdCardText(
    string Name,
    string SexCode,
    string EthnicGroupCode,
    DateOnly BirthDate,
    string Address,
    string IdNumber,
    string IssuingAuthority,
    DateOnly ValidFrom,
    DateOnly? ValidTo);
