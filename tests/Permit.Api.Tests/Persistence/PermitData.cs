using System.Globalization;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Identity;
using Permit.Domain.Permits;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Api.Tests.Persistence;

/// <summary>Small builders for persistence tests: every call gives a new person and a new permit number.</summary>
public static class PermitData
{
    public static readonly DateOnly Today = new(2026, 11, 20);
    public static readonly Official Supervisor = new("S-0001", OfficialRole.Supervisor);
    private static int s_people;
    private static int s_permits;

    /// <summary>A valid ID number no other call in this process returns (one birth day per person).</summary>
    public static CitizenIdNumber NewIdNumber()
    {
        var n = Interlocked.Increment(ref s_people);
        var birth = new DateOnly(1960, 1, 1).AddDays(n);
        var seventeen = string.Create(CultureInfo.InvariantCulture, $"110101{birth:yyyyMMdd}{n % 1000:000}");
        return CitizenIdNumber.Parse(seventeen + Mod11Check.Compute(seventeen));
    }

    public static PermitNumber NewPermitNumber() =>
        PermitNumber.Create(RegionCode.Zhenhai, Today.Year, Interlocked.Increment(ref s_permits));

    public static Resident NewResident(CitizenIdNumber? idNumber = null)
    {
        var id = idNumber ?? NewIdNumber();
        return Resident.FromIdCard(new IdentityDetails(id, "李四", id.Sex, EthnicGroup.Parse("22"), id.BirthDate, "北京市东城区东华门街道1号"));
    }

    public static ResidenceRegistration RegistrationOf(Resident resident) =>
        ResidenceRegistration.Declare(
            resident.Id,
            "宁波市镇海区骆驼街道中街1号",
            CommunityCode.Parse("330211003001"),
            Today.AddMonths(-8),
            Today.AddMonths(-7),
            ResidenceBasis.Employment,
            "劳动合同 LC-2026-001",
            "宁波某某机械有限公司");

    public static PermitApplication ApprovedApplication(Resident resident, ResidenceRegistration registration)
    {
        var application = PermitApplication.Submit(resident.Id, registration, DistrictExemption.None, Today);
        application.AddDocument(DocumentKind.IdCard, "scan/id-card", Today);
        application.AddDocument(DocumentKind.Photo, "scan/photo", Today);
        application.AddDocument(DocumentKind.LabourContract, "scan/contract", Today);
        application.Accept(Today);
        application.Approve(Supervisor, Today);
        return application;
    }

    public static ResidencePermit Issue(PermitApplication application, PermitNumber? number = null) =>
        ResidencePermit.Issue(application, number ?? NewPermitNumber(), "宁波市公安局镇海分局", Today);

    public static CardSerialNumber NewSerial() =>
        CardSerialNumber.Parse(Guid.NewGuid().ToString("N")[..16]);

    /// <summary>A resident with a registration and an approved application, all saved: ready for a permit.</summary>
    public static async Task<(Resident Resident, PermitApplication Application)> SaveApplicantAsync(ITestDatabase database)
    {
        await using var db = database.NewContext();
        var resident = NewResident();
        var registration = RegistrationOf(resident);
        var application = ApprovedApplication(resident, registration);
        db.AddRange(resident, registration, application);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (resident, application);
    }
}
