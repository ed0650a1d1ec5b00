using Permit.Domain.IdCards;
using Permit.Domain.Identity;
using Permit.Domain.Residents;

namespace Permit.Domain.Tests.Residents;

public sealed class ResidentTests
{
    [Fact]
    public void A_resident_is_created_from_the_ID_card_s_data()
    {
        var resident = new ResidentBuilder().Build();

        Assert.NotEqual(Guid.Empty, resident.Id);
        Assert.Equal("李晓梅", resident.Name);
        Assert.Equal(Sex.Female, resident.Sex);
        Assert.Equal(new DateOnly(1985, 6, 15), resident.BirthDate);
        Assert.Equal(EthnicGroup.Han, resident.EthnicGroup);
        Assert.Equal("photos/test-1", resident.PhotoReference);
    }

    [Fact]
    public void Card_data_that_contradicts_the_ID_number_is_refused()
    {
        DomainAssert.Breaks("resident-id-card-inconsistent", () => new ResidentBuilder().WithCardSex(Sex.Male).Build());
        DomainAssert.Breaks("resident-id-card-inconsistent", () => new ResidentBuilder().WithCardBirthDate(new DateOnly(1985, 6, 16)).Build());
    }

    [Fact]
    public void A_resident_needs_a_name() =>
        DomainAssert.Breaks("resident-name-invalid", () => new ResidentBuilder().Named("  ").Build());

    [Fact]
    public void A_name_longer_than_the_card_s_60_bytes_is_refused_up_front()
    {
        // 20 CJK characters are 60 bytes of UTF-8 and fit; 21 do not.
        Assert.Equal(20, new ResidentBuilder().Named(new string('梅', 20)).Build().Name.Length);
        DomainAssert.Breaks("resident-name-invalid", () => new ResidentBuilder().Named(new string('梅', 21)).Build());
    }

    [Fact]
    public void An_ID_card_text_block_becomes_validated_identity_details()
    {
        var text = new IdCardText("李晓梅", "2", "01", new DateOnly(1985, 6, 15), "浙江省宁波市鄞州区百丈路1号", "330204198506150022",
            "宁波市公安局鄞州分局", new DateOnly(2015, 1, 1), null);

        var details = IdentityDetails.FromIdCard(text, new DateOnly(2026, 1, 1), "photos/test-1");
        var resident = Resident.FromIdCard(details);

        Assert.Equal("330204198506150022", resident.CitizenId.Value);
        Assert.Equal(Sex.Female, resident.Sex);
        Assert.Equal("浙江省宁波市鄞州区百丈路1号", resident.HukouAddress);
    }

    [Fact]
    public void An_expired_ID_card_is_refused()
    {
        var text = new IdCardText("李晓梅", "2", "01", new DateOnly(1985, 6, 15), "浙江省宁波市鄞州区百丈路1号", "330204198506150022",
            "宁波市公安局鄞州分局", new DateOnly(2005, 1, 1), new DateOnly(2025, 1, 1));

        DomainAssert.Breaks("id-card-expired", () => IdentityDetails.FromIdCard(text, new DateOnly(2025, 1, 2)));
        Assert.NotNull(IdentityDetails.FromIdCard(text, new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void A_card_with_an_unknown_ethnic_group_code_is_refused()
    {
        var text = new IdCardText("李晓梅", "2", "57", new DateOnly(1985, 6, 15), "浙江省宁波市鄞州区百丈路1号", "330204198506150022",
            "宁波市公安局鄞州分局", new DateOnly(2015, 1, 1), null);

        DomainAssert.Breaks("ethnic-group-invalid", () => IdentityDetails.FromIdCard(text, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void A_renewed_card_updates_the_name_but_another_person_s_card_is_refused()
    {
        var resident = new ResidentBuilder().Build();

        resident.UpdateFromIdCard(new ResidentBuilder().Named("李小梅").Card());
        Assert.Equal("李小梅", resident.Name);

        DomainAssert.Breaks(
            "resident-id-number-mismatch",
            () => resident.UpdateFromIdCard(new ResidentBuilder().WithCitizenId("53010219200508011X").Card()));
    }

    [Fact]
    public void A_blank_contact_clears_it()
    {
        var resident = new ResidentBuilder().Build();

        resident.ChangeContact("13800000000");
        Assert.Equal("13800000000", resident.Contact);
        resident.ChangeContact(" ");
        Assert.Null(resident.Contact);
    }
}
