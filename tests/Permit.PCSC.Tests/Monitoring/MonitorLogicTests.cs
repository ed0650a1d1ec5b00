using Permit.PCSC.Monitoring;
using Permit.PCSC.Tests.EndToEnd;

namespace Permit.PCSC.Tests.Monitoring;

/// <summary>The monitors' reading of PC/SC state values, with a scripted API instead of pcscd.</summary>
public sealed class MonitorLogicTests
{
    private const uint Empty = (uint)SCardReaderStates.Empty;
    private const uint Present = (uint)SCardReaderStates.Present;
    private const uint Changed = (uint)SCardReaderStates.Changed;

    [Fact]
    public void The_card_monitor_passes_the_full_event_value_with_its_counter_back_as_the_current_state()
    {
        using var thirdWait = new ManualResetEventSlim();
        var api = new FakeSCardApi()
            .ThenReport(Present | (1u << 16))
            .ThenReport(Empty | Changed | (2u << 16))
            .Then(_ =>
            {
                thirdWait.Set();
                return SCardError.Timeout;
            });
        using var monitor = new CardMonitor(api);

        monitor.Start("Reader A");
        Assert.True(thirdWait.Wait(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));
        monitor.Stop();

        lock (api.CurrentStatesSeen)
            Assert.Equal([0u, Present | (1u << 16), Empty | (2u << 16)], api.CurrentStatesSeen.Take(3));
    }

    [Fact]
    public void Present_before_and_after_with_the_counter_two_further_on_is_a_removal_and_an_insertion()
    {
        var api = new FakeSCardApi().ThenReport(Present | (1u << 16)).ThenReport(Present | Changed | (3u << 16));
        using var log = new EventLog<CardEventArgs>();
        using var monitor = new CardMonitor(api);
        monitor.CardRemoved += (_, e) => log.Add("removed", e);
        monitor.CardInserted += (_, e) => log.Add("inserted", e);

        monitor.Start("Reader A");

        Assert.False(log.Next("removed").IsCardPresent);
        Assert.True(log.Next("inserted").IsCardPresent);
    }

    [Fact]
    public void The_card_monitor_re_establishes_its_context_when_the_service_goes_away()
    {
        var api = new FakeSCardApi()
            .ThenReport(Empty)
            .ThenFail(SCardError.CommunicationError)
            .ThenReport(Present | (1u << 16));
        using var log = new EventLog<CardEventArgs>();
        using var errors = new EventLog<MonitorErrorEventArgs>();
        using var monitor = new CardMonitor(api) { RecoveryDelay = TimeSpan.FromMilliseconds(10) };
        monitor.CardInserted += (_, e) => log.Add("inserted", e);
        monitor.MonitorError += (_, e) => errors.Add("error", e);

        monitor.Start("Reader A");

        Assert.IsType<CommunicationErrorException>(errors.Next("error").Exception);
        Assert.Equal("Reader A", log.Next("inserted").ReaderName);
    }

    [Fact]
    public void The_device_monitor_accepts_a_timeout_on_its_first_pnp_query_and_diffs_the_reader_lists()
    {
        var api = new FakeSCardApi { Readers = ["Reader A"] };
        api.ThenFail(SCardError.Timeout).Then(_ =>
        {
            api.Readers = ["Reader B"];
            return SCardError.Success;
        });
        using var log = new EventLog<DeviceEventArgs>();
        using var monitor = new DeviceMonitor(api);
        monitor.Initialized += (_, e) => log.Add("initialized", e);
        monitor.StatusChanged += (_, e) => log.Add("changed", e);

        monitor.Start();
        Assert.Equal(["Reader A"], log.Next("initialized").AllReaders);
        var change = log.Next("changed");

        Assert.Equal(["Reader B"], change.Attached);
        Assert.Equal(["Reader A"], change.Detached);
    }

    [Fact]
    public void A_device_monitor_whose_wait_ends_without_an_event_lists_the_readers_and_notices_the_daemon_gone()
    {
        // The daemon restarts while the monitor waits, and the wait reports nothing (a full test run once saw a pcscd
        // restart go unreported): when the wait's slice ends, listing the readers fails, the readers are reported gone,
        // then back.
        var api = new FakeSCardApi { Readers = ["Reader A"] };
        api.ThenFail(SCardError.Timeout).Then(_ =>
        {
            api.ListFailure = SCardError.NoService;
            return SCardError.Timeout;
        });
        using var log = new EventLog<DeviceEventArgs>();
        using var monitor = new DeviceMonitor(api) { RecoveryDelay = TimeSpan.FromMilliseconds(10) };
        monitor.Initialized += (_, e) => log.Add("initialized", e);
        monitor.StatusChanged += (_, e) => log.Add("changed", e);
        monitor.MonitorError += (_, _) => api.ListFailure = null;

        monitor.Start();
        Assert.Equal(["Reader A"], log.Next("initialized").AllReaders);

        Assert.Equal(["Reader A"], log.Next("changed").Detached);
        Assert.Equal(["Reader A"], log.Next("changed").Attached);
    }

    [Fact]
    public void Stopping_a_monitor_cancels_its_wait_and_ends_its_thread()
    {
        var api = new FakeSCardApi().ThenReport(Empty);
        using var monitor = new CardMonitor(api);
        monitor.Start("Reader A");

        monitor.Stop();

        Assert.False(monitor.IsMonitoring);
    }
}
