using Permit.Domain.Identity;
using Permit.Domain.Regions;

namespace Permit.Domain.Residents;

/// <summary>
/// A person known to the district, created from the data an ID card reader delivers (docs/id-card.md).
/// The citizen ID number identifies the person; sex and birth date must agree with it.
/// </summary>
public sealed class Resident
{
    /// <summary>UTF-8 bytes, as EF.PERMIT tag 83 holds them.</summary>
    public const int MaxNameBytes = 60;

    /// <summary>UTF-8 bytes, as EF.PERMIT tag 87 holds them.</summary>
    public const int MaxAddressBytes = 210;

    public const int MaxReferenceLength = 200;
    public const int MaxContactLength = 40;

    private Resident()
    {
        // For EF Core materialization.
        CitizenId = null!;
        Name = null!;
        EthnicGroup = null!;
        HukouAddress = null!;
    }

    private Resident(Guid id, CitizenIdNumber citizenId, string name, EthnicGroup ethnicGroup, string hukouAddress)
    {
        Id = id;
        CitizenId = citizenId;
        Name = name;
        EthnicGroup = ethnicGroup;
        HukouAddress = hukouAddress;
    }

    public Guid Id { get; private set; }

    public CitizenIdNumber CitizenId { get; private set; }

    public string Name { get; private set; }

    public Sex Sex { get; private set; }

    public EthnicGroup EthnicGroup { get; private set; }

    public DateOnly BirthDate { get; private set; }

    /// <summary>The household registration (户籍) address printed on the ID card.</summary>
    public string HukouAddress { get; private set; }

    /// <summary>
    /// Where the ID card's photo is kept (the API's photo store names the stored version), not the photo itself; null when
    /// no card photo that can be shown was read.
    /// </summary>
    public string? PhotoReference { get; private set; }

    /// <summary>A phone number or other contact the resident gave.</summary>
    public string? Contact { get; private set; }

    /// <summary>
    /// The narrowest jurisdiction code known for where the resident lives (docs/jurisdictions.md): the community of their
    /// latest registration or address change, or, before their first registration, the jurisdiction of the desk that
    /// recorded them. Null only when someone of the whole register recorded them and they never registered: then only
    /// officers of the whole register see them. Officers see a resident when this code lies in their jurisdiction.
    /// </summary>
    public string? AreaCode { get; private set; }

    /// <summary>The resident now lives (or, unregistered, is handled) in <paramref name="area"/>.</summary>
    public void PlaceIn(Jurisdiction area)
    {
        ArgumentNullException.ThrowIfNull(area);
        AreaCode = area.Code;
    }

    /// <summary>Registers a person from the ID card's text block. Sex and birth date are checked against the ID number.</summary>
    public static Resident FromIdCard(IdentityDetails card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var resident = new Resident(
            Guid.CreateVersion7(),
            card.CitizenId,
            Guard.CardText(card.Name, "resident-name-invalid", "The name", MaxNameBytes),
            card.EthnicGroup,
            Guard.CardText(card.HukouAddress, "resident-hukou-address-invalid", "The hukou address", MaxAddressBytes));
        resident.ApplyCardFacts(card);
        return resident;
    }

    /// <summary>
    /// A renewed ID card (new name or hukou address) is read again. The ID number cannot change: a different number is a
    /// different person.
    /// </summary>
    public void UpdateFromIdCard(IdentityDetails card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.CitizenId != CitizenId)
            throw new DomainException("resident-id-number-mismatch", "The ID card belongs to a different person.");
        Name = Guard.CardText(card.Name, "resident-name-invalid", "The name", MaxNameBytes);
        HukouAddress = Guard.CardText(card.HukouAddress, "resident-hukou-address-invalid", "The hukou address", MaxAddressBytes);
        EthnicGroup = card.EthnicGroup;
        ApplyCardFacts(card);
    }

    public void ChangePhoto(string photoReference) =>
        PhotoReference = Guard.Text(photoReference, "resident-photo-reference-invalid", "The photo reference", MaxReferenceLength);

    public void ChangeContact(string? contact) =>
        Contact = Guard.OptionalText(contact, "resident-contact-invalid", "The contact", MaxContactLength);

    private void ApplyCardFacts(IdentityDetails card)
    {
        if (card.Sex != card.CitizenId.Sex || card.BirthDate != card.CitizenId.BirthDate)
        {
            throw new DomainException(
                "resident-id-card-inconsistent",
                "The sex or birth date on the ID card does not agree with the citizen ID number.");
        }
        Sex = card.Sex;
        BirthDate = card.BirthDate;
        if (card.PhotoReference is not null)
            ChangePhoto(card.PhotoReference);
    }
}
