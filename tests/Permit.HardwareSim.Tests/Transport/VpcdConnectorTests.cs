using Permit.HardwareSim.Cards;
using Permit.HardwareSim.Transport;
using static Permit.HardwareSim.Tests.Support.PermitApdus;

namespace Permit.HardwareSim.Tests.Transport;

/// <summary>The vpcd protocol (docs/vpcd.md) against a fake vpcd played by the test.</summary>
public sealed class VpcdConnectorTests : IAsyncDisposable
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly CancellationTokenSource _stop = new();
    private readonly FakeVpcd _vpcd = new();
    private readonly VpcdConnector _connector;
    private readonly Task _running;

    public VpcdConnectorTests()
    {
        _connector = new VpcdConnector(TestCards.NewBlankCard(), _vpcd.Port) { ReconnectDelay = TimeSpan.FromMilliseconds(50) };
        _running = _connector.RunAsync(_stop.Token);
    }

    [Fact]
    public async Task An_ATR_request_is_answered_with_the_cards_ATR()
    {
        using var link = await _vpcd.AcceptAsync(_ct);
        Assert.Equal(CardAtr.ExtendedLength.ToArray(), await link.GetAtrAsync(_ct));
    }

    [Fact]
    public async Task An_APDU_frame_is_answered_with_data_and_status_word()
    {
        using var link = await _vpcd.AcceptAsync(_ct);
        await link.PowerOnAsync(_ct);
        Assert.Equal("90 00", await link.TransmitAsync(SelectApplication, _ct));
        Assert.Equal("01 02 03 04 05 06 07 08 90 00", await link.TransmitAsync(GetSerial, _ct));
    }

    [Fact]
    public async Task A_frame_arriving_in_pieces_is_read_whole()
    {
        using var link = await _vpcd.AcceptAsync(_ct);
        Assert.Equal("90 00", await link.TransmitInPiecesAsync(SelectApplication, _ct));
    }

    [Fact]
    public async Task The_card_counts_as_inserted_once_pcscd_has_powered_it_on_and_read_its_ATR()
    {
        var inserted = new TaskCompletionSource();
        _connector.Inserted += (_, _) => inserted.TrySetResult();
        using var link = await _vpcd.AcceptAsync(_ct);
        await link.GetAtrAsync(_ct);
        await link.GetAtrAsync(_ct);
        await link.PowerOnAsync(_ct);
        Assert.False(_connector.IsInserted);

        await link.GetAtrAsync(_ct);

        await inserted.Task.WaitAsync(TimeSpan.FromSeconds(10), _ct);
        Assert.True(_connector.IsInserted);
    }

    [Fact]
    public async Task A_card_polled_three_times_without_power_on_counts_as_inserted()
    {
        using var link = await _vpcd.AcceptAsync(_ct);
        await link.GetAtrAsync(_ct);
        await link.GetAtrAsync(_ct);
        Assert.False(_connector.IsInserted);

        await link.GetAtrAsync(_ct);

        Assert.True(_connector.IsInserted);
    }

    [Theory]
    [InlineData(0x01)]
    [InlineData(0x02)]
    [InlineData(0x00)]
    public async Task Power_on_reset_and_power_off_forget_the_selected_application(byte control)
    {
        using var link = await _vpcd.AcceptAsync(_ct);
        await link.TransmitAsync(SelectApplication, _ct);

        await (control switch
        {
            0x01 => link.PowerOnAsync(_ct),
            0x02 => link.ResetAsync(_ct),
            _ => link.PowerOffAsync(_ct),
        });

        Assert.Equal("69 85", await link.TransmitAsync(VerifyRightCode, _ct));
    }

    [Fact]
    public async Task Removing_the_card_closes_the_socket_and_inserting_it_connects_again()
    {
        using var first = await _vpcd.AcceptAsync(_ct);
        await first.TransmitAsync(SelectApplication, _ct);

        _connector.Remove();
        Assert.True(await first.IsClosedAsync(_ct));
        Assert.False(_connector.IsInserted);

        _connector.Insert();
        using var second = await _vpcd.AcceptAsync(_ct);
        Assert.Equal("01 02 03 04 05 06 07 08 90 00", await second.TransmitAsync(GetSerial, _ct));
    }

    [Fact]
    public async Task When_vpcd_goes_away_the_connector_connects_again()
    {
        var first = await _vpcd.AcceptAsync(_ct);
        await first.TransmitAsync(SelectApplication, _ct);
        first.Dispose();

        using var second = await _vpcd.AcceptAsync(_ct);
        Assert.Equal("69 85", await second.TransmitAsync(VerifyRightCode, _ct));
    }

    [Fact]
    public async Task A_connector_started_before_vpcd_listens_connects_once_it_does()
    {
        var port = FakeVpcd.FreePort();
        using var stop = new CancellationTokenSource();
        var connector = new VpcdConnector(TestCards.NewBlankCard(), port) { ReconnectDelay = TimeSpan.FromMilliseconds(50) };
        var running = connector.RunAsync(stop.Token);
        await Task.Delay(200, _ct);

        using (var late = new FakeVpcd(port))
        {
            using var link = await late.AcceptAsync(_ct);
            Assert.Equal("90 00", await link.TransmitAsync(SelectApplication, _ct));
        }

        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_card_file_that_can_no_longer_be_saved_answers_6581_and_keeps_the_card_in_the_reader()
    {
        using var folder = new TempFolder();
        var cardFile = Path.Combine(folder.Path, "gone", "card.json");
        Directory.CreateDirectory(Path.GetDirectoryName(cardFile)!);
        var card = TestCards.NewBlankCard(cardFile);
        Directory.Delete(Path.GetDirectoryName(cardFile)!, recursive: true);
        using var stop = new CancellationTokenSource();
        using var vpcd = new FakeVpcd();
        var connector = new VpcdConnector(card, vpcd.Port);
        var running = connector.RunAsync(stop.Token);

        using (var link = await vpcd.AcceptAsync(_ct))
        {
            await link.TransmitAsync(SelectApplication, _ct);
            Assert.Equal("65 81", await link.TransmitAsync(VerifyWrongCode, _ct));
            Assert.Equal("01 02 03 04 05 06 07 08 90 00", await link.TransmitAsync(GetSerial, _ct));
        }

        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_drop_fault_hangs_up_instead_of_answering_and_the_card_stays_out()
    {
        using var link = await _vpcd.AcceptAsync(_ct);
        _connector.Faults.DropConnectionAt(2);
        Assert.Equal("90 00", await link.TransmitAsync(SelectApplication, _ct));

        Assert.True(await link.IsClosedAfterAsync(GetSerial, _ct));
        Assert.False(_connector.IsInserted);

        _connector.Insert();
        using var again = await _vpcd.AcceptAsync(_ct);
        Assert.Equal("90 00", await again.TransmitAsync(SelectApplication, _ct));
    }

    [Fact]
    public async Task A_forced_status_word_travels_over_vpcd()
    {
        using var link = await _vpcd.AcceptAsync(_ct);
        _connector.Faults.AnswerNext(0x6A82);
        Assert.Equal("6A 82", await link.TransmitAsync(SelectApplication, _ct));
    }

    [Fact]
    public async Task Stopping_the_connector_closes_the_socket()
    {
        using var link = await AcceptOwnConnectorAsync();
        await _stop.CancelAsync();
        await _running;
        Assert.True(await link.IsClosedAsync(_ct));
    }

    /// <summary>
    /// Accepts connections until one comes from this test's connector (its card answers GET DATA with the test
    /// serial). While the whole suite runs, emulators of other tests reconnect to ports their own vpcd released, and
    /// the ephemeral port this fake vpcd listens on can be one of them.
    /// </summary>
    private async Task<VpcdLink> AcceptOwnConnectorAsync()
    {
        while (true)
        {
            var link = await _vpcd.AcceptAsync(_ct);
            if (await link.TransmitAsync(GetSerial, _ct) == "01 02 03 04 05 06 07 08 90 00")
                return link;
            link.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
        _vpcd.Dispose();
    }
}
