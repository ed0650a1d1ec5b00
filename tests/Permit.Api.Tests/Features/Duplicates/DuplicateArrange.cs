using Permit.Api.Features.Duplicates;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Families;
using Permit.Domain.Identity;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Api.Tests.Features.Duplicates;

/// <summary>Residents registered twice: the real record and one under a mistyped number and a traditional-form name.</summary>
public static class DuplicateArrange
{
    public const string ZhenhaiCommunity = "330211003001";

    /// <summary>A valid number of 17 digits and its check character, as an old system recomputes it after a slip.</summary>
    public static CitizenIdNumber Id(string seventeen) => CitizenIdNumber.Parse(seventeen + Mod11Check.Compute(seventeen));

    public static Resident Person(string seventeen, string name) => Resident.FromIdCard(new IdentityDetails(
        Id(seventeen), name, Id(seventeen).Sex, EthnicGroup.Han, Id(seventeen).BirthDate, "北京市东城区东华门街道1号"));

    public static ResidenceRegistration Registration(Resident resident, DateOnly on, string community = ZhenhaiCommunity) =>
        ResidenceRegistration.Declare(resident.Id, "浙江省宁波市镇海区骆驼街道中街1号", CommunityCode.Parse(community), on, on,
            ResidenceBasis.Employment, "劳动合同 LC-1", "宁波镇海某公司");

    /// <summary>
    /// 张伟 (the real number) and 張偉 (digit 17 mistyped), each registered in Zhenhai; the duplicate also has an
    /// application and is recorded as the parent of a child. Saved with <paramref name="db"/>.
    /// </summary>
    public static async Task<Pair> TwiceRegisteredAsync(PermitDbContext db, DateOnly today, CancellationToken ct, string seventeen = "33021119850101123")
    {
        var real = Person(seventeen, "张伟");
        var slip = Person(seventeen[..16] + (seventeen[16] == '8' ? '3' : '8'), "張偉");
        var child = Person("33021120050301124", "张小明");
        var realRegistration = Registration(real, today.AddYears(-2));
        var slipRegistration = Registration(slip, today.AddMonths(-8));
        var application = PermitApplication.Submit(slip.Id, slipRegistration, DistrictExemption.None, today.AddDays(-3));
        var link = FamilyLink.Record(slip, child, FamilyRelationship.Child, FamilyEvidenceKind.BirthCertificate, "BC-1", today, "test");
        db.AddRange(real, slip, child, realRegistration, slipRegistration, application, link, Registration(child, today.AddMonths(-8)));
        await db.SaveChangesAsync(ct);
        return new Pair(real.Id, slip.Id, child.Id, realRegistration.Id, slipRegistration.Id, application.Id, link.Id);
    }

    /// <summary>The daily scan as the job runs it, on a context of its own.</summary>
    public static async Task<int> ScanAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await new DuplicateScan(scope.ServiceProvider.GetRequiredService<PermitDbContext>()).RunAsync(now, ct);
    }

    public sealed record Pair(Guid Real, Guid Slip, Guid Child, Guid RealRegistration, Guid SlipRegistration, Guid Application, Guid FamilyLink);
}
