extern alias agent;

using agent::Permit.CardAgent.Terminals;
using Permit.HardwareSim.Cards;
using Permit.HardwareSim.Transport;

namespace Permit.Web.Tests.Support;

/// <summary>An emulated card (permit-sim's) plugged into one vpcd slot of the rig until disposed.</summary>
public sealed class CardSlot : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly string _reader;

    private CardSlot(IEmulatedCard card, int port, string reader)
    {
        _reader = reader;
        Connector = new VpcdConnector(card, port) { ReconnectDelay = TimeSpan.FromMilliseconds(100) };
        _running = Connector.RunAsync(_stop.Token);
    }

    public VpcdConnector Connector { get; }

    public static async Task<CardSlot> InsertAsync(PcscRig rig, int slot, IEmulatedCard card)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var inserted = new CardSlot(card, rig.VpcdPort(slot), rig.ReaderName(slot));
        await inserted.WaitForAsync(present: true);
        return inserted;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
        await WaitForAsync(present: false);
    }

    private async Task WaitForAsync(bool present)
    {
        using var terminals = new PcscTerminals();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (terminals.ListReaders().FirstOrDefault(r => r.Name == _reader)?.CardPresent != present)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"pcscd did not see the card {(present ? "in" : "leave")} {_reader}.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
