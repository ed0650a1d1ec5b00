using Permit.Domain.Residents;

namespace Permit.Domain.Families;

/// <summary>
/// A recorded family tie between two residents of the register: <see cref="MemberId"/> is the <see cref="Relationship"/>
/// (spouse, child, parent) of <see cref="ResidentId"/>, proved by <see cref="EvidenceKind"/> no. <see cref="EvidenceReference"/>.
/// A child under 16 is linked by the guardian, whose consent is recorded with the child's birth certificate number.
/// Links are never edited: a wrong one is ended and a new one recorded, so the register keeps who claimed what.
/// </summary>
public sealed class FamilyLink
{
    /// <summary>Under this age (周岁) a child cannot consent and is registered through a guardian (the ID card age rule).</summary>
    public const int GuardianshipAge = 16;

    public const int MaxReferenceLength = 100;

    private FamilyLink()
    {
        EvidenceReference = null!;
        RecordedBy = null!;
    }

    private FamilyLink(Guid residentId, Guid memberId, FamilyRelationship relationship, FamilyEvidenceKind evidenceKind,
        string evidenceReference, DateOnly recordedOn, string recordedBy)
    {
        Id = Guid.CreateVersion7();
        ResidentId = residentId;
        MemberId = memberId;
        Relationship = relationship;
        EvidenceKind = evidenceKind;
        EvidenceReference = evidenceReference;
        RecordedOn = recordedOn;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }

    public Guid ResidentId { get; private set; }

    public Guid MemberId { get; private set; }

    public FamilyRelationship Relationship { get; private set; }

    public FamilyEvidenceKind EvidenceKind { get; private set; }

    public string EvidenceReference { get; private set; }

    /// <summary>The child's 出生医学证明 number, when the link was made for a child under 16.</summary>
    public string? BirthCertificateNumber { get; private set; }

    /// <summary>True when the guardian (the resident) consented for a child under 16; the consent form's reference is the evidence.</summary>
    public bool GuardianConsent { get; private set; }

    public DateOnly RecordedOn { get; private set; }

    public string RecordedBy { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public bool IsCurrent => EndedOn is null;

    /// <summary>
    /// Links <paramref name="member"/> to <paramref name="resident"/>. The evidence must fit the tie (a marriage certificate
    /// proves a spouse, a birth certificate a child or parent, the hukou booklet any of them), the ages must be possible
    /// (a child younger than the parent), and a child under 16 needs the guardian's consent and birth certificate number.
    /// </summary>
    public static FamilyLink Record(
        Resident resident, Resident member, FamilyRelationship relationship, FamilyEvidenceKind evidenceKind, string? evidenceReference,
        DateOnly today, string recordedBy, GuardianConsent? consent = null)
    {
        ArgumentNullException.ThrowIfNull(resident);
        ArgumentNullException.ThrowIfNull(member);
        if (resident.Id == member.Id)
            throw new DomainException("family-link-self", "A resident cannot be linked to themself.");
        if (!Enum.IsDefined(relationship))
            throw new DomainException("family-relationship-invalid", "The relationship is spouse, child or parent.");
        if (!Fits(relationship, evidenceKind))
            throw new DomainException("family-evidence-mismatch", $"A {Describe(evidenceKind)} does not prove a {relationship.ToString().ToLowerInvariant()}.");
        var reference = Guard.Text(evidenceReference, "family-evidence-required", "The evidence reference", MaxReferenceLength);
        var (older, younger) = relationship switch
        {
            FamilyRelationship.Child => (resident, member),
            FamilyRelationship.Parent => (member, resident),
            _ => (null, null),
        };
        if (older is not null && younger!.BirthDate <= older.BirthDate)
            throw new DomainException("family-ages-impossible", "A child must be younger than the parent.");

        var link = new FamilyLink(resident.Id, member.Id, relationship, evidenceKind, reference, today,
            Guard.Text(recordedBy, "family-recorder-required", "The recording officer", 100));
        var minor = relationship == FamilyRelationship.Child && IsUnderGuardianship(member.BirthDate, today);
        if (minor)
        {
            if (consent is null || !consent.Given)
                throw new DomainException("family-guardian-consent-required", $"A child under {GuardianshipAge} is linked only with the guardian's recorded consent.");
            link.GuardianConsent = true;
            link.BirthCertificateNumber = consent.BirthCertificate.Value;
        }

        return link;
    }

    /// <summary>Ends the link (recorded in error, divorce); the row stays as history.</summary>
    public void End(DateOnly today)
    {
        if (EndedOn is not null)
            throw new DomainException("family-link-ended", "This family link has already ended.");
        EndedOn = today;
    }

    /// <summary>Under 16 full years on <paramref name="today"/>.</summary>
    public static bool IsUnderGuardianship(DateOnly birthDate, DateOnly today) => FullYears(birthDate, today) < GuardianshipAge;

    /// <summary>Age in full years (周岁); 0 before the first birthday.</summary>
    public static int FullYears(DateOnly birthDate, DateOnly today)
    {
        if (today < birthDate)
            return 0;
        var years = today.Year - birthDate.Year;
        return today.Month > birthDate.Month || (today.Month == birthDate.Month && today.Day >= birthDate.Day) ? years : years - 1;
    }

    private static bool Fits(FamilyRelationship relationship, FamilyEvidenceKind kind) => kind switch
    {
        FamilyEvidenceKind.HukouBooklet => true,
        FamilyEvidenceKind.MarriageCertificate => relationship == FamilyRelationship.Spouse,
        FamilyEvidenceKind.BirthCertificate => relationship is FamilyRelationship.Child or FamilyRelationship.Parent,
        _ => false,
    };

    private static string Describe(FamilyEvidenceKind kind) => kind switch
    {
        FamilyEvidenceKind.MarriageCertificate => "marriage certificate",
        FamilyEvidenceKind.BirthCertificate => "birth certificate",
        FamilyEvidenceKind.HukouBooklet => "hukou booklet",
        _ => "document of unknown kind",
    };
}

/// <summary>A guardian's consent to register and link a child under 16, with the child's birth certificate number.</summary>
public sealed record GuardianConsent(bool Given, BirthCertificateNumber BirthCertificate);
