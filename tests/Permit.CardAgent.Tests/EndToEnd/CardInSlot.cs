using Permit.CardAgent.Terminals;
using Permit.HardwareSim.Cards;

namespace Permit.CardAgent.Tests.EndToEnd;

/// <summary>An emulated card plugged into one vpcd slot of the rig (the same connector permit-sim runs), until disposed.</summary>
internal sealed class CardInSlot : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly string _readerName;

    private CardInSlot(IEmulatedCard card, int port, string readerName)
    {
        Card = card;
        _readerName = readerName;
        Connector = new VpcdConnector(card, port) { ReconnectDelay = TimeSpan.FromMilliseconds(100) };
        _running = Connector.RunAsync(_stop.Token);
    }

    public IEmulatedCard Card { get; }

    public VpcdConnector Connector { get; }

    public static async Task<CardInSlot> InsertAsync(IEmulatedCard card, int port, string readerName)
    {
        var slot = new CardInSlot(card, port, readerName);
        await slot.WaitUntilPresentAsync();
        return slot;
    }

    /// <summary>Puts the card back after a fault pulled it out, and waits until pcscd sees it.</summary>
    public async Task ReinsertAsync()
    {
        Connector.Insert();
        await WaitUntilPresentAsync();
    }

    public async Task WaitUntilPresentAsync() => await WaitForAsync(present: true);

    public async Task WaitUntilAbsentAsync() => await WaitForAsync(present: false);

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
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var reader = terminals.ListReaders().FirstOrDefault(r => r.Name == _readerName);
            if (reader is not null && reader.CardPresent == present)
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"pcscd did not see the card {(present ? "inserted into" : "removed from")} {_readerName} (connector inserted: {Connector.IsInserted}).");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
