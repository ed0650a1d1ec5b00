using System.Net.Http.Headers;
using System.Text;
using Permit.Api.Tests.Features.Residents;

namespace Permit.Api.Tests.Features.Communities;

public sealed class CommunitiesTests
{
    private const string Header = "社区代码,社区名称,所属街道";

    [Fact]
    public async Task An_admin_adds_renames_and_retires_a_community_and_the_search_offers_it_only_until_retired()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var admin = desk.Officer(OfficerRole.Admin);
        using var registrar = desk.Officer();

        using var added = await admin.PostJsonAsync("/api/communities", new { code = "330211002009", name = "新蛟社区" });
        using var again = await admin.PostJsonAsync("/api/communities", new { code = "330211002009", name = "别的名字" });
        using var renamed = await admin.PutAsJsonAsync(new Uri("/api/communities/330211002009/name", UriKind.Relative), new { name = "新蛟川社区" }, TestContext.Current.CancellationToken);
        using var found = await registrar.GetPathAsync("/api/communities?search=" + Uri.EscapeDataString("蛟川"));
        using var retired = await admin.PostJsonAsync("/api/communities/330211002009/retirement", new { });
        using var afterRetiring = await registrar.GetPathAsync("/api/communities?search=" + Uri.EscapeDataString("蛟川"));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.EndsWith("/community-already-listed", (await again.JsonAsync()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var offered = (await found.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(("330211002009", "新蛟川社区", "蛟川街道"),
            (offered.Single().GetProperty("code").GetString(), offered[0].GetProperty("name").GetString(), offered[0].GetProperty("townshipName").GetString()));
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Empty((await afterRetiring.JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task A_registrar_cannot_add_retire_or_import_communities_and_nothing_is_written()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var admin = desk.Officer(OfficerRole.Admin);
        using var registrar = desk.Officer();
        using var seeded = await admin.PostJsonAsync("/api/communities", new { code = "330211003001", name = "中街社区" });

        using var add = await registrar.PostJsonAsync("/api/communities", new { code = "330211002009", name = "新蛟社区" });
        using var retire = await registrar.PostJsonAsync("/api/communities/330211003001/retirement", new { });
        using var import = await ImportAsync(registrar, Utf8($"{Header}\r\n330211001009,偷加社区,招宝山街道\r\n"));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (add.StatusCode, retire.StatusCode, import.StatusCode));
        await using var db = desk.NewContext();
        var listed = await db.Communities.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("330211003001", false), (listed.Single().Code.Value, listed[0].Retired));
    }

    [Fact]
    public async Task A_gb18030_csv_from_excel_imports_the_directory_and_importing_it_again_changes_nothing()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var admin = desk.Officer(OfficerRole.Admin);
        var csv = $"{Header}\r\n330211003001,中街社区,骆驼街道\r\n330211101002,汶溪村,九龙湖镇\r\n330211100003,十七房村,澥浦镇\r\n";
        var gb18030 = Gb18030(csv);

        using var first = await ImportAsync(admin, gb18030);
        using var second = await ImportAsync(admin, gb18030);

        var one = await first.JsonAsync();
        var two = await second.JsonAsync();
        Assert.Equal(("GB18030", 3, 0), (one.GetProperty("encoding").GetString(), one.GetProperty("added").GetInt32(), one.GetProperty("rejects").GetArrayLength()));
        Assert.Equal((0, 0, 3), (two.GetProperty("added").GetInt32(), two.GetProperty("renamed").GetInt32(), two.GetProperty("unchanged").GetInt32()));
        await using var db = desk.NewContext();
        Assert.Equal(["中街社区", "十七房村", "汶溪村"], await db.Communities.OrderBy(c => c.Code).Select(c => c.Name).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_dry_run_of_an_import_counts_what_it_would_add_rename_and_reject_and_changes_nothing()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var admin = desk.Officer(OfficerRole.Admin);
        using var seeded = await admin.PostJsonAsync("/api/communities", new { code = "330211003001", name = "中街社区" });
        var csv = Utf8($"{Header}\r\n330211003001,中街新社区,骆驼街道\r\n330211101002,汶溪村,九龙湖镇\r\n33021100300X,坏代码,骆驼街道\r\n");

        using var dry = await ImportAsync(admin, csv, dryRun: true);
        await using (var db = desk.NewContext())
            Assert.Equal(["中街社区"], await db.Communities.Select(c => c.Name).ToListAsync(TestContext.Current.CancellationToken));
        using var real = await ImportAsync(admin, csv);

        var would = await dry.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.Equal((true, 1, 1, 0), (would.GetProperty("dryRun").GetBoolean(), would.GetProperty("added").GetInt32(), would.GetProperty("renamed").GetInt32(), would.GetProperty("unchanged").GetInt32()));
        Assert.Equal((4, "code", "community-code-invalid"), would.GetProperty("rejects").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString(), r.GetProperty("rule").GetString())).Single());
        var did = await real.JsonAsync();
        Assert.Equal((false, 1, 1), (did.GetProperty("dryRun").GetBoolean(), did.GetProperty("added").GetInt32(), did.GetProperty("renamed").GetInt32()));
        await using var after = desk.NewContext();
        Assert.Equal(["中街新社区", "汶溪村"], await after.Communities.OrderBy(c => c.Code).Select(c => c.Name).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Bad_rows_of_an_import_are_rejected_by_row_column_and_rule_and_the_good_rows_are_listed()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var admin = desk.Officer(OfficerRole.Admin);
        var csv = $"{Header}\r\n330211003001,中街社区,骆驼街道\r\n33021100300X,坏代码,骆驼街道\r\n330211003002,,骆驼街道\r\n"
            + "330211003003,盛兴社区,庄市街道\r\n330211003001,重复,骆驼街道\r\n330211009001,不存在的街道,\r\n";

        using var response = await ImportAsync(admin, Utf8(csv));

        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("UTF-8", 1), (body.GetProperty("encoding").GetString(), body.GetProperty("added").GetInt32()));
        Assert.Equal(
            [(3, "code", "community-code-invalid"), (4, "name", "community-name-invalid"), (5, "township", "community-township-mismatch"),
             (6, "code", "community-duplicate-row"), (7, "code", "community-code-invalid")],
            body.GetProperty("rejects").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString(), r.GetProperty("rule").GetString())));
    }

    [Fact]
    public async Task A_file_without_code_and_name_columns_is_refused_and_nothing_is_imported()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var admin = desk.Officer(OfficerRole.Admin);

        using var response = await ImportAsync(admin, Utf8("编号,名字\r\n330211003001,中街社区\r\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.EndsWith("/community-csv-columns", (await response.JsonAsync()).GetProperty("type").GetString());
        await using var db = desk.NewContext();
        Assert.False(await db.Communities.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Once_the_directory_lists_communities_a_registration_naming_a_retired_or_unlisted_one_is_refused_and_a_listed_one_is_accepted()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var admin = desk.Officer(OfficerRole.Admin);
        using var registrar = desk.Officer();
        using var listed = await admin.PostJsonAsync("/api/communities", new { code = "330211003001", name = "中街社区" });
        using var old = await admin.PostJsonAsync("/api/communities", new { code = "330211003002", name = "旧社区" });
        using var retired = await admin.PostJsonAsync("/api/communities/330211003002/retirement", new { });
        using var created = await registrar.PostJsonAsync("/api/residents/from-id-card", DeskData.IdCard(DeskData.ZhangSan));
        var residentId = (await created.JsonAsync()).GetProperty("id").GetGuid();

        using var unlisted = await registrar.PostJsonAsync("/api/registrations", Registration(residentId, "330211004001"));
        using var retiredOne = await registrar.PostJsonAsync("/api/registrations", Registration(residentId, "330211003002"));
        using var accepted = await registrar.PostJsonAsync("/api/registrations", Registration(residentId, "330211003001"));

        Assert.Equal(HttpStatusCode.BadRequest, unlisted.StatusCode);
        Assert.Contains("community-not-in-directory", await unlisted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, retiredOne.StatusCode);
        Assert.Contains("community-retired", await retiredOne.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal((1, 1, 0), await desk.CountsAsync());
    }

    private static object Registration(Guid residentId, string communityCode) => new
    {
        residentId,
        address = "浙江省宁波市镇海区骆驼街道中街1号",
        communityCode,
        arrivalDate = "20260301",
        basis = "residence",
        evidence = "租赁登记 2026-17",
        employerOrLandlord = "房东 陈先生",
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Gb18030(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936).GetBytes(text);
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] bytes, bool dryRun = false)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var path = dryRun ? "/api/communities/import?dryRun=true" : "/api/communities/import";
        return await client.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }
}
