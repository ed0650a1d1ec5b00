using Permit.Domain.Identity;
using Permit.Domain.Residents;

namespace Permit.Domain.Tests.Residents;

/// <summary>ID card data of a made-up woman born 1985-06-15 under the abolished code 330204 江东区.</summary>
internal sealed class ResidentBuilder
{
    private string _citizenId = "330204198506150022";
    private string _name = "李晓梅";
    private Sex? _sex;
    private DateOnly? _birthDate;

    public ResidentBuilder WithCitizenId(string value)
    {
        _citizenId = value;
        return this;
    }

    public ResidentBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public ResidentBuilder WithCardSex(Sex sex)
    {
        _sex = sex;
        return this;
    }

    public ResidentBuilder WithCardBirthDate(DateOnly birthDate)
    {
        _birthDate = birthDate;
        return this;
    }

    public IdentityDetails Card()
    {
        var id = CitizenIdNumber.Parse(_citizenId);
        return new IdentityDetails(id, _name, _sex ?? id.Sex, EthnicGroup.Han, _birthDate ?? id.BirthDate, "浙江省宁波市鄞州区百丈路1号", "photos/test-1");
    }

    public Resident Build() => Resident.FromIdCard(Card());
}
