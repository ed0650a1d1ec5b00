using Permit.Api.Infrastructure.Tasks;

namespace Permit.Api.Tests.Security;

public sealed class OfficersCliTests
{
    [Fact]
    public async Task The_first_admin_is_created_from_the_command_line_and_can_sign_in()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        _ = api.Server;
        using var output = new StringWriter();

        var exit = await ApiCommandLine.RunAsync(api.Services, ["officers", "add", "root", "First Admin", "admin"],
            new StringReader(PermitTestHost.Password + "\n"), output, ct);

        Assert.Equal(0, exit);
        using var client = api.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "root", password = PermitTestHost.Password }, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
