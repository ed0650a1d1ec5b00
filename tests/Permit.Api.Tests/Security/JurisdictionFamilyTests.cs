using Permit.Api.Features.Residents;
using Permit.Domain.Families;

namespace Permit.Api.Tests.Security;

/// <summary>Family links across jurisdictions: an officer cannot reach a resident of another district by linking them as family.</summary>
public sealed partial class JurisdictionTests
{
    [Fact]
    public async Task A_registrar_cannot_link_a_resident_of_another_district_as_family_by_id_or_by_id_number_and_nothing_is_recorded()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        var other = await RegistrarAsync(api, "chen.yinzhou", Yinzhou);
        var (zhenhaiResident, _, _) = await ApprovedApplicationAsync(api, 410);
        // The Yinzhou registrar's own resident, recorded at the Yinzhou desk (so in Yinzhou's jurisdiction).
        using var recorded = await other.PostAsJsonAsync("/api/residents", new
        {
            idNumber = PermitArrange.IdNumber(411), name = "陈静", ethnicGroup = "01", hukouAddress = "河南省郑州市金水区1号",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var own = (await recorded.Content.ReadFromJsonAsync<ResidentResponse>(Ct))!;

        using var byId = await other.PostAsJsonAsync($"/api/residents/{own.Id}/family",
            new { memberId = zhenhaiResident, relationship = "spouse", evidenceKind = "marriage-certificate", evidenceReference = "结婚证 J330212-2020-9" }, Ct);
        using var byNumber = await other.PostAsJsonAsync($"/api/residents/{own.Id}/family",
            new { memberIdNumber = PermitArrange.IdNumber(410), relationship = "spouse", evidenceKind = "marriage-certificate", evidenceReference = "结婚证 J330212-2020-9" }, Ct);
        using var unknown = await other.PostAsJsonAsync($"/api/residents/{own.Id}/family",
            new { memberId = Guid.CreateVersion7(), relationship = "spouse", evidenceKind = "marriage-certificate", evidenceReference = "结婚证 J330212-2020-9" }, Ct);

        // The same answer as for a resident that does not exist: the link neither happens nor says the person is there.
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (byId.StatusCode, byNumber.StatusCode, unknown.StatusCode));
        Assert.Equal(WithoutTrace(await unknown.Content.ReadAsStringAsync(Ct)), WithoutTrace(await byId.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(WithoutTrace(await unknown.Content.ReadAsStringAsync(Ct)), WithoutTrace(await byNumber.Content.ReadAsStringAsync(Ct)));
        await using var db = api.NewContext();
        Assert.False(await db.Set<FamilyLink>().AnyAsync(Ct));
    }
}
