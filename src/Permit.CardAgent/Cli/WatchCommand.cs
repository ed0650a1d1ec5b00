using System.Text.Json;
using System.Threading.Channels;
using Permit.CardAgent.Events;

namespace Permit.CardAgent.Cli;

/// <summary>
/// <c>watch</c>: card and reader events as they happen, one line each (<c>--json</c>: one JSON object per line),
/// until Ctrl+C, <c>--count N</c> events, or <c>--timeout S</c> seconds. It outlives the smart-card service:
/// when pcscd stops it reports the readers detached and keeps waiting for them to come back.
/// </summary>
public static class WatchCommand
{
    public static async Task<int> RunAsync(CommandArguments options, CommandConsole console, AgentHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(host);
        var count = options.PositiveInt("--count");
        var timeout = options.PositiveInt("--timeout");
        var onlyReader = options.Value("--reader");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } seconds)
            stop.CancelAfter(TimeSpan.FromSeconds(seconds));

        var events = Channel.CreateUnbounded<AgentEvent>(new UnboundedChannelOptions { SingleReader = true });
        using var watcher = new CardEventWatcher(host.Time, host.PcscApi, host.MonitorRecoveryDelay);
        watcher.Raised += (_, e) =>
        {
            if (onlyReader is null || e.Reader is null || e.Reader == onlyReader)
                events.Writer.TryWrite(e);
        };
        watcher.Start();
        if (!console.Json)
            await console.Error.WriteLineAsync("Watching card readers; Ctrl+C to stop.").ConfigureAwait(false);

        var seen = 0;
        try
        {
            while (count is null || seen < count)
            {
                var e = await events.Reader.ReadAsync(stop.Token).ConfigureAwait(false);
                seen++;
                var line = console.Json
                    ? JsonSerializer.Serialize(e, AgentJson.Line)
                    : $"{e.At.ToLocalTime():HH:mm:ss} {e.Describe()}";
                await console.Out.WriteLineAsync(line).ConfigureAwait(false);
                await console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C or --timeout: the normal way out.
        }

        return Failures.ExitCodes.Ok;
    }
}
