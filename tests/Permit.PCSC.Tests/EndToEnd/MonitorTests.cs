using Permit.PCSC.Monitoring;

namespace Permit.PCSC.Tests.EndToEnd;

/// <summary>Card and reader monitoring against a real pcscd.</summary>
[Collection(PrivatePcscd.Name)]
public sealed class MonitorTests(PcscRigFixture fixture)
{
    [Fact]
    public async Task The_card_monitor_reports_a_card_put_in_and_taken_out()
    {
        var rig = fixture.Rig;
        var reader = rig.ReaderName(0);
        Readers.WaitForCard(reader, present: false);
        using var log = new EventLog<CardEventArgs>();
        using var monitor = new CardMonitor();
        monitor.Initialized += (_, e) => log.Add("initialized", e);
        monitor.CardInserted += (_, e) => log.Add("inserted", e);
        monitor.CardRemoved += (_, e) => log.Add("removed", e);
        monitor.Start(reader);
        Assert.False(log.Next("initialized").IsCardPresent);

        var card = await rig.InsertCardAsync(0);
        var inserted = log.Next("inserted");
        await card.RemoveAsync();
        var removed = log.Next("removed");

        Assert.Equal(reader, inserted.ReaderName);
        Assert.Equal(VpcdCard.DefaultAtr, inserted.Atr);
        Assert.Equal(reader, removed.ReaderName);
        Assert.False(removed.IsCardPresent);
    }

    [Fact]
    public async Task A_card_swapped_while_the_monitor_was_not_waiting_is_reported_removed_and_inserted()
    {
        var rig = fixture.Rig;
        var reader = rig.ReaderName(1);
        var first = await rig.InsertCardAsync(1);

        using var log = new EventLog<CardEventArgs>();
        using var holdMonitor = new ManualResetEventSlim();
        using var monitor = new CardMonitor();
        // Holding the monitor thread inside its Initialized handler keeps it out of SCardGetStatusChange meanwhile.
        monitor.Initialized += (_, e) =>
        {
            log.Add("initialized", e);
            holdMonitor.Wait(TestContext.Current.CancellationToken);
        };
        monitor.CardInserted += (_, e) => log.Add("inserted", e);
        monitor.CardRemoved += (_, e) => log.Add("removed", e);
        monitor.Start(reader);
        Assert.True(log.Next("initialized").IsCardPresent);

        await first.RemoveAsync();
        Readers.WaitForCard(reader, present: false);
        await using var second = await rig.InsertCardAsync(1);
        holdMonitor.Set();

        Assert.Equal(reader, log.Next("removed").ReaderName);
        Assert.Equal(reader, log.Next("inserted").ReaderName);
    }

    [Fact]
    public async Task The_device_monitor_sees_the_readers_go_when_pcscd_stops_and_come_back_when_it_restarts()
    {
        var rig = fixture.Rig;
        using var log = new EventLog<DeviceEventArgs>();
        using var monitor = new DeviceMonitor { RecoveryDelay = TimeSpan.FromMilliseconds(200) };
        monitor.Initialized += (_, e) => log.Add("initialized", e);
        monitor.StatusChanged += (_, e) => log.Add("changed", e);
        monitor.Start();
        Assert.Equal(rig.ReaderNames, log.Next("initialized").AllReaders.Order());

        await rig.StopDaemonAsync(TestContext.Current.CancellationToken);
        var gone = log.Next("changed", e => e.Detached.Count > 0);
        await rig.StartDaemonAsync(TestContext.Current.CancellationToken);
        var back = log.Next("changed", e => e.Attached.Count > 0);

        Assert.Equal(rig.ReaderNames, gone.Detached.Order());
        Assert.Empty(gone.AllReaders);
        Assert.Equal(rig.ReaderNames, back.Attached.Order());
    }

    [Fact]
    public async Task The_card_monitor_keeps_working_after_pcscd_restarts()
    {
        var rig = fixture.Rig;
        var reader = rig.ReaderName(0);
        using var log = new EventLog<CardEventArgs>();
        using var errors = new EventLog<MonitorErrorEventArgs>();
        using var monitor = new CardMonitor { RecoveryDelay = TimeSpan.FromMilliseconds(200) };
        monitor.Initialized += (_, e) => log.Add("initialized", e);
        monitor.CardInserted += (_, e) => log.Add("inserted", e);
        monitor.MonitorError += (_, e) => errors.Add("error", e);
        monitor.Start(reader);
        log.Next("initialized");

        await rig.RestartAsync(TestContext.Current.CancellationToken);
        Assert.True(errors.Next("error").WillRetry);
        await using var card = await rig.InsertCardAsync(0);

        Assert.Equal(reader, log.Next("inserted").ReaderName);
    }
}
