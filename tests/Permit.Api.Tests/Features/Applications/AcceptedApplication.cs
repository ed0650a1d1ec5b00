using Permit.Api.Tests.Features.Residents;

namespace Permit.Api.Tests.Features.Applications;

/// <summary>An application accepted at the desk through HTTP, for the tests of what follows acceptance.</summary>
internal static class AcceptedApplication
{
    /// <summary>A talent (exempt from the 6-month rule) with every document, accepted on 2 March 2026: due 17 March.</summary>
    public static async Task<Guid> ArrangeAsync(HttpClient registrar)
    {
        using var created = await registrar.PostJsonAsync("/api/residents/from-id-card", DeskData.IdCard(DeskData.ZhangSan));
        var residentId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        using var registered = await registrar.PostJsonAsync("/api/registrations", new
        {
            residentId,
            address = "浙江省宁波市镇海区骆驼街道中街1号",
            communityCode = "330211003001",
            arrivalDate = "20260220",
            basis = "employment",
            evidence = "劳动合同 2026-001",
            employerOrLandlord = "宁波镇海某机械有限公司",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        using var submitted = await registrar.PostJsonAsync("/api/applications", new
        {
            residentId,
            exemption = "talent",
            documents = new object[]
            {
                new { kind = "idCard", reference = "scan/id.pdf" },
                new { kind = "photo", reference = "scan/photo.jpg" },
                new { kind = "labourContract", reference = "scan/contract.pdf" },
            },
        });
        var applicationId = (await submitted.JsonAsync()).GetProperty("id").GetGuid();
        using var accepted = await registrar.PostJsonAsync($"/api/applications/{applicationId}/accept", new { });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        return applicationId;
    }
}
