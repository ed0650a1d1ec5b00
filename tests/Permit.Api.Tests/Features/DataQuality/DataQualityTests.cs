using Permit.Api.Tests.Features.Duplicates;
using Permit.Api.Tests.Features.Residents;
using Permit.Api.Tests.Security;
using Permit.Api.Tests.Security.Sessions;

namespace Permit.Api.Tests.Features.DataQuality;

public sealed class DataQualityTests
{
    private const string YinzhouCommunity = "330212001001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(Guid Moved, Guid Outside)> ArrangeAsync(Permit.Api.Persistence.PermitDbContext db, DateOnly today)
    {
        var kept = DuplicateArrange.Person("33021119850101123", "张伟");
        kept.ChangeContact("13800000000");
        // Registered twice in Zhenhai and the first never closed: the first is past its end but still active.
        var moved = DuplicateArrange.Person("41010219950612204", "李四");
        moved.ChangeContact("13900000000");
        // Registered in Yinzhou: outside the district (Permits:IssuingRegion 330211).
        var outside = DuplicateArrange.Person("33021219900101123", "王五");
        db.AddRange(kept, moved, outside,
            DuplicateArrange.Registration(kept, today.AddYears(-1)),
            DuplicateArrange.Registration(moved, today.AddYears(-2)),
            DuplicateArrange.Registration(moved, today.AddMonths(-3), "330211003002"),
            DuplicateArrange.Registration(outside, today.AddMonths(-1), YinzhouCommunity));
        await db.SaveChangesAsync(Ct);
        return (moved.Id, outside.Id);
    }

    [Fact]
    public async Task The_report_counts_each_check_and_the_drill_down_names_the_records()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        (Guid Moved, Guid Outside) people;
        await using (var db = desk.NewContext())
            people = await ArrangeAsync(db, DeskData.Today);
        var supervisor = desk.Officer(OfficerRole.Supervisor);

        using var counts = await supervisor.GetPathAsync("/api/data-quality");
        using var outside = await supervisor.GetPathAsync("/api/data-quality/outside-district");
        using var superseded = await supervisor.GetPathAsync("/api/data-quality/superseded-active");
        using var unknown = await supervisor.GetPathAsync("/api/data-quality/everything");
        using var tooMany = await supervisor.GetPathAsync("/api/data-quality/missing-contact?take=100000");
        using var registrar = await desk.Officer().GetPathAsync("/api/data-quality");

        var byCheck = (await counts.JsonAsync()).EnumerateArray().ToDictionary(c => c.GetProperty("check").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal(1, byCheck["missing-contact"]);
        Assert.Equal(1, byCheck["superseded-active"]);
        Assert.Equal(1, byCheck["outside-district"]);
        Assert.Equal(3, byCheck["missing-photo"]);
        Assert.Equal(people.Outside, Assert.Single((await outside.JsonAsync()).GetProperty("records").EnumerateArray()).GetProperty("residentId").GetGuid());
        Assert.Equal(people.Moved, Assert.Single((await superseded.JsonAsync()).GetProperty("records").EnumerateArray()).GetProperty("residentId").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, registrar.StatusCode);
    }

    [Fact]
    public async Task A_supervisor_counts_and_sees_only_records_of_their_own_jurisdiction()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        await api.AddOfficerAsync("qian.zhenhai", OfficerRole.Supervisor, jurisdiction: "330211");
        await api.AddOfficerAsync("zhao.yinzhou", OfficerRole.Supervisor, jurisdiction: "330212");
        using var zhenhai = await RevocationTests.TokenClientAsync(api, "qian.zhenhai", PermitTestHost.Password);
        using var yinzhou = await RevocationTests.TokenClientAsync(api, "zhao.yinzhou", PermitTestHost.Password);
        await using (var db = api.NewContext())
            await ArrangeAsync(db, DateOnly.FromDateTime(api.Time.GetUtcNow().UtcDateTime));

        using var home = await zhenhai.GetPathAsync("/api/data-quality/missing-contact");
        using var other = await yinzhou.GetPathAsync("/api/data-quality/superseded-active");
        using var otherOutside = await yinzhou.GetPathAsync("/api/data-quality/outside-district");

        // 王五 lives in Yinzhou: Zhenhai's supervisor neither counts nor sees him; Yinzhou's sees only him.
        Assert.Equal(0, (await home.JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(0, (await other.JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(1, (await otherOutside.JsonAsync()).GetProperty("total").GetInt32());
    }
}
