using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Permit.CardAgent.Cli;
using Permit.CardAgent.Configuration;
using Permit.CardAgent.Server;
using Permit.CardAgent.Tests.Cards;
using Permit.CardAgent.Tests.Personalization;
using Permit.CardAgent.Tests.Support;
using Permit.HardwareSim.PermitCards;
using Permit.HardwareSim.Transport;

namespace Permit.CardAgent.Tests.Server;

public sealed class AgentServerTests : IAsyncDisposable
{
    private const string Origin = "https://permits.example.test";
    private readonly TestIssuer _issuer = new();
    private readonly InProcessTerminals _terminals = new(
        idReader: new InProcessReader(IdCardSessionTests.SampleIdCard()),
        permitReader: new InProcessReader(PersonalizeCommandTests.BlankCard()));

    private WebApplication? _app;
    private HttpClient? _http;

    [Fact]
    public async Task Chromes_private_network_preflight_from_an_allowed_origin_is_answered()
    {
        var http = await StartAsync();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/permit-card/read");
        preflight.Headers.Add("Origin", Origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Private-Network", "true");

        using var response = await http.SendAsync(preflight, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, response.ToString());
        Assert.Equal(Origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", response.Headers.GetValues("Access-Control-Allow-Private-Network").Single());
    }

    [Fact]
    public async Task A_preflight_from_another_origin_gets_no_cors_or_private_network_allowance()
    {
        var http = await StartAsync();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/permit-card/read");
        preflight.Headers.Add("Origin", "https://evil.example.test");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Private-Network", "true");

        using var response = await http.SendAsync(preflight, TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Private-Network"));
    }

    [Fact]
    public async Task The_service_lists_readers_and_reads_an_id_card()
    {
        var http = await StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var readers = await http.GetFromJsonAsync<JsonElement>("/readers", ct);
        using var read = await http.PostAsJsonAsync("/id-card/read", new { }, ct);
        var body = await read.Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.Equal(2, readers.GetProperty("readers").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("53010219200508011X", body.GetProperty("card").GetProperty("idNumber").GetString());
        Assert.Equal("jpeg", body.GetProperty("card").GetProperty("photoFormat").GetString());
    }

    [Fact]
    public async Task The_service_personalizes_a_card_and_verifies_it()
    {
        var http = await StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var permit = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(_issuer.PermitJsonPath));

        using var personalize = await http.PostAsJsonAsync("/permit-card/personalize",
            new { permit, photo = Convert.ToBase64String(TestIssuer.Jpeg) }, ct);
        using var read = await http.PostAsJsonAsync("/permit-card/read", new { withPhoto = true }, ct);
        var verdict = await read.Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.True(personalize.StatusCode == HttpStatusCode.OK, await personalize.Content.ReadAsStringAsync(ct));
        Assert.Equal(CardLifeCycle.Active, ((PermitCard)_terminals.Permit.Card!).LifeCycle);
        Assert.True(verdict.GetProperty("verdict").GetProperty("genuine").GetBoolean(), verdict.ToString());
        Assert.Equal(Convert.ToBase64String(TestIssuer.Jpeg), verdict.GetProperty("photo").GetString());
    }

    [Fact]
    public async Task A_card_failure_is_a_problem_with_a_stable_type()
    {
        var http = await StartAsync();
        var ct = TestContext.Current.CancellationToken;
        _terminals.Permit.Remove();

        using var read = await http.PostAsJsonAsync("/permit-card/read", new { }, ct);
        var problem = await read.Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.Equal(HttpStatusCode.Conflict, read.StatusCode);
        Assert.Equal("urn:permit:card-agent:no-card", problem.GetProperty("type").GetString());
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
        _issuer.Dispose();
    }

    private async Task<HttpClient> StartAsync()
    {
        var settings = new AgentSettings
        {
            AllowedOrigins = [Origin],
            TrustedIssuerKeyFiles = [_issuer.PublicKeyPath],
            IssuerKeyFile = _issuer.PrivateKeyPath,
        };
        _app = AgentServer.Build(new AgentHost(_terminals, settings, TimeProvider.System), port: 0);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _http = new HttpClient { BaseAddress = new Uri(address) };
        return _http;
    }
}
