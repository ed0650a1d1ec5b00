using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Permit.HardwareSim.Control;

namespace Permit.HardwareSim.Testing;

/// <summary>
/// permit-sim as a child process, for tests of other components (the card agent) that need a card in a real
/// PC/SC reader: start it against a vpcd port, wait until the card is inserted, drive it through
/// <see cref="Control"/>, stop it with SIGTERM. Reference the hardware-sim project to use it; permit-sim.dll is
/// copied next to the test assembly and run with the same dotnet host.
/// </summary>
public sealed class PermitSimProcess : IAsyncDisposable
{
    private const string InsertedMarker = "card inserted";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<string> _output = [];
    private readonly List<TaskCompletionSource> _insertionWaiters = [];
    private int _insertions;

    private PermitSimProcess(Process process, int controlPort)
    {
        _process = process;
        ControlPort = controlPort;
        Control = new SimulatorControlClient(controlPort);
    }

    /// <summary>The loopback control port this instance was given.</summary>
    public int ControlPort { get; }

    /// <summary>Remove/insert the card, delay answers, inject faults.</summary>
    public SimulatorControlClient Control { get; }

    /// <summary>How many times the card has been inserted (powered on by vpcd) so far.</summary>
    public int Insertions
    {
        get { lock (_gate) { return _insertions; } }
    }

    /// <summary>What permit-sim printed so far (standard output and error), for failure messages.</summary>
    public string Output
    {
        get { lock (_gate) { return string.Join(Environment.NewLine, _output); } }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>permit-sim permit</c> with the card in <paramref name="cardFile"/> (created blank if missing) and waits until it is inserted.</summary>
    public static Task<PermitSimProcess> StartPermitCardAsync(
        int vpcdPort, string cardFile, string? transportCodeHex = null, string? serialHex = null, CancellationToken cancellationToken = default)
    {
        var arguments = new List<string> { "permit", "--port", vpcdPort.ToString(CultureInfo.InvariantCulture), "--card", cardFile };
        if (transportCodeHex is not null)
        {
            arguments.AddRange(["--transport-code", transportCodeHex]);
        }

        if (serialHex is not null)
        {
            arguments.AddRange(["--serial", serialHex]);
        }

        return StartAsync(arguments, waitForInsertion: true, cancellationToken);
    }

    /// <summary>Starts <c>permit-sim id</c> with the card described by <paramref name="dataFile"/> and waits until it is inserted.</summary>
    public static Task<PermitSimProcess> StartIdCardAsync(
        int vpcdPort, string dataFile, string? photoFile = null, CancellationToken cancellationToken = default)
    {
        var arguments = new List<string> { "id", "--port", vpcdPort.ToString(CultureInfo.InvariantCulture), "--data", dataFile };
        if (photoFile is not null)
        {
            arguments.AddRange(["--photo", photoFile]);
        }

        return StartAsync(arguments, waitForInsertion: true, cancellationToken);
    }

    /// <summary>
    /// Starts permit-sim with <paramref name="arguments"/> plus a free <c>--control-port</c>, and (when asked)
    /// waits for its first "card inserted" line.
    /// </summary>
    /// <exception cref="InvalidOperationException">permit-sim exited or was not inserted in time; the message carries its output.</exception>
    public static async Task<PermitSimProcess> StartAsync(
        IEnumerable<string> arguments, bool waitForInsertion = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var controlPort = FreeLoopbackPort();
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(typeof(PermitSimProcess).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--control-port");
        start.ArgumentList.Add(controlPort.ToString(CultureInfo.InvariantCulture));

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var sim = new PermitSimProcess(process, controlPort);
        process.OutputDataReceived += (_, e) => sim.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => sim.OnLine(e.Data);
        process.Exited += (_, _) => sim.FailWaiters();
        if (!process.Start())
        {
            throw new InvalidOperationException("Could not start permit-sim.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (waitForInsertion)
        {
            try
            {
                await sim.WaitForInsertionAsync(1, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await sim.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return sim;
    }

    /// <summary>Waits until the card has been inserted <paramref name="count"/> times in all (1 = the first insertion).</summary>
    public async Task WaitForInsertionAsync(int count, CancellationToken cancellationToken = default)
    {
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (_insertions >= count)
            {
                return;
            }

            waiter = new TaskCompletionSource(count, TaskCreationOptions.RunContinuationsAsynchronously);
            _insertionWaiters.Add(waiter);
        }

        if (_process.HasExited)
        {
            FailWaiters();
        }

        try
        {
            await waiter.Task.WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException($"permit-sim was not inserted {count} time(s) within {StartTimeout.TotalSeconds} s.{Environment.NewLine}{Output}", e);
        }
    }

    /// <summary>Stops permit-sim as an operator would (SIGTERM) and returns its exit code.</summary>
    public async Task<int> StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_process.HasExited)
        {
            SendTerminate();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        finally
        {
            Control.Dispose();
            _process.Dispose();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.Add(line);
            if (!line.Contains(InsertedMarker, StringComparison.Ordinal))
            {
                return;
            }

            _insertions++;
            foreach (var waiter in _insertionWaiters.Where(w => (int)w.Task.AsyncState! <= _insertions).ToArray())
            {
                _insertionWaiters.Remove(waiter);
                waiter.TrySetResult();
            }
        }
    }

    private void FailWaiters()
    {
        TaskCompletionSource[] waiters;
        lock (_gate)
        {
            waiters = [.. _insertionWaiters];
            _insertionWaiters.Clear();
        }

        foreach (var waiter in waiters)
        {
            // Exited fires before the last output lines may have arrived; give them a moment for the message.
            _process.WaitForExit(1000);
            waiter.TrySetException(new InvalidOperationException($"permit-sim exited with code {_process.ExitCode}.{Environment.NewLine}{Output}"));
        }
    }

    private void SendTerminate()
    {
        if (!OperatingSystem.IsWindows())
        {
            // Process.Kill sends SIGKILL; SIGTERM lets permit-sim close its vpcd socket cleanly.
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            kill?.WaitForExit();
        }
        else
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The dotnet host running this process's runtime (tests run as an apphost, so not Environment.ProcessPath).</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/; the host is <root>/dotnet.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
