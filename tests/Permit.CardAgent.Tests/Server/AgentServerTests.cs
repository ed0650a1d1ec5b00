using Permit.Api.Features.Entitlements;
using Permit.CardAgent.Personalization;
using Permit.CardAgent.Tests.Cards;
using Permit.Domain.Credentials.Verification;

namespace Permit.CardAgent.Tests.Server;

public sealed class AgentServerTests : IAsyncDisposable
{
    private const string Origin = "https://permits.example.test";
    private readonly TestIssuer _issuer = new();
    private readonly TestTickets _tickets = new();
    private readonly InProcessTerminals _terminals = new(
        idReader: new InProcessReader(IdCardSessionTests.SampleIdCard()),
        permitReader: new InProcessReader(PersonalizeCommandTests.BlankCard()));

    private InProcessAgent? _agent;
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
    public async Task A_card_read_with_the_APIs_challenge_carries_the_files_and_the_chips_answer_to_that_challenge_as_the_card_lookup_takes_them()
    {
        var http = await StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var permit = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(_issuer.PermitJsonPath));
        using (var personalize = await http.PostAsJsonAsync("/permit-card/personalize", new { permit, photo = Convert.ToBase64String(TestIssuer.Jpeg) }, ct))
            Assert.True(personalize.IsSuccessStatusCode, await personalize.Content.ReadAsStringAsync(ct));

        var serverChallenge = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
        using var read = await http.PostAsJsonAsync("/permit-card/read", new { withPhoto = true, challenge = Convert.ToBase64String(serverChallenge) }, ct);
        var json = await read.Content.ReadAsStringAsync(ct);
        // The page forwards the answer's files and chip untouched: the API's own request type must read them.
        var lookup = JsonSerializer.Deserialize<CardLookupRequest>(json, JsonSerializerOptions.Web)!;
        var agentRead = AgentCardRead.From(lookup);
        var serverVerdict = CredentialVerifier.VerifyCard(
            agentRead.Files!, agentRead.Chip!.Exchange, KeyFiles.LoadTrustList([_issuer.PublicKeyPath]), new RevocationKnowledge(null, LivePermitStatus.Active), DateTimeOffset.UtcNow);

        Assert.Null(agentRead.Errors);
        Assert.True(serverVerdict.Accepted, string.Join(", ", serverVerdict.Checks));
        Assert.Equal(TestIssuer.SamplePermit.PermitNumber, serverVerdict.Card!.PermitNumber);
        Assert.Equal(TestIssuer.PhotoFileBytes, agentRead.Files!.Photo);
        Assert.Equal(serverChallenge, agentRead.Chip.Challenge);
        Assert.Contains(lookup.Verdict!.Checks!, c => c is { Check: "chip-signature", Outcome: "passed" });
    }

    [Fact]
    public async Task Without_the_photo_the_read_sends_no_photo_file_and_a_fresh_challenge_each_time()
    {
        var http = await StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var permit = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(_issuer.PermitJsonPath));
        using (var personalize = await http.PostAsJsonAsync("/permit-card/personalize", new { permit }, ct))
            Assert.True(personalize.IsSuccessStatusCode, await personalize.Content.ReadAsStringAsync(ct));

        var first = await ReadCardAsync(http);
        var second = await ReadCardAsync(http);

        Assert.False(first.GetProperty("files").TryGetProperty("photo", out _));
        Assert.False(first.TryGetProperty("photo", out _));
        Assert.NotEqual(first.GetProperty("chip").GetProperty("challenge").GetString(), second.GetProperty("chip").GetProperty("challenge").GetString());
        Assert.Equal(64, Convert.FromBase64String(first.GetProperty("chip").GetProperty("response").GetString()!).Length);
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

    private static async Task<JsonElement> ReadCardAsync(HttpClient http)
    {
        using var read = await http.PostAsJsonAsync("/permit-card/read", new { }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        return await read.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_agent is not null)
            await _agent.DisposeAsync();
        _issuer.Dispose();
        _tickets.Dispose();
    }

    private async Task<HttpClient> StartAsync()
    {
        var settings = new AgentSettings
        {
            AllowedOrigins = [Origin],
            TrustedIssuerKeyFiles = [_issuer.PublicKeyPath],
            RevocationFile = _issuer.RevocationPath,
            IssuerKeyFile = _issuer.PrivateKeyPath,
            StateDirectory = _tickets.StateDirectory,
        };
        _agent = await InProcessAgent.StartAsync(new AgentHost(_terminals, settings, TimeProvider.System));
        var address = _agent.Address;
        _http = _tickets.Client(address);
        return _http;
    }
}
