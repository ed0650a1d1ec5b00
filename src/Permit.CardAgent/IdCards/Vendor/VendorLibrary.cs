using System.Runtime.InteropServices;

namespace Permit.CardAgent.IdCards.Vendor;

/// <summary>
/// A vendor's native library, loaded with <see cref="NativeLibrary"/> from a configured path, and its exports as
/// delegates. The vendors declare their functions <c>__stdcall</c> on Windows; the delegates say
/// <see cref="CallingConvention.Winapi"/> (stdcall on 32-bit Windows, the platform's only convention on x64 and on
/// Linux), and the agent ships for x64 only, where there is one calling convention.
/// </summary>
internal sealed class VendorLibrary : IDisposable
{
    private readonly IntPtr _handle;
    private readonly string _what;

    private VendorLibrary(IntPtr handle, string what)
    {
        _handle = handle;
        _what = what;
    }

    /// <exception cref="AgentException"><c>vendor-library-unavailable</c> (exit 3): the file is missing or not a library for this PC.</exception>
    public static VendorLibrary Load(string path, string what)
    {
        if (!File.Exists(path))
            throw new AgentException("vendor-library-unavailable", ExitCodes.NoReader, $"{Capital(what)} was not found at {path}.");
        try
        {
            return new VendorLibrary(NativeLibrary.Load(Path.GetFullPath(path)), what);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            throw new AgentException("vendor-library-unavailable", ExitCodes.NoReader,
                $"{Capital(what)} at {path} cannot be loaded (a 64-bit library for this system is needed, with the vendor's own dependencies beside it).", e);
        }
    }

    public bool Has(string name) => NativeLibrary.TryGetExport(_handle, name, out _);

    /// <exception cref="AgentException"><c>vendor-library-unavailable</c>: the library lacks the function (another vendor's interface).</exception>
    public T Function<T>(string name) where T : Delegate =>
        NativeLibrary.TryGetExport(_handle, name, out var address)
            ? Marshal.GetDelegateForFunctionPointer<T>(address)
            : throw new AgentException("vendor-library-unavailable", ExitCodes.NoReader,
                $"{Capital(_what)} has no function {name}: it is not a library of this interface (check Agent:IdCardSource).");

    public void Dispose() => NativeLibrary.Free(_handle);

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
