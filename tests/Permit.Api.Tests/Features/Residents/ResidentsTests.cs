using System.Text;

namespace Permit.Api.Tests.Features.Residents;

public sealed class ResidentsTests
{
    [Fact]
    public async Task An_id_card_read_becomes_a_resident_with_the_cards_facts()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();

        using var response = await client.PostJsonAsync("/api/residents/from-id-card", DeskData.IdCard(DeskData.ZhangSan));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var resident = await response.JsonAsync();
        Assert.Equal(DeskData.ZhangSan, resident.GetProperty("idNumber").GetString());
        Assert.Equal("张三", resident.GetProperty("name").GetString());
        Assert.Equal("1990-01-01", resident.GetProperty("birthDate").GetString());
        Assert.Equal("汉", resident.GetProperty("ethnicGroupName").GetString());
        Assert.Equal(1, (await desk.CountsAsync()).Residents);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task An_id_number_with_a_wrong_check_character_is_refused_naming_the_field_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var desk = new PermitTestHost(provider, DeskData.Morning);
        using var client = desk.Officer();
        var wrong = DeskData.WrongCheck(DeskData.ZhangSan);

        using var response = await client.PostJsonAsync("/api/residents/from-id-card", DeskData.IdCard(wrong));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal("https://permit.example/problems/citizen-id-check-character", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("idNumber", out _));
        Assert.Equal(0, (await desk.CountsAsync()).Residents);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task An_impossible_birth_date_is_refused_naming_the_field_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var desk = new PermitTestHost(provider, DeskData.Morning);
        using var client = desk.Officer();

        using var response = await client.PostJsonAsync("/api/residents/from-id-card", DeskData.IdCard(DeskData.ZhangSan, birthDate: "19900230"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("https://permit.example/problems/date-invalid", problem.GetProperty("type").GetString());
        Assert.Equal("birthDate", problem.GetProperty("field").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("birthDate", out _));
        Assert.Equal(0, (await desk.CountsAsync()).Residents);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_ten_megabyte_body_is_refused_as_too_large_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var desk = new PermitTestHost(provider, DeskData.Morning);
        using var client = desk.Officer();
        var card = DeskData.IdCard(DeskData.ZhangSan);
        card["photo"] = new string('A', 10 * 1024 * 1024);

        using var response = await client.PostJsonAsync("/api/residents/from-id-card", card);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, (await desk.CountsAsync()).Residents);
    }

    [Fact]
    public async Task A_foreigners_card_does_not_register_a_resident()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();
        var card = DeskData.IdCard(DeskData.ZhangSan);
        card["cardType"] = "foreigner";

        using var response = await client.PostJsonAsync("/api/residents/from-id-card", card);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("https://permit.example/problems/id-card-not-resident", (await response.JsonAsync()).GetProperty("type").GetString());
        Assert.Equal(0, (await desk.CountsAsync()).Residents);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_resident_is_found_by_exact_id_number_and_by_name_with_the_number_masked(DatabaseProvider provider)
    {
        await using var desk = new PermitTestHost(provider, DeskData.Morning);
        using var client = desk.Officer();
        (await client.PostJsonAsync("/api/residents/from-id-card", DeskData.IdCard(DeskData.ZhangSan))).Dispose();
        (await client.PostJsonAsync("/api/residents/from-id-card", DeskData.IdCard(DeskData.LiSi, "李四", "19950612", "2"))).Dispose();

        using var byNumber = await client.GetPathAsync($"/api/residents?idNumber={DeskData.LiSi}");
        using var byName = await client.GetPathAsync($"/api/residents?name={Uri.EscapeDataString("张三")}");

        var found = (await byNumber.JsonAsync()).GetProperty("items");
        Assert.Equal(1, found.GetArrayLength());
        Assert.Equal("李四", found[0].GetProperty("name").GetString());
        Assert.Equal(DeskData.LiSi[..6] + "********" + DeskData.LiSi[14..], found[0].GetProperty("maskedIdNumber").GetString());
        var named = await byName.JsonAsync();
        Assert.Equal(1, named.GetProperty("total").GetInt32());
        Assert.Equal("张三", named.GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("name=%E5%BC%A0", "search-name-too-short")]
    [InlineData("communityCode=330211003001", "search-criterion-required")]
    public async Task A_search_by_one_character_of_a_name_or_by_community_alone_is_refused_so_nobody_pages_through_everyone(
        string query, string problem)
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();
        (await client.PostJsonAsync("/api/residents/from-id-card", DeskData.IdCard(DeskData.ZhangSan))).Dispose();

        using var response = await client.GetPathAsync($"/api/residents?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"https://permit.example/problems/{problem}", (await response.JsonAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_search_without_a_criterion_is_refused()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();

        using var response = await client.GetPathAsync("/api/residents");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("https://permit.example/problems/search-criterion-required", (await response.JsonAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Nobody_signed_in_gets_no_resident_data()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Anonymous();

        using var response = await client.PostAsync(new Uri("/api/residents/from-id-card", UriKind.Relative),
            new StringContent("{}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, (await desk.CountsAsync()).Residents);
    }

    [Fact]
    public async Task Creating_and_reading_a_resident_is_audited_with_the_officer_and_the_purpose()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();
        using var created = await client.PostJsonAsync("/api/residents/from-id-card", DeskData.IdCard(DeskData.ZhangSan));
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        (await client.GetPathAsync($"/api/residents/{id}")).Dispose();

        await using var db = desk.NewContext();
        var entries = db.Set<AuditEntry>().Where(e => e.ResidentId == id).OrderBy(e => e.Sequence).ToList();
        Assert.Equal(["resident.create", "resident.read"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("registrar", e.ActorRole));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.Purpose)));
    }
}
