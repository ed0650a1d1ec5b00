using Permit.Domain.Applications;
using Permit.Domain.Identity;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Api.Tests.Features.Jobs;

/// <summary>Data for the job tests, written behind the API's back.</summary>
public static class JobsArrange
{
    /// <summary>A resident whose complete application was accepted on <paramref name="acceptedOn"/> (due 15 days later); its id.</summary>
    public static async Task<Guid> AcceptedApplicationAsync(PermitTestHost host, DateOnly acceptedOn, int person = 40)
    {
        await using var db = host.NewContext();
        var resident = Resident.FromIdCard(new IdentityDetails(
            CitizenIdNumber.Parse(PermitArrange.IdNumber(person)), "李娜", Sex.Male, EthnicGroup.Han, new DateOnly(1990, 1, 1), "北京市东城区东华门街道1号"));
        var registration = ResidenceRegistration.Declare(
            resident.Id, "浙江省宁波市镇海区骆驼街道中街1号", CommunityCode.Parse("330211003001"), PermitArrange.RegisteredOn,
            PermitArrange.RegisteredOn, ResidenceBasis.Employment, "劳动合同 LC-1", "宁波镇海某公司");
        var application = PermitApplication.Submit(resident.Id, registration, DistrictExemption.None, acceptedOn);
        application.AddDocument(DocumentKind.IdCard, "ID", acceptedOn);
        application.AddDocument(DocumentKind.Photo, "PHOTO", acceptedOn);
        application.AddDocument(DocumentKind.LabourContract, "LC-1", acceptedOn);
        application.Accept(acceptedOn);
        db.AddRange(resident, registration, application);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return application.Id;
    }
}

/// <summary>The actor of entries written outside a request.</summary>
public sealed class SystemActor : IAuditActorSource
{
    public AuditActor Current { get; } = AuditActor.System("tests");
}
