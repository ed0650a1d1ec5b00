using Permit.PCSC.Interop.Linux;
using Permit.PCSC.Interop.MacOS;
using Permit.PCSC.Interop.Windows;

namespace Permit.PCSC.Interop;

/// <summary>Picks the native PC/SC implementation for the running platform.</summary>
public static class SCardApi
{
    private static readonly Lazy<ISCardApi> Platform = new(Create);

    /// <summary>winscard.dll on Windows, PCSC.framework on macOS, libpcsclite.so.1 elsewhere (Linux, BSD).</summary>
    public static ISCardApi Default => Platform.Value;

    private static ISCardApi Create()
    {
        if (OperatingSystem.IsWindows())
            return new WinSCardApi();
        if (OperatingSystem.IsMacOS())
            return new MacPcscApi();
        if (IntPtr.Size != 8)
            throw new PlatformNotSupportedException("The pcsc-lite binding is written for 64-bit processes (8-byte DWORD).");
        return new PcscLiteApi();
    }
}
