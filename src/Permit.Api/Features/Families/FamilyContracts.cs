namespace Permit.Api.Features.Families;

/// <summary>
/// Links an existing resident as the spouse, child or parent of the resident in the route, named by record id or by
/// citizen ID number (as the desk types it from the member's document).
/// </summary>
public sealed record LinkFamilyMemberRequest(Guid? MemberId, string? Relationship, string? EvidenceKind, string? EvidenceReference, string? MemberIdNumber = null);

/// <summary>
/// A guardian registers a child under 16: the child's citizen ID number as the hukou booklet shows it (no ID card read),
/// the birth certificate number, and the guardian's consent with the consent form's reference.
/// </summary>
public sealed record RegisterChildRequest(
    string? IdNumber,
    string? Name,
    string? EthnicGroup,
    string? HukouAddress,
    string? BirthCertificateNumber,
    bool GuardianConsent,
    string? ConsentReference);

/// <summary>One family tie as seen from the resident in the route: who the member is to them.</summary>
public sealed record FamilyMemberResponse(
    Guid LinkId,
    Guid MemberId,
    string Name,
    DateOnly BirthDate,
    int Age,
    string Relationship,
    string EvidenceKind,
    string EvidenceReference,
    bool GuardianConsent,
    DateOnly RecordedOn);
