using System.Runtime.InteropServices;
using System.Text;

namespace Permit.CardAgent.IdCards.Vendor;

/// <summary>
/// The vendor's WLT-to-BMP decoder (the ID card's 1024-byte WLT photo is a licensed compression; only the vendors'
/// decoders read it). Two interfaces are in use: <c>unpack(src, dst, bmpSave)</c> (libwlt.so and its kin: 1024 bytes
/// in, a 38 862-byte BMP file out, 102×126, 24-bit) and <c>GetBmp(wltFile, interface)</c> (WltRS.dll: reads
/// <c>NAME.wlt</c> and writes <c>NAME.bmp</c> beside it). Both answer 1 when done. Any failure leaves the photo
/// undecoded; it never stops the text from being read.
/// </summary>
internal static class WltDecoder
{
    /// <summary>54-byte header + 126 rows of 102 pixels × 3 bytes padded to 308.</summary>
    public const int BmpLength = 38_862;
    private const int Done = 1;
    // WltRS.dll's second argument: 1 = a USB reader, 2 = a serial one; the decoder checks a reader is attached on it.
    private const int UsbInterface = 1;

    [UnmanagedFunctionPointer(CallingConvention.Winapi)]
    private delegate int Unpack([In] byte[] wlt, [Out] byte[] bmp, int saveFile);

    [UnmanagedFunctionPointer(CallingConvention.Winapi)]
    private delegate int GetBmp([In] byte[] wltFileName, int readerInterface);

    /// <summary>The BMP, or null when the decoder cannot be loaded or refuses this block.</summary>
    public static byte[]? Decode(string libraryPath, byte[] wlt)
    {
        ArgumentNullException.ThrowIfNull(wlt);
        VendorLibrary library;
        try
        {
            library = VendorLibrary.Load(libraryPath, "the WLT photo decoder (Agent:WltDecoderLibrary)");
        }
        catch (AgentException)
        {
            return null;
        }

        using (library)
        {
            if (library.Has("unpack"))
            {
                var bmp = new byte[BmpLength];
                return library.Function<Unpack>("unpack")(wlt, bmp, 0) == Done ? bmp : null;
            }

            return library.Has("GetBmp") ? ThroughFiles(library.Function<GetBmp>("GetBmp"), wlt) : null;
        }
    }

    private static byte[]? ThroughFiles(GetBmp getBmp, byte[] wlt)
    {
        var folder = Directory.CreateTempSubdirectory("permit-agent-wlt-");
        try
        {
            var wltPath = Path.Combine(folder.FullName, "zp.wlt");
            File.WriteAllBytes(wltPath, wlt);
            var name = Encoding.Default.GetBytes(wltPath + "\0");
            var bmpPath = Path.ChangeExtension(wltPath, ".bmp");
            return getBmp(name, UsbInterface) == Done && File.Exists(bmpPath) ? File.ReadAllBytes(bmpPath) : null;
        }
        finally
        {
            // The holder's photo stays on disk no longer than the call.
            folder.Delete(recursive: true);
        }
    }
}
