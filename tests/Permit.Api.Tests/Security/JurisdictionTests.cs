using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Permit.Api.Features.BulkReports;
using Permit.Api.Infrastructure.Tasks;
using Permit.Api.Security.Admin;
using Permit.Api.Tests.Security.Sessions;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Identity;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Api.Tests.Security;

/// <summary>
/// Attacks across jurisdictions: a registrar of Yinzhou (330212) goes after a resident and a permit of Zhenhai (330211).
/// On main 84db2d4 officers held no jurisdiction and each of these reads and changes succeeded.
/// </summary>
public sealed partial class JurisdictionTests
{
    private const string Zhenhai = "330211";
    private const string Yinzhou = "330212";
    private const string ZhenhaiCommunity = "330211003001";
    private const string YinzhouCommunity = "330212001001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_registrar_of_another_district_cannot_read_change_endorse_issue_or_print_a_resident_or_permit_of_this_one()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        var home = await RegistrarAsync(api, "li.zhenhai", Zhenhai);
        var other = await RegistrarAsync(api, "chen.yinzhou", Yinzhou);
        var (resident, registration, application) = await ApprovedApplicationAsync(api, 400);
        var permit = await IssueAsync(home, application);
        var secondApplication = (await ApprovedApplicationAsync(api, 401)).Application;
        var today = Today(api);

        using var read = await other.GetAsync(new Uri($"/api/residents/{resident}", UriKind.Relative), Ct);
        using var readRegistration = await other.GetAsync(new Uri($"/api/registrations/{registration}", UriKind.Relative), Ct);
        using var moved = await other.PostAsJsonAsync($"/api/registrations/{registration}/address-changes",
            new { address = "浙江省宁波市鄞州区中河街道1号", communityCode = YinzhouCommunity, changedOn = today }, Ct);
        using var endorsed = await other.PostAsJsonAsync($"/api/permits/{permit}/endorsements", new { }, Ct);
        using var issued = await other.PostAsJsonAsync("/api/permits", new { applicationId = secondApplication }, Ct);
        using var printed = await other.GetAsync(new Uri($"/api/permits/{permit}/card-face", UriKind.Relative), Ct);
        using var receipt = await other.PostAsJsonAsync($"/api/permits/{permit}/receipt", new { }, Ct);
        using var permitRead = await other.GetAsync(new Uri($"/api/permits/{permit}", UriKind.Relative), Ct);
        using var homeRead = await home.GetAsync(new Uri($"/api/residents/{resident}", UriKind.Relative), Ct);

        Assert.All(new[] { read, readRegistration, moved, endorsed, issued, printed, receipt, permitRead },
            r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        // The same answer as for a resident that does not exist: nothing says the record is there.
        using var missing = await other.GetAsync(new Uri($"/api/residents/{Guid.CreateVersion7()}", UriKind.Relative), Ct);
        Assert.Equal(WithoutTrace(await missing.Content.ReadAsStringAsync(Ct)), WithoutTrace(await read.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(HttpStatusCode.OK, homeRead.StatusCode);
        await using var db = api.NewContext();
        var stored = await db.ResidenceRegistrations.AsNoTracking().SingleAsync(g => g.Id == registration, Ct);
        Assert.Equal(ZhenhaiCommunity, stored.CommunityCode.Value);
        Assert.False(await db.ResidencePermits.AnyAsync(p => p.ApplicationId == secondApplication, Ct));
    }

    [Fact]
    public async Task Searching_by_a_community_or_name_of_another_jurisdiction_finds_nobody()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        var home = await RegistrarAsync(api, "li.zhenhai", Zhenhai);
        var other = await RegistrarAsync(api, "chen.yinzhou", Yinzhou);
        await ApprovedApplicationAsync(api, 402);

        var fromOther = await TotalAsync(other, $"/api/residents?name=张伟&communityCode={ZhenhaiCommunity}");
        var byNameFromOther = await TotalAsync(other, "/api/residents?name=张伟");
        var fromHome = await TotalAsync(home, $"/api/residents?name=张伟&communityCode={ZhenhaiCommunity}");
        using var oneCharacter = await other.GetAsync(new Uri("/api/residents?name=张", UriKind.Relative), Ct);

        Assert.Equal(0, fromOther);
        Assert.Equal(0, byNameFromOther);
        Assert.Equal(1, fromHome);
        Assert.Equal(HttpStatusCode.BadRequest, oneCharacter.StatusCode);
    }

    [Fact]
    public async Task A_bulk_report_naming_residents_outside_the_jurisdiction_is_refused_row_by_row()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        var other = await RegistrarAsync(api, "chen.yinzhou", Yinzhou);
        await ApprovedApplicationAsync(api, 403);
        var zhenhaiResident = PermitArrange.IdNumber(403);
        var newcomer = PermitArrange.IdNumber(404);
        var another = PermitArrange.IdNumber(405);
        var date = Today(api);
        var csv = new StringBuilder(BulkReportColumns.Header).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"departure,{zhenhaiResident},,,,{date},宁波鄞州某公司,,,,\n")
            .Append(CultureInfo.InvariantCulture, $"arrival,{zhenhaiResident},,{YinzhouCommunity},浙江省宁波市鄞州区中河街道1号,{date},宁波鄞州某公司,employment,劳动合同,,\n")
            .Append(CultureInfo.InvariantCulture, $"arrival,{newcomer},王芳,{ZhenhaiCommunity},浙江省宁波市镇海区骆驼街道中街2号,{date},宁波镇海某公司,employment,劳动合同,01,河南省郑州市1号\n")
            .Append(CultureInfo.InvariantCulture, $"arrival,{another},赵敏,{YinzhouCommunity},浙江省宁波市鄞州区中河街道3号,{date},宁波鄞州某公司,employment,劳动合同,01,河南省郑州市3号\n");

        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        using var response = await other.PostAsync(new Uri("/api/bulk-reports", UriKind.Relative), content, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonSerializer.Deserialize<BulkReportResponse>(body, JsonSerializerOptions.Web)!;
        Assert.Equal(5, Assert.Single(report.Accepted).Row);
        Assert.Equal(
            new[] { (2, "registration-not-found"), (3, "resident-registered-elsewhere"), (4, "community-outside-jurisdiction") },
            report.Rejected.Select(r => (r.Row, r.Rule)));
        await using var db = api.NewContext();
        var resident = await db.ResidentsWithCitizenId(CitizenIdNumber.Parse(zhenhaiResident)).SingleAsync(Ct);
        Assert.True(await db.ResidenceRegistrations.AnyAsync(
            g => g.ResidentId == resident.Id && g.Status == RegistrationStatus.Active && g.CommunityCode == CommunityCode.Parse(ZhenhaiCommunity), Ct));
    }

    [Fact]
    public async Task An_admin_sets_an_officers_jurisdiction_by_api_and_command_line_the_old_sessions_end_and_it_is_audited()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        await api.AddOfficerAsync("root", OfficerRole.Admin);
        var officer = await api.AddOfficerAsync("wang.fang", OfficerRole.Registrar);
        using var admin = await RevocationTests.TokenClientAsync(api, "root", PermitTestHost.Password);
        using var session = await RevocationTests.TokenClientAsync(api, "wang.fang", PermitTestHost.Password);
        var (resident, _, _) = await ApprovedApplicationAsync(api, 406);

        using var bad = await admin.PutAsJsonAsync($"/api/admin/officers/{officer.Id}/jurisdiction", new { jurisdiction = "3302" }, Ct);
        using var set = await admin.PutAsJsonAsync($"/api/admin/officers/{officer.Id}/jurisdiction", new { jurisdiction = Yinzhou }, Ct);
        using var oldSession = await session.GetAsync(new Uri("/api/officers/me", UriKind.Relative), Ct);
        using var yinzhou = await RevocationTests.TokenClientAsync(api, "wang.fang", PermitTestHost.Password);
        using var hidden = await yinzhou.GetAsync(new Uri($"/api/residents/{resident}", UriKind.Relative), Ct);
        using var output = new StringWriter();
        var exit = await ApiCommandLine.RunAsync(api.Services, ["officers", "set-jurisdiction", "wang.fang", "330211003"], TextReader.Null, output, Ct);
        var badExit = await ApiCommandLine.RunAsync(api.Services, ["officers", "set-jurisdiction", "wang.fang", "330211999"], TextReader.Null, output, Ct);
        using var luotuo = await RevocationTests.TokenClientAsync(api, "wang.fang", PermitTestHost.Password);
        using var shown = await luotuo.GetAsync(new Uri($"/api/residents/{resident}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldSession.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(0, exit);
        Assert.Equal(2, badExit);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        await using var db = api.NewContext();
        Assert.Equal("330211003", (await db.Set<OfficerAccount>().AsNoTracking().SingleAsync(o => o.Id == officer.Id, Ct)).Jurisdiction);
        var changes = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == "officer.jurisdiction-change")
            .OrderBy(e => e.Sequence).Select(e => e.Purpose).ToListAsync(Ct);
        Assert.Equal(new[] { $"officer {officer.Id} to {Yinzhou}", $"officer {officer.Id} to 330211003" }, changes);
    }

    [Fact]
    public async Task A_desk_takes_over_a_person_who_moved_out_of_another_jurisdiction_but_not_one_still_registered_there()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        var home = await RegistrarAsync(api, "li.zhenhai", Zhenhai);
        var other = await RegistrarAsync(api, "chen.yinzhou", Yinzhou);
        var (resident, registration, _) = await ApprovedApplicationAsync(api, 407);
        var card = new
        {
            idNumber = PermitArrange.IdNumber(407), name = "张伟", sex = "1", ethnicGroup = "01", birthDate = "19900101",
            address = "北京市东城区东华门街道1号", issuingAuthority = "北京市公安局东城分局", validFrom = "20200101", validTo = "长期",
        };

        using var stillThere = await other.PostAsJsonAsync("/api/residents/from-id-card", card, Ct);
        using var movedOut = await home.PostAsJsonAsync($"/api/registrations/{registration}/move-out", new { movedOutOn = Today(api) }, Ct);
        using var takenOver = await other.PostAsJsonAsync("/api/residents/from-id-card", card, Ct);
        using var homeAfter = await home.GetAsync(new Uri($"/api/residents/{resident}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Conflict, stillThere.StatusCode);
        Assert.DoesNotContain(resident.ToString(), await stillThere.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, movedOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, takenOver.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, homeAfter.StatusCode);
    }

    private static string WithoutTrace(string problem) => TraceId().Replace(problem, "");

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    private static string Today(PermitTestHost api) =>
        DateOnly.FromDateTime(api.Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<HttpClient> RegistrarAsync(PermitTestHost api, string userName, string jurisdiction)
    {
        await api.AddOfficerAsync(userName, OfficerRole.Registrar, jurisdiction: jurisdiction);
        return await RevocationTests.TokenClientAsync(api, userName, PermitTestHost.Password);
    }

    private static async Task<int> TotalAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    private static async Task<string> IssueAsync(HttpClient registrar, Guid applicationId)
    {
        using var response = await registrar.PostAsJsonAsync("/api/permits", new { applicationId }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IssuedView>(Ct))!.Permit.PermitNumber;
    }

    /// <summary>Resident <paramref name="person"/> of Zhenhai (骆驼街道中街社区), registered eight months ago, application approved yesterday.</summary>
    private static async Task<(Guid Resident, Guid Registration, Guid Application)> ApprovedApplicationAsync(PermitTestHost api, int person)
    {
        var today = DateOnly.FromDateTime(api.Time.GetUtcNow().UtcDateTime);
        var registeredOn = today.AddMonths(-8);
        var approvedOn = today.AddDays(-1);
        var resident = Resident.FromIdCard(new IdentityDetails(
            CitizenIdNumber.Parse(PermitArrange.IdNumber(person)), "张伟", Sex.Male, EthnicGroup.Han, new DateOnly(1990, 1, 1),
            "北京市东城区东华门街道1号"));
        var registration = ResidenceRegistration.Declare(
            resident.Id, "浙江省宁波市镇海区骆驼街道中街1号", CommunityCode.Parse(ZhenhaiCommunity), registeredOn, registeredOn,
            ResidenceBasis.Employment, "劳动合同 LC-1", "宁波镇海某公司");
        var application = PermitApplication.Submit(resident.Id, registration, DistrictExemption.None, approvedOn.AddDays(-1));
        application.AddDocument(DocumentKind.IdCard, "ID", approvedOn.AddDays(-1));
        application.AddDocument(DocumentKind.Photo, "PHOTO", approvedOn.AddDays(-1));
        application.AddDocument(DocumentKind.LabourContract, "LC-1", approvedOn.AddDays(-1));
        application.Accept(approvedOn.AddDays(-1));
        application.Approve(new Official("zhao.supervisor", OfficialRole.Supervisor), approvedOn);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PermitDbContext>();
        db.AddRange(resident, registration, application);
        await db.SaveChangesAsync(Ct);
        return (resident.Id, registration.Id, application.Id);
    }
}
