using Permit.Domain.Regions;

namespace Permit.Api.Tests.Security;

public sealed partial class JurisdictionTests
{
    [Fact]
    public async Task A_registrar_searching_the_community_directory_finds_only_the_communities_of_his_own_district()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        await using (var db = api.NewContext())
        {
            db.Communities.Add(Community.List(CommunityCode.Parse(ZhenhaiCommunity), "中街社区"));
            db.Communities.Add(Community.List(CommunityCode.Parse(YinzhouCommunity), "中河社区"));
            await db.SaveChangesAsync(Ct);
        }
        var zhenhai = await RegistrarAsync(api, "li.zhenhai", Zhenhai);
        var yinzhou = await RegistrarAsync(api, "chen.yinzhou", Yinzhou);

        Assert.Equal([ZhenhaiCommunity], await CodesAsync(zhenhai, "中"));
        Assert.Equal([YinzhouCommunity], await CodesAsync(yinzhou, "中"));
    }

    private static async Task<List<string?>> CodesAsync(HttpClient client, string search)
    {
        using var response = await client.GetAsync(new Uri("/api/communities?search=" + Uri.EscapeDataString(search), UriKind.Relative), Ct);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return [.. json.RootElement.EnumerateArray().Select(c => c.GetProperty("code").GetString())];
    }
}
