namespace Permit.Domain.Families;

/// <summary>What the member is to the resident the link starts from: the resident's spouse, child or parent.</summary>
public enum FamilyRelationship
{
    Spouse = 1,
    Child = 2,
    Parent = 3,
}

/// <summary>The document that proves a link: 结婚证, 出生医学证明, or the hukou booklet (户口簿) showing both.</summary>
public enum FamilyEvidenceKind
{
    MarriageCertificate = 1,
    BirthCertificate = 2,
    HukouBooklet = 3,
}
