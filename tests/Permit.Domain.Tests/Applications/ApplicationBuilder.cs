using Permit.Domain.Applications;
using Permit.Domain.Registrations;
using Permit.Domain.Tests.Registrations;

namespace Permit.Domain.Tests.Applications;

internal sealed class ApplicationBuilder
{
    public static readonly Official Supervisor = new("zh-sup-01", OfficialRole.Supervisor);
    public static readonly Official Clerk = new("zh-clerk-07", OfficialRole.Clerk);

    private DateOnly _registeredOn = new(2025, 3, 10);
    private ResidenceBasis _basis = ResidenceBasis.Employment;
    private DistrictExemption _exemption = DistrictExemption.None;
    private bool _withDocuments = true;
    private bool _accept;
    private bool _approve;

    /// <summary>The day the builder submits, accepts and approves: exactly 6 months after registration.</summary>
    public DateOnly Today => _registeredOn.AddMonths(6);

    public ApplicationBuilder RegisteredOn(DateOnly date)
    {
        _registeredOn = date;
        return this;
    }

    public ApplicationBuilder WithBasis(ResidenceBasis basis)
    {
        _basis = basis;
        return this;
    }

    public ApplicationBuilder Exempt(DistrictExemption exemption)
    {
        _exemption = exemption;
        return this;
    }

    public ApplicationBuilder WithoutDocuments()
    {
        _withDocuments = false;
        return this;
    }

    public ApplicationBuilder Accepted()
    {
        _accept = true;
        return this;
    }

    public ApplicationBuilder Approved()
    {
        _accept = true;
        _approve = true;
        return this;
    }

    public PermitApplication Build()
    {
        var residentId = Guid.CreateVersion7();
        var registration = new RegistrationBuilder().For(residentId).RegisteredOn(_registeredOn).WithBasis(_basis).Build();
        var application = PermitApplication.Submit(residentId, registration, _exemption, Today);
        if (_withDocuments)
        {
            foreach (var requirement in application.RequiredDocuments)
                application.AddDocument(requirement.AcceptedKinds[0], $"scans/{requirement.AcceptedKinds[0]}", Today);
        }
        if (_accept)
            application.Accept(Today);
        if (_approve)
            application.Approve(Supervisor, Today);
        return application;
    }
}
