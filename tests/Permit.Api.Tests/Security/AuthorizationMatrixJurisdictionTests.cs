using Permit.Domain.Permits;
using Permit.Domain.Points;
using Permit.Domain.Regions;

namespace Permit.Api.Tests.Security;

/// <summary>
/// The matrix's cross-jurisdiction officer: a supervisor of Yinzhou passes every desk and supervisor door, but every
/// officer endpoint naming a record of Zhenhai answers him 404, exactly as for a record that does not exist. On main
/// 84db2d4 officers had no jurisdiction and every one of these requests reached the record.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    [Fact]
    public async Task Every_officer_endpoint_on_a_record_outside_the_officers_jurisdiction_answers_404_as_if_it_did_not_exist()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var callers = await AuthorizationMatrixCallers.SignInAllAsync(api, Ct);
        var records = await HomeRecordsAsync(api, callers);

        var requests = CrossJurisdictionRequests(records, DateOnly.FromDateTime(api.Time.GetUtcNow().UtcDateTime));
        var recordRows = AuthorizationMatrixTable.Rows
            .Where(r => r.For(Caller.OtherDistrictSupervisor) == Access.Allowed && r.For(Caller.Admin) == Access.Allowed)
            .Where(r => RouteParameter().IsMatch(r.Route) && !NotResidentRecords.Any(prefix => r.Route.StartsWith(prefix, StringComparison.Ordinal)))
            .Select(r => r.Key);
        Assert.Empty(recordRows.Except(requests.Select(r => r.Row), StringComparer.Ordinal));

        // The same requests on records that do not exist: what the outsider gets must not differ from that.
        var missing = new HomeRecords(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(),
            PermitNumber.Create(RegionCode.Zhenhai, 2026, 999_999).Value, long.MaxValue, Guid.CreateVersion7());
        var twins = CrossJurisdictionRequests(missing, DateOnly.FromDateTime(api.Time.GetUtcNow().UtcDateTime));
        var outsider = callers[Caller.OtherDistrictSupervisor];
        var leaks = new List<string>();
        foreach (var ((row, method, path, body), twin) in requests.Zip(twins))
        {
            var (status, text) = await SendAsync(outsider, method, path, body);
            var (twinStatus, _) = await SendAsync(outsider, twin.Method, twin.Path, twin.Body);
            // Card personalization and confirmation check their body (a chip key, the chip's answer) before the permit:
            // a made-up body gets 400 alike for an unknown permit and for one outside the jurisdiction.
            var expected = ValidatesBodyFirst.Contains(row) ? twinStatus : HttpStatusCode.NotFound;
            if (status != expected || status != twinStatus)
                leaks.Add($"{row}: {(int)status} (unknown record: {(int)twinStatus}) {text}");
        }
        Assert.True(leaks.Count == 0, "Records outside the jurisdiction were reached:\n" + string.Join('\n', leaks));

        // The records are real: the home district's supervisor reads every one of them.
        foreach (var (row, _, path, _) in requests.Where(r => r.Method == "GET"))
        {
            using var home = await callers[Caller.Supervisor].GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.True(home.StatusCode == HttpStatusCode.OK, $"{row} as the home supervisor: {(int)home.StatusCode}");
        }
    }

    // Routes with an id that names no resident's record: district-wide rounds, an officer's own upload runs (another
    // officer's run is 404 whatever its rows), the public publicity list, a photo link (made for one caller: PhotoLookupTests). Settlement applications are filtered through
    // the residents they name (SettlementApplications.InScope) and tested in the settlement tests. A suspected duplicate
    // names two residents and a data-quality check none: DuplicatesTests and DataQualityTests attack them across districts.
    private static readonly string[] NotResidentRecords =
        ["/api/school-admission", "/api/settlement/", "/api/bulk-reports/runs", "/api/public/", "/api/photos/", "/api/duplicates/", "/api/data-quality/"];

    private static readonly HashSet<string> ValidatesBodyFirst = new(StringComparer.Ordinal)
    {
        "POST /api/residents/{id:guid}/family/children",
        "POST /api/permits/{number}/cards/{sequence:int}/personalization",
        "POST /api/permits/{number}/cards/{sequence:int}/confirmation",
    };

    private static async Task<(HttpStatusCode Status, string Text)> SendAsync(HttpClient client, string method, string path, object? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
            request.Content = JsonContent.Create(body);
        using var response = await client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private sealed record HomeRecords(Guid Resident, Guid Registration, Guid Application, string Permit, long Entry, Guid Review);

    /// <summary>The first holder's records (Zhenhai 330211003001), with a points entry and a review filed for the test.</summary>
    private static async Task<HomeRecords> HomeRecordsAsync(PermitTestHost api, AuthorizationMatrixCallers callers)
    {
        await using var db = api.NewContext();
        var number = PermitNumber.Parse(callers.MigrantPermitNumber);
        var permit = await db.ResidencePermits.AsNoTracking().SingleAsync(p => p.Number == number, Ct);
        using (var recorded = await callers[Caller.Registrar].PostAsJsonAsync($"/api/points/residents/{permit.ResidentId}/entries",
            new { indicator = IndicatorCodes.Volunteer, quantity = 2, evidenceReference = "志愿服务证明" }, Ct))
        {
            recorded.EnsureSuccessStatusCode();
        }
        using (var filed = await callers[Caller.Migrant].PostAsJsonAsync("/api/self-service/points/reviews",
            new { indicator = IndicatorCodes.Volunteer, reason = "我参加过5次志愿服务" }, Ct))
        {
            filed.EnsureSuccessStatusCode();
        }

        var registration = await db.ResidenceRegistrations.AsNoTracking().Where(g => g.ResidentId == permit.ResidentId).Select(g => g.Id).SingleAsync(Ct);
        var application = await db.PermitApplications.AsNoTracking().Where(a => a.ResidentId == permit.ResidentId).Select(a => a.Id).SingleAsync(Ct);
        var entry = await db.PointsEntries.AsNoTracking().Where(e => e.ResidentId == permit.ResidentId).Select(e => e.Id).MaxAsync(Ct);
        var review = await db.PointsReviews.AsNoTracking().Where(r => r.ResidentId == permit.ResidentId).Select(r => r.Id).SingleAsync(Ct);
        return new HomeRecords(permit.ResidentId, registration, application, callers.MigrantPermitNumber, entry, review);
    }

    /// <summary>Each officer endpoint that names a record, with a body good enough to pass validation in the other district.</summary>
    private static List<(string Row, string Method, string Path, object? Body)> CrossJurisdictionRequests(HomeRecords r, DateOnly today)
    {
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // A community of the other district's own: the request is refused for the record, not for the community.
        const string Community = "330212001001";
        return
        [
            ("GET /api/residents/{id:guid}", "GET", $"/api/residents/{r.Resident}", null),
            ("POST /api/registrations/", "POST", "/api/registrations/", new
            {
                residentId = r.Resident, address = "浙江省宁波市鄞州区中河街道1号", communityCode = Community, arrivalDate = day,
                basis = "employment", evidence = "劳动合同", employerOrLandlord = "宁波鄞州某公司",
            }),
            ("GET /api/registrations/{id:guid}", "GET", $"/api/registrations/{r.Registration}", null),
            ("POST /api/registrations/{id:guid}/address-changes", "POST", $"/api/registrations/{r.Registration}/address-changes",
                new { address = "浙江省宁波市鄞州区中河街道1号", communityCode = Community, changedOn = day }),
            ("POST /api/registrations/{id:guid}/workplace-changes", "POST", $"/api/registrations/{r.Registration}/workplace-changes",
                new { employerOrLandlord = "宁波鄞州某公司", evidence = "劳动合同", changedOn = day }),
            ("POST /api/registrations/{id:guid}/move-out", "POST", $"/api/registrations/{r.Registration}/move-out", new { movedOutOn = day }),
            ("POST /api/applications/", "POST", "/api/applications/", new { residentId = r.Resident }),
            ("GET /api/applications/{id:guid}", "GET", $"/api/applications/{r.Application}", null),
            ("POST /api/applications/{id:guid}/documents", "POST", $"/api/applications/{r.Application}/documents",
                new { documents = new[] { new { kind = "Photo", reference = "PHOTO-2" } } }),
            ("POST /api/applications/{id:guid}/accept", "POST", $"/api/applications/{r.Application}/accept", new { }),
            ("POST /api/applications/{id:guid}/reject", "POST", $"/api/applications/{r.Application}/reject", new { reason = "材料不全" }),
            ("POST /api/applications/{id:guid}/approve", "POST", $"/api/applications/{r.Application}/approve", new { }),
            ("POST /api/applications/{id:guid}/due-date-extension", "POST", $"/api/applications/{r.Application}/due-date-extension", new { reason = "单位证明待核实" }),
            ("GET /api/applications/{id:guid}/acceptance-receipt", "GET", $"/api/applications/{r.Application}/acceptance-receipt", null),
            ("POST /api/permits/", "POST", "/api/permits/", new { applicationId = r.Application }),
            ("GET /api/permits/{number}", "GET", $"/api/permits/{r.Permit}", null),
            ("POST /api/permits/{number}/cards/exchange", "POST", $"/api/permits/{r.Permit}/cards/exchange", new { }),
            ("POST /api/permits/{number}/cards/replacement", "POST", $"/api/permits/{r.Permit}/cards/replacement", new { }),
            ("POST /api/permits/{number}/termination", "POST", $"/api/permits/{r.Permit}/termination", new { reason = "Settled" }),
            ("POST /api/permits/{number}/revocation", "POST", $"/api/permits/{r.Permit}/revocation", new { finding = "伪造证明" }),
            ("POST /api/permits/{number}/cards/{sequence:int}/personalization", "POST", $"/api/permits/{r.Permit}/cards/1/personalization",
                new { serial = "0102030405060708", chipKey = "" }),
            ("POST /api/permits/{number}/cards/{sequence:int}/confirmation", "POST", $"/api/permits/{r.Permit}/cards/1/confirmation", new { }),
            ("POST /api/permits/{number}/cards/{sequence:int}/challenge", "POST", $"/api/permits/{r.Permit}/cards/1/challenge", new { }),
            ("POST /api/permits/{number}/cards/{sequence:int}/personalization/abandon", "POST",
                $"/api/permits/{r.Permit}/cards/1/personalization/abandon", new { reason = "卡片损坏" }),
            ("POST /api/permits/{number}/endorsements", "POST", $"/api/permits/{r.Permit}/endorsements", new { }),
            ("GET /api/permits/{number}/card-face", "GET", $"/api/permits/{r.Permit}/card-face", null),
            ("POST /api/permits/{number}/receipt", "POST", $"/api/permits/{r.Permit}/receipt", new { }),
            ("GET /api/residents/{id:guid}/photos/", "GET", $"/api/residents/{r.Resident}/photos/", null),
            ("POST /api/residents/{id:guid}/photos/", "POST", $"/api/residents/{r.Resident}/photos/", new { }),
            ("GET /api/residents/{id:guid}/family/", "GET", $"/api/residents/{r.Resident}/family/", null),
            ("POST /api/residents/{id:guid}/family/", "POST", $"/api/residents/{r.Resident}/family/",
                new { relationship = "spouse", evidenceKind = "marriage-certificate", evidenceReference = "结婚证 J330211-2020-1", memberId = r.Resident }),
            ("POST /api/residents/{id:guid}/family/children", "POST", $"/api/residents/{r.Resident}/family/children", new { }),
            ("GET /api/points/residents/{id:guid}", "GET", $"/api/points/residents/{r.Resident}", null),
            ("GET /api/points/residents/{id:guid}/entries", "GET", $"/api/points/residents/{r.Resident}/entries", null),
            ("POST /api/points/residents/{id:guid}/entries", "POST", $"/api/points/residents/{r.Resident}/entries",
                new { indicator = IndicatorCodes.Volunteer, quantity = 2, evidenceReference = "志愿服务证明" }),
            ("POST /api/points/residents/{id:guid}/social-insurance", "POST", $"/api/points/residents/{r.Resident}/social-insurance",
                new { coveredFrom = today.AddMonths(-6), coveredUntil = today.AddMonths(-1), evidenceReference = "社保缴费证明" }),
            ("POST /api/points/entries/{id:long}/reversal", "POST", $"/api/points/entries/{r.Entry}/reversal", new { reason = "录入错误" }),
            ("POST /api/points/reviews/{id:guid}/accept", "POST", $"/api/points/reviews/{r.Review}/accept", new { resolution = "已核实" }),
            ("POST /api/points/reviews/{id:guid}/reject", "POST", $"/api/points/reviews/{r.Review}/reject", new { reason = "无证明" }),
        ];
    }
}
