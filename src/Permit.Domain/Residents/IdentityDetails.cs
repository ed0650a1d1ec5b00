using Permit.Domain.Identity;

namespace Permit.Domain.Residents;

/// <summary>
/// The identity facts of a resident as an ID card (or an officer copying one) gives them. Decoding the reader's text
/// block belongs to the ID-card layer; this record is what the domain needs from it.
/// </summary>
public sealed record IdentityDetails(
    CitizenIdNumber CitizenId,
    string Name,
    Sex Sex,
    EthnicGroup EthnicGroup,
    DateOnly BirthDate,
    string HukouAddress,
    string? PhotoReference = null);
