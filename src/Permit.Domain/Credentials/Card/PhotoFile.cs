using Permit.Iso7816.Tlv;

namespace Permit.Domain.Credentials.Card;

/// <summary>EF.PHOTO (FID 0102): <c>5F 2E L &lt;JPEG bytes&gt;</c>, or <c>5F 2E 00</c> where no photo is held.</summary>
public static class PhotoFile
{
    /// <summary>The most JPEG bytes that fit the 16384-byte file with a <c>5F 2E 82 LL LL</c> header.</summary>
    public const int MaxJpegBytes = CardFiles.PhotoMaxBytes - 5;

    /// <summary>EF.PHOTO bytes for a JPEG; an empty span writes the "no photo" object <c>5F 2E 00</c>.</summary>
    /// <exception cref="ArgumentException">The photo does not fit the file.</exception>
    public static byte[] Encode(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length > MaxJpegBytes)
        {
            throw new ArgumentException($"A photo of {jpeg.Length} bytes does not fit EF.PHOTO ({MaxJpegBytes} at most).", nameof(jpeg));
        }

        return TlvWriter.Encode(CardFiles.PhotoTag, jpeg);
    }

    /// <summary>The JPEG bytes (empty when the card holds no photo).</summary>
    public static DecodeResult<byte[]> Decode(ReadOnlyMemory<byte> file)
    {
        var tlv = CardFileReading.ReadSingleObject(file, CardFiles.PhotoTag, CardFiles.PhotoMaxBytes, out var error);
        return tlv is null
            ? DecodeResult.Malformed<byte[]>($"EF.PHOTO: {error}")
            : DecodeResult.Ok(tlv.Value.ToArray());
    }
}
