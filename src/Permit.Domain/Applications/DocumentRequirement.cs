using Permit.Domain.Registrations;

namespace Permit.Domain.Applications;

/// <summary>
/// One required document; any one of <see cref="AcceptedKinds"/> satisfies it. <see cref="Code"/> is stable (for API
/// clients), <see cref="Name"/> is what the applicant reads.
/// </summary>
public sealed record DocumentRequirement(string Code, string Name, IReadOnlyList<DocumentKind> AcceptedKinds)
{
    public static DocumentRequirement IdCard { get; } = new("id-card", "居民身份证 (ID card)", [DocumentKind.IdCard]);

    public static DocumentRequirement Photo { get; } = new("photo", "照片 (photo)", [DocumentKind.Photo]);

    public static DocumentRequirement ProofOfEmployment { get; } =
        new("proof-of-employment", "劳动合同或营业执照 (labour contract or business licence)", [DocumentKind.LabourContract, DocumentKind.BusinessLicence]);

    public static DocumentRequirement ProofOfResidence { get; } =
        new("proof-of-residence", "租赁登记或房产证明 (tenancy registration or property certificate)", [DocumentKind.TenancyRegistration, DocumentKind.PropertyCertificate]);

    public static DocumentRequirement ProofOfStudy { get; } = new("proof-of-study", "就读证明 (enrolment certificate)", [DocumentKind.EnrolmentCertificate]);

    /// <summary>Always the ID card and a photo, plus the proof of the basis.</summary>
    public static IReadOnlyList<DocumentRequirement> For(ResidenceBasis basis) => basis switch
    {
        ResidenceBasis.Employment => [IdCard, Photo, ProofOfEmployment],
        ResidenceBasis.Residence => [IdCard, Photo, ProofOfResidence],
        ResidenceBasis.Study => [IdCard, Photo, ProofOfStudy],
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown residence basis."),
    };

    public bool IsSatisfiedBy(IEnumerable<DocumentKind> handedIn) => handedIn.Any(AcceptedKinds.Contains);

    public bool Equals(DocumentRequirement? other) => other is not null && Code == other.Code;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);
}
