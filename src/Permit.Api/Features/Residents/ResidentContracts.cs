namespace Permit.Api.Features.Residents;

/// <summary>
/// What <c>permit-agent read-id --json</c> prints for a resident ID card (dates YYYYMMDD, <c>validTo</c> may be
/// <c>长期</c>, sex and ethnic group as codes), plus an optional base64 <paramref name="Photo"/> and a contact.
/// </summary>
public sealed record IdCardResidentRequest(
    string? Name,
    string? Sex,
    string? EthnicGroup,
    string? BirthDate,
    string? Address,
    string? IdNumber,
    string? IssuingAuthority,
    string? ValidFrom,
    string? ValidTo,
    string? CardType,
    string? PhotoFormat,
    string? Photo = null,
    string? Contact = null);

/// <summary>A resident typed in by an officer (card reader unavailable). Birth date and sex default to the ID number's.</summary>
public sealed record TypedResidentRequest(
    string? IdNumber,
    string? Name,
    string? Sex,
    string? EthnicGroup,
    string? BirthDate,
    string? HukouAddress,
    string? Contact = null);

public sealed record ResidentResponse(
    Guid Id,
    string IdNumber,
    string Name,
    string Sex,
    string EthnicGroup,
    string EthnicGroupName,
    DateOnly BirthDate,
    string HukouAddress,
    string? Contact,
    bool HasPhoto);

/// <summary>A search hit: the ID number masked (first six, last four characters); read the resident for the full record.</summary>
public sealed record ResidentSummary(Guid Id, string MaskedIdNumber, string Name, DateOnly BirthDate, string? CommunityCode);

public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
