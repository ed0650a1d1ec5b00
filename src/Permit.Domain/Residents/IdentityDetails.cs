using Permit.Domain.IdCards;
using Permit.Domain.Identity;

namespace Permit.Domain.Residents;

/// <summary>
/// The identity facts of a resident as an ID card (or an officer copying one) gives them, validated: a real ID number,
/// a GB/T 2261.1 sex, a GB/T 3304 ethnic group. <see cref="Resident"/> checks that sex and birth date agree with the number.
/// </summary>
public sealed record IdentityDetails(
    CitizenIdNumber CitizenId,
    string Name,
    Sex Sex,
    EthnicGroup EthnicGroup,
    DateOnly BirthDate,
    string HukouAddress,
    string? PhotoReference = null)
{
    /// <summary>
    /// Validates a decoded ID card text block. Refuses an expired card (<c>id-card-expired</c>): registration needs a valid ID.
    /// </summary>
    public static IdentityDetails FromIdCard(IdCardText card, DateOnly today, string? photoReference = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.ValidTo is { } validTo && validTo < today)
            throw new DomainException("id-card-expired", "The ID card has expired.");
        return new IdentityDetails(
            CitizenIdNumber.Parse(card.IdNumber, today),
            card.Name,
            SexCode.Parse(card.SexCode),
            EthnicGroup.Parse(card.EthnicGroupCode),
            card.BirthDate,
            card.Address,
            photoReference);
    }
}
