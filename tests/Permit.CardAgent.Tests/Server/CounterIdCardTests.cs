using Permit.CardAgent.Pairing;
using Permit.CardAgent.Tests.Cards;
using Permit.Domain.Credentials.Agents;
using Permit.Domain.IdCards;

namespace Permit.CardAgent.Tests.Server;

/// <summary>
/// An ID card read by a counter's agent (a terminal paired it, a terminal's <c>read-id</c> ticket): nothing of the holder
/// in clear, the ID number sealed for the API with the API's challenge; and the ticket opens nothing else.
/// </summary>
public sealed class CounterIdCardTests : IAsyncDisposable
{
    private const string Origin = "https://clinic.example.test";
    private static readonly string Challenge = Convert.ToBase64String(Enumerable.Range(1, 16).Select(i => (byte)i).ToArray());
    private readonly TestTickets _tickets = new(AgentPairing.Counter);
    private CountingCard _idCard = new(IdCardSessionTests.SampleIdCard());
    private InProcessAgent? _agent;
    private string _address = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task At_a_counter_an_id_card_read_shows_nothing_of_the_holder_and_seals_the_number_with_the_apis_challenge()
    {
        await StartAsync();

        var (status, body) = await PostAsync("/id-card/read", new { challenge = Challenge }, AgentOperations.ReadId);

        Assert.True(status == HttpStatusCode.OK, body);
        Assert.DoesNotContain("53010219200508011X", body, StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", body, StringComparison.Ordinal);
        Assert.DoesNotContain("护国路", body, StringComparison.Ordinal);
        Assert.DoesNotContain("19200508", body, StringComparison.Ordinal);
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.False(answer.TryGetProperty("photo", out _));
        Assert.Equal("resident", answer.GetProperty("card").GetProperty("cardType").GetString());
        var opened = _tickets.OpenIdCard(answer.GetProperty("sealedIdCard").GetString()!);
        Assert.Equal(("53010219200508011X", Challenge), (opened!.IdNumber, opened.Challenge));
    }

    [Fact]
    public async Task A_counter_id_card_read_without_the_apis_challenge_is_refused_before_the_card_is_touched()
    {
        await StartAsync();

        var (status, body) = await PostAsync("/id-card/read", new { }, AgentOperations.ReadId);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("challenge", body, StringComparison.Ordinal);
        Assert.Equal(0, _idCard.Commands);
    }

    [Fact]
    public async Task A_counters_read_id_ticket_cannot_be_used_to_personalize_a_card()
    {
        await StartAsync();

        var (status, body) = await PostAsync("/permit-card/personalize", new { permit = TestTickets.Permit }, AgentOperations.ReadId);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("ticket-wrong-operation", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreigners_card_at_the_counter_is_named_and_nothing_is_sealed()
    {
        _idCard = new CountingCard(new Permit.HardwareSim.IdCards.IdCard(
            IdCardTextBlock.Encode(VendorSdk.FakeVendorLibrary.Zhang, IdCardType.ForeignerPermanentResidence), []));
        await StartAsync();

        var (status, body) = await PostAsync("/id-card/read", new { challenge = Challenge }, AgentOperations.ReadId);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("id-card-not-resident", body, StringComparison.Ordinal);
        Assert.DoesNotContain("sealedIdCard", body, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_agent is not null)
            await _agent.DisposeAsync();
        _tickets.Dispose();
    }

    private async Task<(HttpStatusCode, string)> PostAsync(string path, object body, string operation)
    {
        using var http = new HttpClient { BaseAddress = new Uri(_address) };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Origin", Origin);
        request.Headers.Add(AgentGate.TicketHeader, _tickets.Mint(operation));
        using var response = await http.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task StartAsync()
    {
        var terminals = new InProcessTerminals(idReader: new InProcessReader(_idCard), permitReader: new InProcessReader(PersonalizeCommandTests.BlankCard()));
        var settings = new AgentSettings { AllowedOrigins = [Origin], StateDirectory = _tickets.StateDirectory };
        _agent = await InProcessAgent.StartAsync(new AgentHost(terminals, settings, TimeProvider.System));
        _address = _agent.Address;
    }
}
