namespace Permit.PCSC.Tests.EndToEnd;

/// <summary>Waits, through a context of its own, until pcscd has noticed a card going in or out.</summary>
internal static class Readers
{
    private const uint WaitMilliseconds = 20_000;

    /// <summary>Blocks until <paramref name="readerName"/> reports a card (or no card); returns the full state value.</summary>
    public static uint WaitForCard(string readerName, bool present)
    {
        using var context = SCardContext.Establish();
        var state = new SCardReaderState(readerName);
        context.GetStatusChange(0, [state]);
        var deadline = Environment.TickCount64 + WaitMilliseconds;
        while (state.EventState.HasFlag(SCardReaderStates.Present) != present
            || state.EventState.HasFlag(SCardReaderStates.Mute))
        {
            var left = deadline - Environment.TickCount64;
            Assert.True(left > 0, $"{readerName} did not report {(present ? "a card" : "no card")} in time (state {state.EventState}).");
            state.Acknowledge();
            context.GetStatusChange((uint)left, [state]);
        }

        return state.EventStateValue;
    }
}

/// <summary>Puts scripted cards into the rig's slots the way a person would: only into an empty slot, and waits till pcscd sees it.</summary>
internal static class Slots
{
    /// <summary>
    /// Waits until pcscd has noticed the previous card left <paramref name="slot"/> (it polls every 0.4 s), inserts a
    /// card and waits until pcscd reports it present.
    /// </summary>
    public static async Task<VpcdCard> InsertCardAsync(this PcscRig rig, int slot, Func<byte[], byte[]>? answer = null)
    {
        Readers.WaitForCard(rig.ReaderName(slot), present: false);
        var card = await VpcdCard.InsertAsync(rig.VpcdPort(slot), answer ?? (_ => [0x90, 0x00]), cancellationToken: TestContext.Current.CancellationToken);
        Readers.WaitForCard(rig.ReaderName(slot), present: true);
        return card;
    }
}
