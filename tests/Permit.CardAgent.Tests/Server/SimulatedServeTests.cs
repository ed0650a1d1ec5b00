using Permit.CardAgent.Pairing;
using Permit.CardAgent.Simulated;

namespace Permit.CardAgent.Tests.Server;

/// <summary><c>serve --simulated</c>: in-process readers switched from the panel, marked as simulated, Development only.</summary>
public sealed class SimulatedServeTests : IAsyncDisposable
{
    private const string Origin = "http://localhost:5080";
    private InProcessAgent? _agent;
    private HttpClient? _http;

    [Theory]
    [InlineData(null)]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Simulated_readers_are_refused_outside_development_unless_asked_for_explicitly(string? environment)
    {
        var host = Agent.Host(new InProcessTerminals()) with { Environment = name => name.EndsWith("_ENVIRONMENT", StringComparison.Ordinal) ? environment : null };

        var run = await Agent.RunAsync(host, "serve", "--simulated", "--port", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Development only", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_without_the_simulated_flag_never_takes_the_simulated_options()
    {
        var run = await Agent.RunAsync(Agent.Host(new InProcessTerminals()), "serve", "--allow-simulated", "--port", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("go with --simulated", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_simulated_agent_says_so_in_its_health_its_reader_names_and_every_answer()
    {
        var http = await StartAsync();
        var ct = TestContext.Current.CancellationToken;

        using var health = await http.GetAsync("/health", ct);
        var readers = await http.GetFromJsonAsync<JsonElement>("/readers", ct);

        Assert.True((await health.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("simulated").GetBoolean());
        Assert.Equal("true", health.Headers.GetValues(AgentServer.SimulatedHeader).Single());
        Assert.All(readers.GetProperty("readers").EnumerateArray(), r => Assert.Contains("SIMULATED", r.GetProperty("name").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Choosing_another_demo_person_on_the_panel_changes_the_id_card_the_desk_reads()
    {
        var http = await StartAsync();
        var ct = TestContext.Current.CancellationToken;

        using (var chose = await http.PostAsJsonAsync("/simulated/id-card", new { person = 1 }, ct))
            Assert.Equal(HttpStatusCode.OK, chose.StatusCode);
        using var read = await http.PostAsJsonAsync("/id-card/read", new { }, ct);
        var card = (await read.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("card");

        Assert.Equal(SimulatedPeople.All[1].Name, card.GetProperty("name").GetString());
        Assert.Equal(SimulatedPeople.All[1].IdNumber, card.GetProperty("idNumber").GetString());
        Assert.Equal("jpeg", card.GetProperty("photoFormat").GetString());
    }

    [Fact]
    public async Task A_pulled_card_is_not_there_for_the_desk_and_a_fresh_blank_card_is()
    {
        var http = await StartAsync();
        var ct = TestContext.Current.CancellationToken;

        (await http.PostAsJsonAsync("/simulated/permit-card/pull", new { }, ct)).Dispose();
        var pulled = await http.GetFromJsonAsync<JsonElement>("/readers", ct);
        var state = await (await http.PostAsJsonAsync("/simulated/permit-card/blank", new { }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        var inserted = await http.GetFromJsonAsync<JsonElement>("/readers", ct);

        Assert.False(pulled.GetProperty("readers")[1].GetProperty("cardPresent").GetBoolean());
        Assert.True(inserted.GetProperty("readers")[1].GetProperty("cardPresent").GetBoolean());
        Assert.Equal("BLANK", state.GetProperty("permitCardState").GetString());
    }

    [Fact]
    public async Task A_page_listening_for_card_events_hears_the_panel_pull_the_card()
    {
        var http = await StartAsync();
        var ct = TestContext.Current.CancellationToken;
        using var events = await http.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead, ct);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync(ct));
        // The snapshot first: both simulated readers with their cards.
        string? line;
        var snapshot = 0;
        while (snapshot < 4 && (line = await reader.ReadLineAsync(ct)) is not null)
            snapshot += line.StartsWith("event: ", StringComparison.Ordinal) ? 1 : 0;

        (await http.PostAsJsonAsync("/simulated/permit-card/pull", new { }, ct)).Dispose();
        var next = await reader.ReadLineAsync(ct);
        while (next is not null && !next.StartsWith("event: ", StringComparison.Ordinal))
            next = await reader.ReadLineAsync(ct);
        var data = await reader.ReadLineAsync(ct);

        Assert.Equal("event: card-removed", next);
        Assert.Contains(SimulatedReaders.PermitReaderName, data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_of_another_origin_cannot_switch_the_simulated_cards()
    {
        var http = await StartAsync();
        var ct = TestContext.Current.CancellationToken;
        using var attack = new HttpRequestMessage(HttpMethod.Post, "/simulated/permit-card/pull") { Content = JsonContent.Create(new { }) };
        attack.Headers.Add("Origin", "https://evil.example.test");

        using var refused = await http.SendAsync(attack, ct);
        var readers = await http.GetFromJsonAsync<JsonElement>("/readers", ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True(readers.GetProperty("readers")[1].GetProperty("cardPresent").GetBoolean());
    }

    [Fact]
    public async Task Tapping_a_holder_card_that_is_not_in_the_demo_folder_is_refused_and_reads_no_file()
    {
        var http = await StartAsync();
        var ct = TestContext.Current.CancellationToken;

        using var traversal = await http.PostAsJsonAsync("/simulated/permit-card/holder", new { card = "../../etc/passwd" }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, traversal.StatusCode);
    }

    private TestTickets? _tickets;

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        _tickets?.Dispose();
        if (_agent is not null)
            await _agent.DisposeAsync();
    }

    private async Task<HttpClient> StartAsync()
    {
        var readers = new SimulatedReaders(TimeProvider.System, holderCards: null);
        // A paired desk agent, as the demo launcher pairs it: the simulated readers sit behind the same door as real ones.
        _tickets ??= new TestTickets(AgentPairing.Desk);
        var settings = new AgentSettings
        {
            AllowedOrigins = [Origin], IdReader = SimulatedReaders.IdReaderName, PermitReader = SimulatedReaders.PermitReaderName,
            StateDirectory = _tickets.StateDirectory,
        };
        _agent = await InProcessAgent.StartAsync(new AgentHost(readers, settings, TimeProvider.System) { Simulated = readers });
        var address = _agent.Address;
        _http = _tickets.Client(address);
        return _http;
    }
}
