using Permit.TestRig;

namespace Permit.HardwareSim.Tests.EndToEnd;

/// <summary>
/// The assembly's one private pcscd (libpcsclite caches its socket per process), started on first use so the unit
/// tests of this assembly never wait for a daemon.
/// </summary>
public sealed class SharedPcscRig : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PcscRig? _rig;
    private Exception? _startFailure;

    /// <summary>The running rig; skips the calling test (fails it when CI=true) on a machine that cannot run one.</summary>
    public async Task<PcscRig> GetAsync(CancellationToken cancellationToken)
    {
        Requirements.RequirePcscRig();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_startFailure is not null)
            {
                throw new InvalidOperationException("The private pcscd rig did not start.", _startFailure);
            }

            try
            {
                return _rig ??= await PcscRig.StartAsync(2, cancellationToken);
            }
            catch (InvalidOperationException e)
            {
                _startFailure = e;
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_rig is not null)
        {
            await _rig.DisposeAsync();
        }

        _gate.Dispose();
    }
}
