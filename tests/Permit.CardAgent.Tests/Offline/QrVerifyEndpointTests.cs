using Permit.CardAgent.Offline;
using Permit.CardAgent.Pairing;
using Permit.Documents.Qr;
using Permit.Domain.Credentials.Qr;
using Permit.Domain.Credentials.Revocation;

namespace Permit.CardAgent.Tests.Offline;

/// <summary>
/// <c>serve</c> for the verifier pages: it synchronises the lists from the configured API by itself, and
/// <c>POST /qr/verify</c> judges pasted text or a picture against them.
/// </summary>
public sealed class QrVerifyEndpointTests : IAsyncDisposable
{
    private readonly TestIssuer _issuer = new();
    private readonly FakeIssuerApi _api;
    private readonly string _state = Directory.CreateTempSubdirectory("permit-agent-serve-").FullName;
    private InProcessAgent? _agent;
    private HttpClient? _http;
    private TestTickets? _tickets;

    public QrVerifyEndpointTests()
    {
        _api = new FakeIssuerApi(_issuer);
        _api.Publish(new RevocationList(3, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1),
            [new RevokedCard(TestIssuer.SamplePermit.PermitNumber, 2)]));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Qr(int cardSequence = 1) =>
        QrCredential.Issue(QrClaims.ForPermit(TestIssuer.SamplePermit with { CardSequence = cardSequence }, DateTimeOffset.UtcNow), _api.Signer);

    [Fact]
    public async Task Serve_synchronises_on_start_and_judges_pasted_text_and_pictures()
    {
        var http = await StartAsync();
        await WaitForSyncAsync();

        var genuine = await VerifyAsync(http, new { text = Qr() });
        var revoked = await VerifyAsync(http, new { text = Qr(cardSequence: 2) });
        var picture = await VerifyAsync(http, new { image = Convert.ToBase64String(QrImage.ToPng(Qr())) });

        Assert.True(genuine.GetProperty("genuine").GetBoolean());
        Assert.Equal("revoked", revoked.GetProperty("reason").GetString());
        Assert.True(picture.GetProperty("genuine").GetBoolean());
    }

    [Fact]
    public async Task Nothing_to_verify_or_a_picture_without_a_QR_is_a_400_problem()
    {
        var http = await StartAsync();

        using var empty = await http.PostAsJsonAsync("/qr/verify", new { }, Ct);
        using var notAPicture = await http.PostAsJsonAsync("/qr/verify", new { image = Convert.ToBase64String([1, 2, 3]) }, Ct);
        using var notBase64 = await http.PostAsJsonAsync("/qr/verify", new { image = "%%%" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAPicture.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notBase64.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType!.MediaType);
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_agent is not null)
            await _agent.DisposeAsync();
        _api.Dispose();
        _issuer.Dispose();
        _tickets?.Dispose();
        if (Directory.Exists(_state))
            Directory.Delete(_state, recursive: true);
    }

    private async Task WaitForSyncAsync()
    {
        var store = new OfflineStore(_state, _issuer.RootPublicKeyPath);
        for (var i = 0; i < 200 && !File.Exists(Path.Combine(store.Directory, OfflineStore.RevocationListFile)); i++)
            await Task.Delay(50, Ct);
        Assert.Equal(3, store.LoadRevocationList(store.LoadTrustList()!)!.Version);
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient http, object body)
    {
        using var response = await http.PostAsJsonAsync("/qr/verify", body, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json;
    }

    private async Task<HttpClient> StartAsync()
    {
        _tickets ??= new TestTickets(AgentPairing.Counter, stateDirectory: _state);
        var settings = new AgentSettings { StateDirectory = _state, Api = "https://permits.test/", TrustRootPublicKeyFile = _issuer.RootPublicKeyPath };
        var host = new AgentHost(new InProcessTerminals(), settings, TimeProvider.System)
        {
            ApiClients = url => new HttpClient(_api, disposeHandler: false) { BaseAddress = url },
        };
        _agent = await InProcessAgent.StartAsync(host);
        var address = _agent.Address;
        _http = _tickets.Client(address);
        return _http;
    }
}
