using System.Net;
using Permit.HardwareSim.Control;
using Permit.HardwareSim.Transport;
using Permit.Iso7816;
using static Permit.HardwareSim.Tests.Support.PermitApdus;

namespace Permit.HardwareSim.Tests.Control;

/// <summary>The loopback control port, driven through <see cref="SimulatorControlClient"/> over an in-process reader.</summary>
public sealed class ControlServerTests : IAsyncDisposable
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly CancellationTokenSource _stop = new();
    private readonly PermitCard _card = TestCards.NewBlankCard();
    private readonly InProcessReader _reader;
    private readonly ControlServer _server;
    private readonly Task _serving;
    private readonly SimulatorControlClient _client;

    public ControlServerTests()
    {
        _reader = new InProcessReader(_card);
        _server = new ControlServer(FakeVpcd.FreePort(), _reader, _card);
        _server.Start();
        _serving = _server.RunAsync(_stop.Token);
        _client = new SimulatorControlClient(_server.Port);
    }

    [Fact]
    public async Task Status_reports_the_card_in_the_reader_and_its_life_cycle_but_not_its_serial()
    {
        var status = await _client.GetStatusAsync(_ct);

        Assert.Equal(new SimulatorStatus(true, 0, 0, "BLANK", 3), status);
    }

    [Fact]
    public async Task Remove_and_insert_pull_the_card_out_and_put_it_back()
    {
        var channel = _reader.Connect();

        Assert.False((await _client.RemoveAsync(_ct)).Inserted);
        Assert.Throws<CardRemovedException>(() => channel.Transmit(Hex.Parse(GetSerial)));

        Assert.True((await _client.InsertAsync(_ct)).Inserted);
        Assert.Equal("90 00", Hex.Format(_reader.Connect().Transmit(Hex.Parse(SelectApplication))));
    }

    [Fact]
    public async Task A_status_word_set_over_the_control_port_answers_the_next_commands()
    {
        await _client.AnswerNextAsync(0x6A82, count: 2, _ct);
        var channel = _reader.Connect();

        Assert.Equal("6A 82", Hex.Format(channel.Transmit(Hex.Parse(SelectApplication))));
        Assert.Equal("6A 82", Hex.Format(channel.Transmit(Hex.Parse(SelectApplication))));
        Assert.Equal("90 00", Hex.Format(channel.Transmit(Hex.Parse(SelectApplication))));
        Assert.Equal(3, (await _client.GetStatusAsync(_ct)).ApdusAnswered);
    }

    [Fact]
    public async Task A_drop_set_over_the_control_port_pulls_the_card_at_that_APDU()
    {
        await _client.DropConnectionAtAsync(1, _ct);
        Assert.Throws<CardRemovedException>(() => _reader.Connect().Transmit(Hex.Parse(SelectApplication)));
        Assert.False((await _client.GetStatusAsync(_ct)).Inserted);
    }

    [Fact]
    public async Task Delay_and_clear_are_reported_in_the_status()
    {
        Assert.Equal(150, (await _client.SetAnswerDelayAsync(TimeSpan.FromMilliseconds(150), _ct)).AnswerDelayMs);
        Assert.Equal(0, (await _client.ClearFaultsAsync(_ct)).AnswerDelayMs);
    }

    [Fact]
    public async Task The_life_cycle_in_the_status_follows_the_card()
    {
        var channel = _reader.Connect();
        channel.Transmit(Hex.Parse(SelectApplication));
        channel.Transmit(Hex.Parse(VerifyRightCode));
        Assert.Equal("PERSONALIZING", (await _client.GetStatusAsync(_ct)).LifeCycle);
    }

    [Theory]
    [InlineData("delay?ms=-1")]
    [InlineData("delay?ms=abc")]
    [InlineData("drop?at=0")]
    [InlineData("answer?sw=XYZ")]
    [InlineData("answer?sw=6A82&count=0")]
    public async Task A_bad_parameter_answers_400(string pathAndQuery)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{_server.Port}/{pathAndQuery}"), null, _ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_route_answers_404()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{_server.Port}/serial"), _ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _serving;
        _client.Dispose();
        _server.Dispose();
        _stop.Dispose();
    }
}
