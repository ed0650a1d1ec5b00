using System.Net.Http.Headers;
using System.Text;
using Permit.Api.Tests.Features.Residents;

namespace Permit.Api.Tests.Features.BulkReports;

public sealed class BulkReportTests
{
    private const string Header = "type,idNumber,name,communityCode,address,date,reporter,basis,evidence,ethnicGroup,hukouAddress";

    private static readonly string WangWu = DeskData.IdNumber("33021119880808456");

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task Good_rows_land_and_bad_rows_come_back_with_row_column_and_reason(DatabaseProvider provider)
    {
        await using var desk = new PermitTestHost(provider, DeskData.Morning);
        using var client = desk.Officer();
        var csv = string.Join("\r\n",
            Header,
            $"arrival,{DeskData.ZhangSan},张三,330211003001,镇海区骆驼街道中街1号,20260225,宁波某机械公司,employment,劳动合同001,01,河南省郑州市",
            $"arrival,{DeskData.WrongCheck(DeskData.LiSi)},李四,330211003001,镇海区骆驼街道中街2号,20260225,宁波某机械公司,employment,劳动合同002,01,河南省郑州市",
            $"arrival,{WangWu},王五,330211003001,镇海区骆驼街道中街3号,19900230,宁波某机械公司,employment,劳动合同003,01,安徽省合肥市",
            $"departure,{DeskData.LiSi},李四,,,20260226,宁波某机械公司,,,,",
            $"arrival,{DeskData.LiSi},李四,330211999001,镇海区骆驼街道中街4号,20260226,宁波某机械公司,employment,劳动合同004,01,河南省郑州市",
            "") + "\r\n";

        using var response = await PostCsvAsync(client, csv, withBom: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.Equal(1, report.GetProperty("acceptedCount").GetInt32());
        Assert.Equal(2, report.GetProperty("accepted")[0].GetProperty("row").GetInt32());
        Assert.True(report.GetProperty("accepted")[0].GetProperty("residentCreated").GetBoolean());
        var rejected = report.GetProperty("rejected").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString(), r.GetProperty("rule").GetString())).ToList();
        Assert.Contains((3, "idNumber", "citizen-id-check-character"), rejected);
        Assert.Contains((4, "date", "date-invalid"), rejected);
        Assert.Contains((5, "idNumber", "registration-not-found"), rejected);
        Assert.Contains((6, "communityCode", "community-code-invalid"), rejected);
        Assert.Equal((1, 1, 0), await desk.CountsAsync());
    }

    [Fact]
    public async Task Once_the_directory_lists_communities_an_arrival_in_an_unlisted_or_retired_one_is_rejected_naming_the_column()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var admin = desk.Officer(OfficerRole.Admin);
        using var client = desk.Officer();
        (await admin.PostJsonAsync("/api/communities", new { code = "330211003001", name = "中街社区" })).Dispose();
        (await admin.PostJsonAsync("/api/communities", new { code = "330211003002", name = "旧社区" })).Dispose();
        (await admin.PostJsonAsync("/api/communities/330211003002/retirement", new { })).Dispose();
        var csv = string.Join("\r\n",
            Header,
            $"arrival,{DeskData.ZhangSan},张三,330211003001,镇海区骆驼街道中街1号,20260225,宁波某机械公司,employment,劳动合同001,01,河南省郑州市",
            $"arrival,{DeskData.LiSi},李四,330211004001,镇海区骆驼街道中街2号,20260225,宁波某机械公司,employment,劳动合同002,01,河南省郑州市",
            $"arrival,{WangWu},王五,330211003002,镇海区骆驼街道中街3号,20260225,宁波某机械公司,employment,劳动合同003,01,安徽省合肥市",
            "") + "\r\n";

        using var response = await PostCsvAsync(client, csv);

        var report = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            [(3, "communityCode", "community-not-in-directory"), (4, "communityCode", "community-retired")],
            report.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString(), r.GetProperty("rule").GetString())));
        Assert.Equal((1, 1, 0), await desk.CountsAsync());
    }

    [Fact]
    public async Task A_departure_for_a_registered_person_ends_their_registration_uploaded_as_a_form_file()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();
        var arrival = $"arrival,{WangWu},王五,330211003001,镇海区骆驼街道中街3号,20260220,某房东,residence,租赁登记 77,01,安徽省合肥市";
        (await PostCsvAsync(client, Header + "\n" + arrival + "\n")).Dispose();

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"{Header}\ndeparture,{WangWu},王五,,,20260302,某房东,,,,\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "departures.csv");
        using var response = await client.PostAsync(new Uri("/api/bulk-reports", UriKind.Relative), form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.JsonAsync()).GetProperty("acceptedCount").GetInt32());
        await using var db = desk.NewContext();
        var registration = Assert.Single(db.ResidenceRegistrations);
        Assert.Equal(new DateOnly(2026, 3, 2), registration.MovedOutOn);
    }

    [Theory]
    [InlineData("wrong header", "bulk-report-header")]
    [InlineData("unterminated quote", "bulk-report-not-csv")]
    [InlineData("not text", "bulk-report-not-text")]
    public async Task A_malformed_file_writes_nothing_not_even_its_good_rows(string damage, string rule)
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();
        var good = $"arrival,{DeskData.ZhangSan},张三,330211003001,镇海区骆驼街道中街1号,20260225,宁波某机械公司,employment,劳动合同001,01,河南省郑州市";
        byte[] body = damage switch
        {
            "wrong header" => Encoding.UTF8.GetBytes("type;idNumber;name\n" + good + "\n"),
            "unterminated quote" => Encoding.UTF8.GetBytes(Header + "\n" + good + "\narrival,\"unterminated\n"),
            _ => [.. Encoding.UTF8.GetBytes(Header + "\n" + good + "\n"), 0xFF, 0xFE, 0x00, 0x89],
        };

        using var response = await PostBytesAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("https://permit.example/problems/" + rule, (await response.JsonAsync()).GetProperty("type").GetString());
        Assert.Equal((0, 0, 0), await desk.CountsAsync());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_413_and_writes_nothing()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();
        var body = Encoding.UTF8.GetBytes(Header + "\n" + new string('x', 17 * 1024 * 1024));

        using var response = await PostBytesAsync(client, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((0, 0, 0), await desk.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_file_with_too_many_rows_writes_nothing(DatabaseProvider provider)
    {
        await using var desk = new PermitTestHost(provider, DeskData.Morning);
        using var client = desk.Officer();
        var row = $"departure,{DeskData.ZhangSan},,,,20260226,宁波某机械公司,,,,";
        var csv = Header + "\n" + string.Join("\n", Enumerable.Repeat(row, 50_001)) + "\n";

        using var response = await PostCsvAsync(client, csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("https://permit.example/problems/bulk-report-too-many-rows", (await response.JsonAsync()).GetProperty("type").GetString());
        Assert.Equal((0, 0, 0), await desk.CountsAsync());
    }

    private static Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string csv, bool withBom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        return PostBytesAsync(client, withBom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }

    private static Task<HttpResponseMessage> PostBytesAsync(HttpClient client, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return client.PostAsync(new Uri("/api/bulk-reports", UriKind.Relative), content, TestContext.Current.CancellationToken);
    }
}
