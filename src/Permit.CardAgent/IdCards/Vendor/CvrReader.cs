using System.Runtime.InteropServices;
using Permit.CardAgent.Cards;
using Permit.Domain.IdCards;

namespace Permit.CardAgent.IdCards.Vendor;

/// <summary>
/// The <c>CVR_*</c> family (Termb.dll, libtermb.so): <c>CVR_InitComm(port)</c>, <c>CVR_Authenticate()</c> (find and
/// select the card), <c>CVR_Read_Content(1)</c>, which writes what it read as files into its working folder
/// (<c>wz.txt</c>, the 256-byte text block; <c>xp.wlt</c>, the WLT photo; <c>zp.bmp</c> when the library decodes the
/// photo itself), and <c>CVR_CloseComm()</c>. Every function answers 1 when done; the rest is mapped by
/// <see cref="VendorReturnCodes"/>. The files of an earlier read are deleted first, so they never pass for this card's.
/// </summary>
internal sealed class CvrReader(VendorLibrary library, int port, string outputDirectory)
{
    public const string TextFile = "wz.txt";
    public const string WltFile = "xp.wlt";
    public const string BmpFile = "zp.bmp";
    private const int MaxPhotoFile = 256 * 1024;

    [UnmanagedFunctionPointer(CallingConvention.Winapi)]
    private delegate int PortFunction(int port);

    [UnmanagedFunctionPointer(CallingConvention.Winapi)]
    private delegate int Action();

    [UnmanagedFunctionPointer(CallingConvention.Winapi)]
    private delegate int ReadContent(int active);

    public IdCardRead Read()
    {
        var init = library.Function<PortFunction>("CVR_InitComm");
        var authenticate = library.Function<Action>("CVR_Authenticate");
        var read = library.Function<ReadContent>("CVR_Read_Content");
        var close = library.Has("CVR_CloseComm") ? library.Function<Action>("CVR_CloseComm") : null;

        Check("CVR_InitComm", init(port));
        try
        {
            Check("CVR_Authenticate", authenticate());
            foreach (var file in new[] { TextFile, WltFile, BmpFile })
                File.Delete(Path.Combine(outputDirectory, file));
            Check("CVR_Read_Content", read(1));

            var text = ReadFile(TextFile, IdCardTextBlock.Length + 1)
                ?? throw new CardOperationException("id-card-malformed", $"The ID card reader library wrote no {TextFile} in {outputDirectory} (Agent:VendorOutputDirectory).");
            if (text.Length != IdCardTextBlock.Length)
                throw new CardOperationException("id-card-malformed", $"The ID card reader gave a text block of {text.Length} bytes instead of {IdCardTextBlock.Length}.");
            // The library's own decoding wins; else the WLT block for the configured decoder.
            var photo = ReadFile(BmpFile, MaxPhotoFile) ?? ReadFile(WltFile, MaxPhotoFile) ?? [];
            return new IdCardRead(text, photo, IdCardSession.PhotoFormatOf(photo));
        }
        finally
        {
            close?.Invoke();
        }
    }

    private byte[]? ReadFile(string name, int limit)
    {
        var path = Path.Combine(outputDirectory, name);
        if (!File.Exists(path))
            return null;
        var info = new FileInfo(path);
        if (info.Length > limit)
            throw new CardOperationException("id-card-malformed", $"The ID card reader library's {name} is {info.Length} bytes, more than a card holds.");
        return File.ReadAllBytes(path);
    }

    private static void Check(string function, int code)
    {
        if (code != VendorReturnCodes.CvrOk)
            throw VendorReturnCodes.CvrFailure(function, code);
    }
}
