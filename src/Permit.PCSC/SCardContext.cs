namespace Permit.PCSC;

/// <summary>
/// A PC/SC resource manager context (<c>SCARDCONTEXT</c>). Every failure is thrown as the typed exception of its
/// return code (see <see cref="SCardErrors.ToException"/>).
/// </summary>
/// <remarks>
/// pcsc-lite holds a context's lock for the whole of a <c>SCardGetStatusChange</c>, so a context that waits for
/// events serves nothing else; the monitors each establish their own. <see cref="Cancel"/> may be called from any thread.
/// </remarks>
public sealed class SCardContext : IDisposable
{
    /// <summary><c>INFINITE</c> (0xFFFFFFFF) for <see cref="GetStatusChange"/>.</summary>
    public const uint Infinite = 0xFFFFFFFF;

    private nint _handle;

    /// <param name="api">The native API; <see cref="SCardApi.Default"/> when <see langword="null"/>.</param>
    public SCardContext(ISCardApi? api = null) => Api = api ?? SCardApi.Default;

    public ISCardApi Api { get; }

    /// <summary>Whether <see cref="Establish"/> succeeded and <see cref="Release"/> has not been called.</summary>
    public bool IsEstablished => _handle != 0;

    /// <summary>The native <c>SCARDCONTEXT</c>.</summary>
    public nint Handle => _handle;

    /// <summary>Establishes a new context (<c>SCardEstablishContext</c>).</summary>
    /// <exception cref="NoServiceException">pcscd is not running.</exception>
    public static SCardContext Establish(SCardScope scope = SCardScope.System, ISCardApi? api = null)
    {
        var context = new SCardContext(api);
        context.EstablishContext(scope);
        return context;
    }

    /// <summary><c>SCardEstablishContext</c>; releases a context this object held before.</summary>
    public void EstablishContext(SCardScope scope = SCardScope.System)
    {
        Release();
        var result = Api.EstablishContext(scope, out var handle);
        // No context at all with "internal error" means there is no working service to talk to: Wine's winscard stub
        // answers so, as does a Windows whose Smart Card service cannot start. Callers handle it as "no service".
        if (result == SCardError.InternalError)
            throw new NoServiceException("SCardEstablishContext: no working smart-card service answered (internal error 0x80100001).");
        result.ThrowIfFailed("SCardEstablishContext");
        _handle = handle;
    }

    /// <summary><c>SCardReleaseContext</c>; does nothing if not established. Errors are ignored: the context is gone either way.</summary>
    public void Release()
    {
        if (_handle == 0)
            return;
        _ = Api.ReleaseContext(_handle);
        _handle = 0;
    }

    /// <summary><c>SCardIsValidContext</c>: false once the service restarted or the context was released.</summary>
    public bool IsValid() => _handle != 0 && Api.IsValidContext(_handle) == SCardError.Success;

    /// <summary>
    /// <c>SCardListReaders</c>: the names of the readers attached now; empty (not an exception) when there are none
    /// (<c>SCARD_E_NO_READERS_AVAILABLE</c>).
    /// </summary>
    public IReadOnlyList<string> GetReaders()
    {
        var rc = Api.ListReaders(EnsureEstablished(), out var readers);
        if (rc == SCardError.NoReadersAvailable)
            return [];
        rc.ThrowIfFailed("SCardListReaders");
        return readers;
    }

    /// <summary>
    /// <c>SCardGetStatusChange</c>: waits until a state differs from its <see cref="SCardReaderState.CurrentStateValue"/>
    /// and updates every state's event value.
    /// </summary>
    /// <returns><see langword="false"/> when the timeout expired first (<c>SCARD_E_TIMEOUT</c>).</returns>
    /// <exception cref="CancelledException"><see cref="Cancel"/> ended the wait.</exception>
    public bool GetStatusChange(uint timeoutMilliseconds, IReadOnlyList<SCardReaderState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        var rc = Api.GetStatusChange(EnsureEstablished(), timeoutMilliseconds, states);
        if (rc == SCardError.Timeout)
            return false;
        rc.ThrowIfFailed("SCardGetStatusChange");
        return true;
    }

    /// <summary><c>SCardCancel</c>: ends a <see cref="GetStatusChange"/> waiting on this context (from another thread).</summary>
    public void Cancel()
    {
        var handle = _handle;
        if (handle != 0)
            Api.Cancel(handle).ThrowIfFailed("SCardCancel");
    }

    /// <summary><c>SCardConnect</c> to the card in <paramref name="readerName"/>.</summary>
    /// <exception cref="NoSmartcardException">The reader is empty.</exception>
    /// <exception cref="UnknownReaderException">No reader has that name.</exception>
    /// <exception cref="SharingViolationException">Another application holds the card exclusively.</exception>
    public CardHandle Connect(string readerName, SCardShareMode shareMode = SCardShareMode.Shared, SCardProtocol preferredProtocols = SCardProtocol.Any)
    {
        ArgumentNullException.ThrowIfNull(readerName);
        Api.Connect(EnsureEstablished(), readerName, shareMode, preferredProtocols, out var card, out var active)
            .ThrowIfFailed("SCardConnect");
        return new CardHandle(Api, card, readerName, active);
    }

    public void Dispose() => Release();

    private nint EnsureEstablished() =>
        _handle != 0 ? _handle : throw new InvalidOperationException("The context is not established.");
}
