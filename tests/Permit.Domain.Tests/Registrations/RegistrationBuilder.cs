using Permit.Domain.Registrations;
using Permit.Domain.Regions;

namespace Permit.Domain.Tests.Registrations;

internal sealed class RegistrationBuilder
{
    private Guid _residentId = Guid.CreateVersion7();
    private DateOnly _registeredOn = new(2025, 3, 10);
    private ResidenceBasis _basis = ResidenceBasis.Employment;

    public RegistrationBuilder For(Guid residentId)
    {
        _residentId = residentId;
        return this;
    }

    public RegistrationBuilder RegisteredOn(DateOnly date)
    {
        _registeredOn = date;
        return this;
    }

    public RegistrationBuilder WithBasis(ResidenceBasis basis)
    {
        _basis = basis;
        return this;
    }

    public ResidenceRegistration Build() =>
        ResidenceRegistration.Declare(
            _residentId,
            "骆驼街道中街12号301室",
            CommunityCode.Parse("330211003001"),
            arrivalDate: _registeredOn.AddDays(-2),
            registrationDate: _registeredOn,
            _basis,
            "contracts/test-7",
            "宁波镇海炼化测试有限公司");
}
