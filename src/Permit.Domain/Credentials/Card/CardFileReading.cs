using Permit.Iso7816.Tlv;

namespace Permit.Domain.Credentials.Card;

/// <summary>
/// How a card file's bytes become its one TLV object. The object must start at offset 0; bytes after it are
/// tolerated only as <c>00</c>/<c>FF</c> padding (a reader that fetched a whole 256-byte block), and are never
/// part of the hashed object. Lengths must be minimal, since these objects are hashed and signed.
/// </summary>
internal static class CardFileReading
{
    public static TlvObject? ReadSingleObject(ReadOnlyMemory<byte> file, uint expectedTag, int maxBytes, out string? error)
    {
        error = null;
        if (file.Length == 0)
        {
            error = "file is empty";
            return null;
        }

        try
        {
            var reader = new TlvReader(file, TlvReadOptions.Strict);
            var tlv = reader.ReadNext();
            if (tlv.Tag.Value != expectedTag)
            {
                error = $"file starts with tag {tlv.Tag} instead of {new BerTag(expectedTag)}";
                return null;
            }

            if (tlv.Encoded.Length > maxBytes)
            {
                error = $"object is over the file's {maxBytes}-byte limit";
                return null;
            }

            if (file.Span[reader.Position..].IndexOfAnyExcept((byte)0x00, (byte)0xFF) >= 0)
            {
                error = "bytes other than padding follow the object";
                return null;
            }

            return tlv;
        }
        catch (TlvFormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>The children of a constructed object, strictly (no padding, minimal lengths).</summary>
    public static IReadOnlyList<TlvObject>? StrictChildren(TlvObject template, out string? error)
    {
        error = null;
        try
        {
            return template.Children(TlvReadOptions.Strict);
        }
        catch (TlvFormatException e)
        {
            error = e.Message;
            return null;
        }
    }
}
