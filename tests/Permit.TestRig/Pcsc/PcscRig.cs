using System.Diagnostics;
using System.Globalization;

namespace Permit.TestRig;

/// <summary>
/// A private pcscd with vpcd (virtual smart-card) readers, so tests never touch the machine's own pcscd or readers.
/// </summary>
/// <remarks>
/// <para>
/// pcscd 1.9.9 always creates its socket as <c>/run/pcscd/pcscd.comm</c>, while clients honour
/// <c>PCSCLITE_CSOCK_NAME</c>. So the daemon runs in its own mount namespace (<c>unshare -m</c>) with a private
/// directory bind-mounted over <c>/run/pcscd</c>, and clients are pointed at <see cref="SocketPath"/>.
/// </para>
/// <para>
/// libpcsclite reads <c>PCSCLITE_CSOCK_NAME</c> once per process and caches it, so a test process uses one rig for
/// its whole life (an xunit.v3 assembly fixture, see <see cref="PcscRigFixture"/>), and the rig is started before the
/// process's first PC/SC call. Restarts reuse the same directory and ports, so that cached name stays right.
/// </para>
/// <para>
/// A card is "inserted" in slot n by connecting a vpcd client (an emulator) to <c>127.0.0.1:</c><see cref="VpcdPort"/>
/// and "removed" by closing that connection. Readers cannot be plugged or unplugged: stopping and starting the daemon
/// is the only way to make them disappear and come back.
/// </para>
/// <para>
/// The daemon dies with the test process however that ends: a small shell wrapper holds pcscd and waits for end of
/// file on its standard input, which only this process writes to; when the pipe closes it stops pcscd.
/// </para>
/// </remarks>
public sealed class PcscRig : IAsyncDisposable
{
    /// <summary>The variable libpcsclite clients read to find the daemon's socket.</summary>
    public const string SocketVariable = "PCSCLITE_CSOCK_NAME";

    /// <summary>vpcd's reader name prefix (its reader.conf <c>FRIENDLYNAME</c>).</summary>
    public const string FriendlyName = "Virtual PCD";

    private const int SlotsPerReaderEntry = 2;

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private static readonly Lock ProcessGate = new();
    private static string? s_processSocket;

    private readonly int[] _entryPorts;
    private readonly bool _debugLog;
    private readonly SemaphoreSlim _daemonGate = new(1, 1);
    private Process? _daemon;
    private bool _disposed;

    private PcscRig(string directory, int slots, int[] entryPorts, bool debugLog)
    {
        Directory = directory;
        Slots = slots;
        _entryPorts = entryPorts;
        _debugLog = debugLog;
        Environment = new Dictionary<string, string> { [SocketVariable] = SocketPath };
    }

    /// <summary>The rig's private directory: <c>conf/</c> (reader.conf.d), <c>run/</c> (socket), <c>pcscd.log</c>.</summary>
    public string Directory { get; }

    /// <summary>How many card slots (vpcd ports) the tests asked for.</summary>
    public int Slots { get; }

    /// <summary>The daemon's client socket; the value of <c>PCSCLITE_CSOCK_NAME</c>.</summary>
    public string SocketPath => Path.Combine(RunDirectory, "pcscd.comm");

    /// <summary>pcscd's standard output and error (with debug and APDU logging when <c>PERMIT_PCSCD_DEBUG=1</c>).</summary>
    public string LogPath => Path.Combine(Directory, "pcscd.log");

    /// <summary>Variables to give child processes (pcsc_scan, permit-agent, ...) so they talk to this rig.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The reader names of all slots, in slot order.</summary>
    public IReadOnlyList<string> ReaderNames => Enumerable.Range(0, Slots).Select(ReaderName).ToArray();

    /// <summary>Whether the daemon process is running (it may still be starting up).</summary>
    public bool IsDaemonRunning => _daemon is { HasExited: false };

    private string RunDirectory => Path.Combine(Directory, "run");

    private string ConfDirectory => Path.Combine(Directory, "conf");

    /// <summary>
    /// Starts a private pcscd with <paramref name="slots"/> vpcd slots and returns once every slot's reader is listed.
    /// Points this process's libpcsclite at it (call before any other PC/SC call in the process).
    /// </summary>
    /// <exception cref="InvalidOperationException">The daemon did not come up; the message carries its log.</exception>
    public static async Task<PcscRig> StartAsync(int slots = 2, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(slots, 16);

        var directory = Path.Combine(Path.GetTempPath(), $"permit-pcsc-{System.Environment.ProcessId}-{Guid.NewGuid():N}"[..30]);
        var entries = (slots + SlotsPerReaderEntry - 1) / SlotsPerReaderEntry;
        var ports = Enumerable.Range(0, entries).Select(_ => FreePorts.FindConsecutive(SlotsPerReaderEntry)).ToArray();
        var debug = System.Environment.GetEnvironmentVariable("PERMIT_PCSCD_DEBUG") == "1";

        RemoveLeftoversOfDeadProcesses();
        var rig = new PcscRig(directory, slots, ports, debug);
        try
        {
            rig.WriteConfiguration();
            rig.PointThisProcessAtRig();
            await rig.StartDaemonAsync(cancellationToken).ConfigureAwait(false);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The TCP port an emulator connects to (on 127.0.0.1) to insert a card into <paramref name="slot"/>.</summary>
    public int VpcdPort(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, Slots);
        return _entryPorts[slot / SlotsPerReaderEntry] + (slot % SlotsPerReaderEntry);
    }

    /// <summary>The PC/SC reader name of <paramref name="slot"/>: "Virtual PCD 00 00", "Virtual PCD 00 01", "Virtual PCD 01 00", ...</summary>
    public string ReaderName(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, Slots);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{FriendlyName} {slot / SlotsPerReaderEntry:X2} {slot % SlotsPerReaderEntry:X2}");
    }

    /// <summary>Starts the daemon (if it is not running) and waits until every slot's reader is listed.</summary>
    public async Task StartDaemonAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _daemonGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!IsDaemonRunning)
                _daemon = LaunchDaemon();
            await WaitForReadersAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _daemonGate.Release();
        }
    }

    /// <summary>
    /// Stops the daemon and waits until it has exited: clients then get SCARD_E_NO_SERVICE (new calls) or
    /// SCARD_F_COMM_ERROR (calls in progress), and connected emulators see their connection closed.
    /// </summary>
    public async Task StopDaemonAsync(CancellationToken cancellationToken = default)
    {
        await _daemonGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StopDaemonCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _daemonGate.Release();
        }
    }

    /// <summary>Stops and starts the daemon, as a "pcscd restarted" event; returns once the readers are back.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopDaemonAsync(cancellationToken).ConfigureAwait(false);
        await StartDaemonAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until pcscd lists every slot's reader.</summary>
    public async Task WaitForReadersAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadyTimeout);
        var expected = ReaderNames;
        IReadOnlyList<string> listed = [];
        while (true)
        {
            if (File.Exists(SocketPath))
            {
                listed = ReaderProbe.ListReaders();
                if (expected.All(listed.Contains))
                    return;
            }

            if (_daemon is null || _daemon.HasExited)
                throw new InvalidOperationException($"pcscd exited while starting.{System.Environment.NewLine}{ReadLog()}");

            try
            {
                await Task.Delay(100, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new InvalidOperationException(
                    $"pcscd did not list [{string.Join(", ", expected)}] within {ReadyTimeout.TotalSeconds} s " +
                    $"(listed: [{string.Join(", ", listed)}]).{System.Environment.NewLine}{ReadLog()}");
            }
        }
    }

    /// <summary>The daemon's log so far (empty if none), for failure messages.</summary>
    public string ReadLog()
    {
        try
        {
            return File.Exists(LogPath) ? File.ReadAllText(LogPath) : "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Kills the daemon and removes the rig's directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;

        await _daemonGate.WaitAsync().ConfigureAwait(false);
        try
        {
            await StopDaemonCoreAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _daemonGate.Release();
        }

        _daemonGate.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover directory in /tmp is harmless; the daemon itself is gone.
        }
    }

    /// <summary>
    /// Deletes rig directories whose test process died (SIGKILL, crash): their pcscd already stopped with the
    /// closed pipe, only the files remain. The directory name carries the owning process id.
    /// </summary>
    private static void RemoveLeftoversOfDeadProcesses()
    {
        foreach (var leftover in System.IO.Directory.EnumerateDirectories(Path.GetTempPath(), "permit-pcsc-*"))
        {
            var parts = Path.GetFileName(leftover).Split('-');
            if (parts.Length < 4 || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var owner) || ProcessIsAlive(owner))
                continue;
            try
            {
                System.IO.Directory.Delete(leftover, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another rig may be cleaning up the same leftover; it is only disk clutter.
            }
        }
    }

    private static bool ProcessIsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private void WriteConfiguration()
    {
        System.IO.Directory.CreateDirectory(RunDirectory);
        System.IO.Directory.CreateDirectory(ConfDirectory);
        for (var entry = 0; entry < _entryPorts.Length; entry++)
        {
            // The same syntax as Debian's /etc/reader.conf.d/vpcd: "/dev/null:<port>" makes vpcd listen on port and port + 1.
            var port = _entryPorts[entry].ToString("X4", CultureInfo.InvariantCulture);
            File.WriteAllText(
                Path.Combine(ConfDirectory, $"vpcd-{entry}"),
                $"""
                FRIENDLYNAME "{FriendlyName}"
                DEVICENAME   /dev/null:0x{port}
                LIBPATH      {Requirements.VpcdDriverPath}
                CHANNELID    0x{port}

                """);
        }
    }

    private void PointThisProcessAtRig()
    {
        lock (ProcessGate)
        {
            if (s_processSocket is not null && s_processSocket != SocketPath)
            {
                throw new InvalidOperationException(
                    "libpcsclite caches the daemon socket per process: start one PcscRig per test process " +
                    "(an assembly fixture) and keep it for the whole run.");
            }

            NativeEnvironment.Set(SocketVariable, SocketPath);
            s_processSocket = SocketPath;
        }
    }

    private Process LaunchDaemon()
    {
        // Removing stale files first lets a restart after a crash start cleanly.
        File.Delete(SocketPath);
        File.Delete(Path.Combine(RunDirectory, "pcscd.pid"));

        const string Script = """
            exec >>"$3" 2>&1
            mkdir -p /run/pcscd && mount --bind "$1" /run/pcscd || exit 1
            pcscd --foreground $4 --config "$2" </dev/null &
            daemon=$!
            cat >/dev/null
            kill -TERM "$daemon" 2>/dev/null
            wait "$daemon"
            """;

        var start = new ProcessStartInfo("unshare")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
        };
        foreach (var argument in new[] { "--mount", "sh", "-c", Script, "permit-pcsc-rig", RunDirectory, ConfDirectory, LogPath })
            start.ArgumentList.Add(argument);
        start.ArgumentList.Add(_debugLog ? "--debug --apdu" : "--error");

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start unshare.");
    }

    private async Task StopDaemonCoreAsync(CancellationToken cancellationToken)
    {
        if (_daemon is null)
            return;

        var daemon = _daemon;
        _daemon = null;
        try
        {
            if (!daemon.HasExited)
            {
                // End of file on the wrapper's stdin makes it stop pcscd with SIGTERM and wait for it.
                daemon.StandardInput.Close();
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(StopTimeout);
                try
                {
                    await daemon.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    daemon.Kill(entireProcessTree: true);
                    await daemon.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            daemon.Dispose();
        }

        // pcscd removes its socket on a clean exit; after a kill the stale file would mislead WaitForReadersAsync.
        File.Delete(SocketPath);
    }
}
