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
using Permit.CardAgent.Tests.Personalization;
using Permit.CardAgent.Tests.Support;
using Permit.HardwareSim.PermitCards;
using Permit.HardwareSim.Transport;

namespace Permit.CardAgent.Tests.Issuing;

/// <summary>
/// The officer page's "write card": <c>POST /permit-card/personalize {api, permit, token}</c> on the loopback service,
/// with each step reported on <c>GET /events</c> as a <c>personalize-step</c> event (what the officer page listens for).
/// </summary>
public sealed class ServeApiPersonalizationTests(PermitApiServer api) : IClassFixture<PermitApiServer>, IAsyncDisposable
{
    private readonly PermitCard _card = PersonalizeCommandTests.BlankCard();
    private WebApplication? _app;
    private HttpClient? _http;

    [Fact]
    public async Task The_page_gets_every_step_as_an_event_and_the_issued_card_as_the_answer()
    {
        var http = await StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var permit = await api.IssuePendingPermitAsync();
        var token = api.OfficerToken();
        using var events = await EventStream.OpenAsync(http, ct);

        using var response = await http.PostAsJsonAsync("/permit-card/personalize", new { api = api.Url, permit, token }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var steps = await events.StepsUntilAsync("done", ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var result = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal("issued", result.GetProperty("status").GetString());
        Assert.Equal(permit, result.GetProperty("permitNumber").GetString());
        Assert.Equal("Active", result.GetProperty("permitStatus").GetString());
        Assert.DoesNotContain(token, body, StringComparison.Ordinal);
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

        using var response = await http.PostAsJsonAsync("/permit-card/personalize",
            new { api = api.Url, permit = TestIssuer.WithCheck("33021120269999999"), token = api.OfficerToken() }, ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var steps = await events.StepsUntilAsync("failed", ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("urn:permit:card-agent:permit-not-found", problem.GetProperty("type").GetString());
        var failed = steps[^1];
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal("permit-not-found", failed.GetProperty("code").GetString());
        Assert.Contains("no such permit", failed.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(CardLifeCycle.Blank, _card.LifeCycle);
    }

    [Fact]
    public async Task A_missing_token_is_a_usage_problem_and_local_permit_data_still_works_as_before()
    {
        var http = await StartAsync();
        var ct = TestContext.Current.CancellationToken;

        using var noToken = await http.PostAsJsonAsync("/permit-card/personalize", new { api = api.Url, permit = "330211202600000019" }, ct);
        var problem = await noToken.Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal("urn:permit:card-agent:usage", problem.GetProperty("type").GetString());
        Assert.Contains("token", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
    }

    private async Task<HttpClient> StartAsync()
    {
        var terminals = new InProcessTerminals(permitReader: new InProcessReader(_card));
        _app = AgentServer.Build(new AgentHost(terminals, new AgentSettings(), TimeProvider.System), port: 0);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _http = new HttpClient { BaseAddress = new Uri(address) };
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
