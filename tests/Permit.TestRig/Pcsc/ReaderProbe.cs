using System.Runtime.InteropServices;
using System.Text;

namespace Permit.TestRig;

/// <summary>
/// The two libpcsclite calls the rig needs to see whether its readers are up. Kept here, apart from
/// Permit.PCSC, so the rig also serves tests of other PC/SC clients and cannot be broken by the binding it tests.
/// Linux LP64 only: DWORD and LONG are 8 bytes wide.
/// </summary>
internal static partial class ReaderProbe
{
    private const string Library = "libpcsclite.so.1";
    private const uint ScopeSystem = 2;

    /// <summary>The reader names pcscd lists now; empty when the daemon is down or has no readers.</summary>
    public static IReadOnlyList<string> ListReaders()
    {
        if (SCardEstablishContext(ScopeSystem, 0, 0, out var context) != 0)
            return [];

        try
        {
            nuint length = 0;
            if (SCardListReaders(context, 0, null, ref length) != 0 || length == 0)
                return [];

            var buffer = new byte[(int)length];
            if (SCardListReaders(context, 0, buffer, ref length) != 0)
                return [];

            return Encoding.UTF8.GetString(buffer, 0, (int)length)
                .Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            _ = SCardReleaseContext(context);
        }
    }

    [LibraryImport(Library)]
    private static partial nint SCardEstablishContext(nuint scope, nint reserved1, nint reserved2, out nint context);

    [LibraryImport(Library)]
    private static partial nint SCardListReaders(nint context, nint groups, [Out] byte[]? readers, ref nuint length);

    [LibraryImport(Library)]
    private static partial nint SCardReleaseContext(nint context);
}
