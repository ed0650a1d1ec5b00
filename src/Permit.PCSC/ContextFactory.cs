namespace Permit.PCSC;

/// <summary>Establishes PC/SC contexts; inject it where tests substitute a fake <see cref="ISCardApi"/>.</summary>
public interface IContextFactory
{
    /// <summary><c>SCardEstablishContext</c>.</summary>
    /// <exception cref="NoServiceException">pcscd is not running.</exception>
    SCardContext Establish(SCardScope scope = SCardScope.System);
}

/// <summary>Contexts over one native API (the platform's, unless told otherwise).</summary>
public sealed class ContextFactory(ISCardApi? api = null) : IContextFactory
{
    /// <summary>Contexts over <see cref="SCardApi.Default"/>.</summary>
    public static ContextFactory Instance { get; } = new();

    public ISCardApi Api { get; } = api ?? SCardApi.Default;

    public SCardContext Establish(SCardScope scope = SCardScope.System) => SCardContext.Establish(scope, Api);
}
