using System.Runtime.InteropServices;
using Permit.CardAgent.Cards;
using Permit.Domain.IdCards;

namespace Permit.CardAgent.IdCards.Vendor;

/// <summary>
/// The <c>SDT_*</c> interface most second-generation ID card readers ship (sdtapi.dll, libsdtapi.so): open the port,
/// find the card, select it, read the base message (the 256-byte text block and the 1024-byte WLT photo), close.
/// Every function answers 0x90 (0x9F for a card found); anything else is mapped by <see cref="VendorReturnCodes"/>.
/// </summary>
internal sealed class SdtReader(VendorLibrary library, int port)
{
    // Room beyond the documented sizes: a library that writes more than it says must not write past the buffer.
    private const int TextBuffer = 1024;
    private const int PhotoBuffer = 4096;
    private const int ManagementBytes = 64;

    [UnmanagedFunctionPointer(CallingConvention.Winapi)]
    private delegate int PortFunction(int port);

    [UnmanagedFunctionPointer(CallingConvention.Winapi)]
    private delegate int CardFunction(int port, [Out] byte[] management, int openPortItself);

    [UnmanagedFunctionPointer(CallingConvention.Winapi)]
    private delegate int ReadBaseMessage(int port, [Out] byte[] text, ref uint textLength, [Out] byte[] photo, ref uint photoLength, int openPortItself);

    public IdCardRead Read()
    {
        var open = library.Function<PortFunction>("SDT_OpenPort");
        var close = library.Function<PortFunction>("SDT_ClosePort");
        var find = library.Function<CardFunction>("SDT_StartFindIDCard");
        var select = library.Function<CardFunction>("SDT_SelectIDCard");
        var read = library.Function<ReadBaseMessage>("SDT_ReadBaseMsg");

        Check("SDT_OpenPort", open(port));
        try
        {
            var management = new byte[ManagementBytes];
            var found = find(port, management, 0);
            if (found != VendorReturnCodes.SdtCardFound && found != VendorReturnCodes.SdtOk)
                throw VendorReturnCodes.SdtFailure("SDT_StartFindIDCard", found);
            Check("SDT_SelectIDCard", select(port, management, 0));

            var text = new byte[TextBuffer];
            var photo = new byte[PhotoBuffer];
            uint textLength = 0, photoLength = 0;
            Check("SDT_ReadBaseMsg", read(port, text, ref textLength, photo, ref photoLength, 0));
            if (textLength != IdCardTextBlock.Length)
                throw new CardOperationException("id-card-malformed",
                    $"The ID card reader gave a text block of {textLength} bytes instead of {IdCardTextBlock.Length}.");
            if (photoLength > PhotoBuffer)
                throw new CardOperationException("id-card-malformed", $"The ID card reader claims a photo of {photoLength} bytes, more than it can have given.");

            var photoBytes = photo[..(int)photoLength];
            return new IdCardRead(text[..IdCardTextBlock.Length], photoBytes, IdCardSession.PhotoFormatOf(photoBytes));
        }
        finally
        {
            // A close that fails changes nothing for this read; the next open reports a reader that stays in trouble.
            close(port);
        }
    }

    private static void Check(string function, int code)
    {
        if (code != VendorReturnCodes.SdtOk)
            throw VendorReturnCodes.SdtFailure(function, code);
    }
}
