namespace Permit.CardAgent.Tests.Issuing;

/// <summary>
/// The officer page's "write card": <c>POST /permit-card/personalize {api, permit, token}</c> on the loopback service,
/// with each step reported on <c>GET /events</c> as a <c>personalize-step</c> event (what the officer page listens for).
/// </summary>
public sealed class ServeApiPersonalizationTests(AgentApi api) : IClassFixture<AgentApi>, IAsyncDisposable
{
    private readonly PermitCard _card = PersonalizeCommandTests.BlankCard();
    private readonly string _state = Directory.CreateTempSubdirectory("permit-agent-serve-").FullName;
    private InProcessAgent? _agent;
    private HttpClient? _http;
    private ApiTickets? _tickets;

    [Fact]
    public async Task The_page_gets_every_step_as_an_event_and_the_issued_card_as_the_answer()
    {
        var http = await StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var permit = await api.IssuePendingPermitAsync();
        using var events = await EventStream.OpenAsync(http, ct);
        var ticket = await _tickets!.MintAsync("personalize", permit);

        using var response = await SendAsync(http, new { permit }, ticket);
        var body = await response.Content.ReadAsStringAsync(ct);
        var steps = await events.StepsUntilAsync("done", ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var result = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal("issued", result.GetProperty("status").GetString());
        Assert.Equal(permit, result.GetProperty("permitNumber").GetString());
        Assert.Equal("Active", result.GetProperty("permitStatus").GetString());
        Assert.DoesNotContain(ticket, body, StringComparison.Ordinal);
        Assert.Equal(CardLifeCycle.Active, _card.LifeCycle);
        Assert.Equal(
            ["key-pair", "prepare", "write-permit", "write-photo", "write-chipkey", "write-signature", "read-back", "activate", "confirm", "done"],
            steps.Select(s => s.GetProperty("step").GetString()));
        Assert.All(steps, s => Assert.Equal(permit, s.GetProperty("permitNumber").GetString()));
        Assert.All(steps.SkipLast(1), s => Assert.Equal("running", s.GetProperty("status").GetString()));
        Assert.Equal("done", steps[^1].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_refusal_is_a_failed_event_with_the_reason_and_a_problem_answer()
    {
        var http = await StartAsync();
        var ct = TestContext.Current.CancellationToken;
        using var events = await EventStream.OpenAsync(http, ct);

        // The API issues no ticket for an unknown permit; the agent's own refusal is the API's answer to the ticket's permit.
        var unknown = TestIssuer.WithCheck("33021120269999999");
        var permit = await api.IssuePendingPermitAsync();
        using var response = await SendAsync(http, new { permit = unknown }, await _tickets!.MintAsync("personalize", permit));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var steps = await events.StepsUntilAsync("failed", ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("urn:permit:card-agent:ticket-wrong-permit", problem.GetProperty("type").GetString());
        var failed = steps[^1];
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal("ticket-wrong-permit", failed.GetProperty("code").GetString());
        Assert.Equal(CardLifeCycle.Blank, _card.LifeCycle);
    }

    [Fact]
    public async Task An_officer_token_or_another_api_in_the_body_is_refused_and_the_card_stays_blank()
    {
        var http = await StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var permit = await api.IssuePendingPermitAsync();

        using var withToken = await SendAsync(http, new { permit, token = api.OfficerToken() }, await _tickets!.MintAsync("personalize", permit));
        using var otherApi = await SendAsync(http, new { permit, api = "https://evil.example/" }, await _tickets.MintAsync("personalize", permit));
        var tokenProblem = await withToken.Content.ReadFromJsonAsync<JsonElement>(ct);
        var apiProblem = await otherApi.Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.Equal(HttpStatusCode.BadRequest, withToken.StatusCode);
        Assert.Contains("token", tokenProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, otherApi.StatusCode);
        Assert.Equal("urn:permit:card-agent:api-not-paired", apiProblem.GetProperty("type").GetString());
        Assert.Equal(CardLifeCycle.Blank, _card.LifeCycle);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, object body, string ticket)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/permit-card/personalize") { Content = JsonContent.Create(body) };
        request.Headers.Add(AgentGate.TicketHeader, ticket);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_agent is not null)
            await _agent.DisposeAsync();
        _tickets?.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    private async Task<HttpClient> StartAsync()
    {
        var terminals = new InProcessTerminals(permitReader: new InProcessReader(_card));
        _tickets = await TestTickets.PairWithApiAsync(api, _state);
        _agent = await InProcessAgent.StartAsync(new AgentHost(terminals, new AgentSettings { StateDirectory = _state }, TimeProvider.System));
        var address = _agent.Address;
        _http = _tickets.Client(address);
        return _http;
    }

    /// <summary>The page's <c>EventSource</c>: the <c>personalize-step</c> events of <c>GET /events</c>.</summary>
    private sealed class EventStream : IDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;

        private EventStream(HttpResponseMessage response, Stream body)
        {
            _response = response;
            _reader = new StreamReader(body);
        }

        public static async Task<EventStream> OpenAsync(HttpClient http, CancellationToken cancellationToken)
        {
            var response = await http.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            return new EventStream(response, await response.Content.ReadAsStreamAsync(cancellationToken));
        }

        public async Task<IReadOnlyList<JsonElement>> StepsUntilAsync(string last, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var steps = new List<JsonElement>();
            var type = "";
            while (await _reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    type = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && type == "personalize-step")
                {
                    var step = JsonSerializer.Deserialize<JsonElement>(line["data: ".Length..]);
                    steps.Add(step);
                    if (step.GetProperty("step").GetString() == last)
                        return steps;
                }
            }

            throw new InvalidOperationException($"The event stream ended before \"{last}\"; saw {steps.Count} steps.");
        }

        public void Dispose()
        {
            _reader.Dispose();
            _response.Dispose();
        }
    }
}
