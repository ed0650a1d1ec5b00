using Permit.Domain.Identity;
using Permit.Domain.Residents;
using Permit.Domain.Tests.Common;

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
        DomainAssert.Breaks("resident-name-required", () => new ResidentBuilder().Named("  ").Build());

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
