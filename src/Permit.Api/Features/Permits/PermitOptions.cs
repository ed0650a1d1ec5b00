namespace Permit.Api.Features.Permits;

/// <summary>
/// The <c>Permits</c> configuration section: who issues, and for which region the numbers are allocated. Bound once
/// (<c>KeysSetup</c>) and taken as <c>IOptions&lt;PermitOptions&gt;</c>, like every other section.
/// </summary>
public sealed class PermitOptions
{
    public const string Section = "Permits";

    /// <summary>GB/T 2260 code of the issuing district: the first six characters of every permit number.</summary>
    public string IssuingRegion { get; set; } = "330211";

    /// <summary>Printed on the card (EF.PERMIT tag 8A).</summary>
    public string IssuingAuthority { get; set; } = "宁波市公安局镇海分局";
}
