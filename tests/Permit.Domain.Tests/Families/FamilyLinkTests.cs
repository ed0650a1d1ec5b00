using Permit.Domain.Credentials;
using Permit.Domain.Families;
using Permit.Domain.Identity;
using Permit.Domain.Residents;

namespace Permit.Domain.Tests.Families;

public sealed class FamilyLinkTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    internal static Resident Person(string born, int sequence, string name = "王芳")
    {
        var seventeen = $"330211{born.Replace("-", "", StringComparison.Ordinal)}{sequence:000}";
        var id = CitizenIdNumber.Parse(seventeen + PermitFormats.Mod112CheckCharacter(seventeen));
        return Resident.FromIdCard(new IdentityDetails(id, name, id.Sex, EthnicGroup.Han, id.BirthDate, "浙江省宁波市镇海区骆驼街道1号"));
    }

    private static readonly GuardianConsent Consent = new(true, BirthCertificateNumber.Parse("P330012345"));

    [Fact]
    public void A_guardian_links_an_infant_with_consent_and_the_birth_certificate_number_instead_of_an_id_card()
    {
        var mother = Person("1990-05-01", 2);
        var baby = Person("2025-11-20", 4, "王小宝");

        var link = FamilyLink.Record(mother, baby, FamilyRelationship.Child, FamilyEvidenceKind.BirthCertificate, "同意书 2026-001", Today, "registrar", Consent);

        Assert.True(link.GuardianConsent);
        Assert.Equal("P330012345", link.BirthCertificateNumber);
        Assert.True(link.IsCurrent);
    }

    [Fact]
    public void A_child_under_16_is_not_linked_without_the_guardians_consent()
    {
        var error = Assert.Throws<DomainException>(() => FamilyLink.Record(
            Person("1990-05-01", 2), Person("2015-01-01", 4), FamilyRelationship.Child, FamilyEvidenceKind.HukouBooklet, "户口簿", Today, "registrar"));

        Assert.Equal("family-guardian-consent-required", error.Code);
    }

    [Fact]
    public void A_child_of_16_or_more_is_linked_without_guardian_consent()
    {
        var link = FamilyLink.Record(Person("1980-05-01", 2), Person("2010-03-10", 4), FamilyRelationship.Child, FamilyEvidenceKind.HukouBooklet, "户口簿", Today, "registrar");

        Assert.False(link.GuardianConsent);
        Assert.Null(link.BirthCertificateNumber);
    }

    [Theory]
    [InlineData(FamilyRelationship.Spouse, FamilyEvidenceKind.BirthCertificate)]
    [InlineData(FamilyRelationship.Child, FamilyEvidenceKind.MarriageCertificate)]
    [InlineData(FamilyRelationship.Parent, FamilyEvidenceKind.MarriageCertificate)]
    public void Evidence_that_does_not_prove_the_tie_is_refused(FamilyRelationship relationship, FamilyEvidenceKind evidence)
    {
        var error = Assert.Throws<DomainException>(() => FamilyLink.Record(
            Person("1990-05-01", 2), Person("1960-05-01", 4), relationship, evidence, "证明", Today, "registrar", Consent));

        Assert.Equal("family-evidence-mismatch", error.Code);
    }

    [Fact]
    public void A_child_older_than_the_parent_is_impossible()
    {
        var error = Assert.Throws<DomainException>(() => FamilyLink.Record(
            Person("1990-05-01", 2), Person("1960-05-01", 4), FamilyRelationship.Child, FamilyEvidenceKind.HukouBooklet, "户口簿", Today, "registrar"));

        Assert.Equal("family-ages-impossible", error.Code);
    }

    [Fact]
    public void Nobody_is_their_own_family_member()
    {
        var me = Person("1990-05-01", 2);

        Assert.Equal("family-link-self", Assert.Throws<DomainException>(() =>
            FamilyLink.Record(me, me, FamilyRelationship.Spouse, FamilyEvidenceKind.HukouBooklet, "户口簿", Today, "registrar")).Code);
    }

    [Theory]
    [InlineData("P330012345", "P330012345")]
    [InlineData(" p330012345 ", "P330012345")]
    public void A_birth_certificate_number_is_a_letter_and_nine_digits(string text, string value) =>
        Assert.Equal(value, BirthCertificateNumber.Parse(text).Value);

    [Theory]
    [InlineData("")]
    [InlineData("330012345")]
    [InlineData("PP30012345")]
    [InlineData("P3300123456")]
    public void Anything_else_is_not_a_birth_certificate_number(string text) =>
        Assert.Equal(BirthCertificateNumber.InvalidCode, Assert.Throws<DomainException>(() => BirthCertificateNumber.Parse(text)).Code);
}
