namespace Permit.TestRig;

/// <summary>
/// One <see cref="PcscRig"/> for a whole test assembly (libpcsclite caches the socket per process):
/// <c>[assembly: AssemblyFixture(typeof(PcscRigFixture))]</c>, then take it in a test class constructor and call
/// <see cref="Rig"/> in each test. Starting the rig never fails the assembly: a machine without pcscd skips the
/// rig's tests (or fails them in CI), and any other start-up failure fails them with the daemon's log.
/// </summary>
public class PcscRigFixture : IAsyncLifetime
{
    private PcscRig? _rig;
    private string? _missing;
    private Exception? _startFailure;

    /// <summary>How many vpcd slots to create; override in a derived fixture to get more.</summary>
    protected virtual int Slots => 2;

    /// <summary>The running rig; skips (or in CI fails) the calling test when this machine cannot run one.</summary>
    public PcscRig Rig
    {
        get
        {
            Requirements.Require(_missing);
            if (_startFailure is not null)
                throw new InvalidOperationException("The private pcscd rig did not start.", _startFailure);
            return _rig ?? throw new InvalidOperationException("The fixture has not been initialized.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        _missing = Requirements.PcscRigMissing();
        if (_missing is not null)
            return;

        try
        {
            _rig = await PcscRig.StartAsync(Slots, TestContext.Current.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException
            or System.ComponentModel.Win32Exception or System.Net.Sockets.SocketException)
        {
            // Kept for the rig's own tests to report; the assembly's other tests must still run.
            _startFailure = ex;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_rig is not null)
            await _rig.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
