namespace Permit.PCSC.Interop;

/// <summary>
/// The addresses of the library's exported <c>g_rgSCardT0Pci</c>, <c>g_rgSCardT1Pci</c> and <c>g_rgSCardRawPci</c>
/// data symbols, which <c>SCardTransmit</c> takes as <c>pioSendPci</c>.
/// </summary>
internal sealed class ProtocolControlInformation(string library)
{
    private readonly Lazy<(nint T0, nint T1, nint Raw)> _addresses = new(() =>
    {
        var handle = NativeLibrary.Load(library);
        return (
            NativeLibrary.GetExport(handle, "g_rgSCardT0Pci"),
            NativeLibrary.GetExport(handle, "g_rgSCardT1Pci"),
            NativeLibrary.GetExport(handle, "g_rgSCardRawPci"));
    });

    public nint For(SCardProtocol protocol) => protocol switch
    {
        SCardProtocol.T0 => _addresses.Value.T0,
        SCardProtocol.T1 => _addresses.Value.T1,
        SCardProtocol.Raw => _addresses.Value.Raw,
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "Transmit needs the active protocol: T0, T1 or Raw."),
    };
}
