using Permit.Api.Tests.Features.Residents;

namespace Permit.Api.Tests.Features.Registrations;

public sealed class RegistrationsTests
{
    [Fact]
    public async Task A_workplace_change_declared_within_ten_days_is_not_flagged_late()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();
        var registrationId = await RegisterAsync(client);
        desk.Time.Advance(TimeSpan.FromDays(12));

        using var response = await client.PostJsonAsync($"/api/registrations/{registrationId}/workplace-changes", new
        {
            employerOrLandlord = "宁波另一家公司",
            evidence = "劳动合同 2026-009",
            changedOn = "2026-03-05",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.JsonAsync()).GetProperty("late").GetBoolean());
    }

    [Fact]
    public async Task After_moving_out_the_registration_takes_no_more_changes_and_a_new_one_may_be_declared()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();
        var registrationId = await RegisterAsync(client);

        using var movedOut = await client.PostJsonAsync($"/api/registrations/{registrationId}/move-out", new { movedOutOn = "20260302" });
        using var change = await client.PostJsonAsync($"/api/registrations/{registrationId}/address-changes",
            new { address = "别处", communityCode = "330211004001", changedOn = "20260302" });

        Assert.Equal(HttpStatusCode.OK, movedOut.StatusCode);
        Assert.Equal("movedout", (await movedOut.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
        Assert.Equal("https://permit.example/problems/registration-not-active", (await change.JsonAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_second_active_registration_and_a_future_arrival_are_refused_and_write_nothing()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();
        await RegisterAsync(client);
        using var resident = await client.GetPathAsync($"/api/residents?idNumber={DeskData.ZhangSan}");
        var residentId = (await resident.JsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();

        using var second = await client.PostJsonAsync("/api/registrations", Registration(residentId, "20260301"));
        using var future = await client.PostJsonAsync("/api/registrations", Registration(residentId, "20260401"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("https://permit.example/problems/registration-already-active", (await second.JsonAsync()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Conflict, future.StatusCode);
        Assert.Equal((1, 1, 0), await desk.CountsAsync());
    }

    [Fact]
    public async Task A_community_code_outside_zhenhais_townships_is_refused_naming_the_field()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();
        using var created = await client.PostJsonAsync("/api/residents/from-id-card", DeskData.IdCard(DeskData.ZhangSan));
        var residentId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var registration = new Dictionary<string, object?>
        {
            ["residentId"] = residentId,
            ["address"] = "镇海区某路1号",
            ["communityCode"] = "330211999001",
            ["arrivalDate"] = "20260220",
            ["basis"] = "employment",
            ["evidence"] = "劳动合同",
            ["employerOrLandlord"] = "某公司",
        };

        using var response = await client.PostJsonAsync("/api/registrations", registration);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("https://permit.example/problems/community-code-invalid", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("communityCode", out _));
        Assert.Equal((1, 0, 0), await desk.CountsAsync());
    }

    private static object Registration(Guid residentId, string arrivalDate) => new
    {
        residentId,
        address = "浙江省宁波市镇海区骆驼街道中街1号",
        communityCode = "330211003001",
        arrivalDate,
        basis = "residence",
        evidence = "租赁登记 2026-17",
        employerOrLandlord = "房东 陈先生",
    };

    private static async Task<Guid> RegisterAsync(HttpClient client)
    {
        using var created = await client.PostJsonAsync("/api/residents/from-id-card", DeskData.IdCard(DeskData.ZhangSan));
        var residentId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        using var registered = await client.PostJsonAsync("/api/registrations", Registration(residentId, "20260220"));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return (await registered.JsonAsync()).GetProperty("id").GetGuid();
    }
}
