using Permit.CardAgent.Pairing;
using Permit.CardAgent.Tests.Cards;
using Permit.Domain.Credentials.Agents;
using Permit.HardwareSim.Cards;

namespace Permit.CardAgent.Tests.Server;

/// <summary>The agent's door in process: host names, tickets per operation, health, and what a counter gets back.</summary>
public sealed class AgentGateTests : IAsyncDisposable
{
    private const string Origin = "https://permits.example.test";
    private readonly TestIssuer _issuer = new();
    private readonly TestTickets _tickets = new();
    private readonly CountingCard _idCard = new(IdCardSessionTests.SampleIdCard());
    private readonly InProcessTerminals _terminals;

    private InProcessAgent? _agent;
    private string _address = "";

    public AgentGateTests() =>
        _terminals = new(idReader: new InProcessReader(_idCard), permitReader: new InProcessReader(PersonalizeCommandTests.BlankCard()));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_answers_without_a_ticket_and_names_the_paired_agent()
    {
        await StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(_address) };

        var health = await http.GetFromJsonAsync<JsonElement>("/health", Ct);

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(2, health.GetProperty("readers").GetInt32());
        Assert.Equal(_tickets.AgentId, health.GetProperty("agentId").GetGuid());
        Assert.Equal("desk", health.GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:1")]
    [InlineData("localhost.evil.example")]
    public async Task A_request_for_any_other_host_is_misdirected_even_for_health(string hostHeader)
    {
        await StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(_address) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = hostHeader.Contains(':', StringComparison.Ordinal) || hostHeader == "127.0.0.1" ? hostHeader : $"{hostHeader}:{new Uri(_address).Port}";

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
    }

    [Fact]
    public async Task Localhost_and_the_ipv6_loopback_name_are_accepted_as_host()
    {
        await StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(_address) };
        var port = new Uri(_address).Port;
        foreach (var name in new[] { "localhost", "LOCALHOST", "[::1]" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
            request.Headers.Host = $"{name}:{port}";
            using var response = await http.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_read_permit_ticket_does_not_open_the_id_card_and_the_card_is_not_touched()
    {
        await StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(_address) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/id-card/read") { Content = JsonContent.Create(new { }) };
        request.Headers.Add(AgentGate.TicketHeader, _tickets.Mint(AgentOperations.ReadPermit));

        using var response = await http.SendAsync(request, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("urn:permit:card-agent:ticket-wrong-operation", problem.GetProperty("type").GetString());
        Assert.Equal(0, _idCard.Commands);
    }

    [Fact]
    public async Task A_page_on_an_allowed_origin_reads_its_refusal_through_cors()
    {
        await StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(_address) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/id-card/read") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Origin", Origin);

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(Origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task An_unpaired_agent_answers_not_paired_to_everything_but_health()
    {
        await StartAsync();
        File.Delete(Path.Combine(_tickets.StateDirectory, AgentPairing.FileName));
        using var http = _tickets.Client(_address);

        using var readers = await http.GetAsync(new Uri("/readers", UriKind.Relative), Ct);
        var health = await http.GetFromJsonAsync<JsonElement>("/health", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readers.StatusCode);
        Assert.Equal("not-paired", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task At_a_counter_a_card_read_has_no_id_number_or_address_and_the_files_are_sealed_for_the_api()
    {
        await StartAsync();
        using var desk = _tickets.Client(_address);
        var permit = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(_issuer.PermitJsonPath));
        using (var personalize = await desk.PostAsJsonAsync("/permit-card/personalize", new { permit, photo = Convert.ToBase64String(TestIssuer.Jpeg) }, Ct))
            Assert.True(personalize.IsSuccessStatusCode, await personalize.Content.ReadAsStringAsync(Ct));
        // The same PC re-paired as a clinic's counter (same TEST ticket key).
        using var counterTickets = new TestTickets(AgentPairing.Counter, stateDirectory: Path.Combine(_tickets.StateDirectory, "counter"));
        var counterPairing = _tickets.Pairing with { Kind = AgentPairing.Counter, SealKey = counterTickets.Pairing.SealKey };
        counterPairing.Save(_tickets.StateDirectory);
        using var counter = new HttpClient { BaseAddress = new Uri(_address) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/permit-card/read") { Content = JsonContent.Create(new { withPhoto = true }) };
        request.Headers.Add(AgentGate.TicketHeader, _tickets.Mint(AgentOperations.ReadPermit, holder: AgentTicketHolder.Terminal));

        using var read = await counter.SendAsync(request, Ct);
        var body = await read.Content.ReadAsStringAsync(Ct);
        var answer = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain(TestIssuer.SamplePermit.IdNumber, body, StringComparison.Ordinal);
        Assert.DoesNotContain(TestIssuer.SamplePermit.ResidenceAddress, body, StringComparison.Ordinal);
        Assert.DoesNotContain(TestIssuer.SamplePermit.HukouAddress, body, StringComparison.Ordinal);
        Assert.False(answer.TryGetProperty("files", out _));
        Assert.Equal(TestIssuer.SamplePermit.Name, answer.GetProperty("verdict").GetProperty("permit").GetProperty("name").GetString());
        Assert.Equal(Convert.ToBase64String(TestIssuer.Jpeg), answer.GetProperty("photo").GetString());
        var files = counterTickets.Open(answer.GetProperty("sealedFiles").GetString()!);
        Assert.NotNull(files);
        Assert.Contains("\"permit\"", System.Text.Encoding.UTF8.GetString(files), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_refuses_a_local_issuer_key_unless_started_for_development()
    {
        var settings = new AgentSettings { IssuerKeyFile = _issuer.PrivateKeyPath, StateDirectory = _tickets.StateDirectory };

        var run = await Agent.RunAsync(new AgentHost(_terminals, settings, TimeProvider.System), "serve", "--port", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(ServeCommand.DevLocalIssuerKeyFlag, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://permits.example/")]
    [InlineData("http://192.168.1.20:5080/")]
    public async Task Pairing_over_plain_http_with_an_api_on_another_machine_is_refused(string api)
    {
        var host = Agent.Host(_terminals) with { Input = new StringReader("secret\n") };

        var run = await Agent.RunAsync(host, "pair", "--api", api, "--user", "li.registrar", "--state", _tickets.StateDirectory);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("https://", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sync")]
    [InlineData("read-permit")]
    public async Task Lists_fetched_over_plain_http_from_an_api_on_another_machine_are_refused_before_any_request(string command)
    {
        var run = await Agent.RunAsync(Agent.Host(_terminals), command, "--api", "http://permits.example/", "--state", _tickets.StateDirectory);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("https://", run.Error, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_agent is not null)
            await _agent.DisposeAsync();
        _issuer.Dispose();
        _tickets.Dispose();
    }

    private async Task StartAsync()
    {
        var settings = new AgentSettings
        {
            AllowedOrigins = [Origin],
            TrustedIssuerKeyFiles = [_issuer.PublicKeyPath],
            IssuerKeyFile = _issuer.PrivateKeyPath,
            StateDirectory = _tickets.StateDirectory,
        };
        _agent = await InProcessAgent.StartAsync(new AgentHost(_terminals, settings, TimeProvider.System));
        _address = _agent.Address;
    }
}

/// <summary>An emulated card that counts the command APDUs it is sent.</summary>
internal sealed class CountingCard(IEmulatedCard card) : IEmulatedCard
{
    private int _commands;

    public int Commands => Volatile.Read(ref _commands);

    public ReadOnlyMemory<byte> Atr => card.Atr;

    public void Reset() => card.Reset();

    public void PowerOff() => card.PowerOff();

    public byte[] Process(ReadOnlySpan<byte> command)
    {
        Interlocked.Increment(ref _commands);
        return card.Process(command);
    }
}
