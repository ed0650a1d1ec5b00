using Permit.Domain.Permits;
using Permit.Domain.Regions;
using Permit.Domain.Tests.Applications;

namespace Permit.Domain.Tests.Permits;

internal sealed class PermitBuilder
{
    public const string IssuingAuthority = "宁波市公安局镇海分局";
    public static readonly CardSerialNumber FirstChip = CardSerialNumber.Parse("0011223344556677");
    public static readonly CardSerialNumber SecondChip = CardSerialNumber.Parse("8899AABBCCDDEEFF");

    private DateOnly _issueDate = new(2025, 9, 20);
    private bool _confirmFirstCard = true;

    public PermitBuilder IssuedOn(DateOnly issueDate)
    {
        _issueDate = issueDate;
        return this;
    }

    public PermitBuilder AwaitingFirstCard()
    {
        _confirmFirstCard = false;
        return this;
    }

    public ResidencePermit Build()
    {
        var application = new ApplicationBuilder().RegisteredOn(_issueDate.AddMonths(-6)).Approved().Build();
        var permit = ResidencePermit.Issue(application, PermitNumber.Create(RegionCode.Zhenhai, _issueDate.Year, 1), IssuingAuthority, _issueDate);
        if (_confirmFirstCard)
            permit.ConfirmCardIssued(FirstChip, 1, _issueDate);
        return permit;
    }
}
