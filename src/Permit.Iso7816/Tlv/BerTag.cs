using System.Globalization;

namespace Permit.Iso7816.Tlv;

/// <summary>The class bits (b8 b7) of a tag's first byte.</summary>
public enum TagClass
{
    Universal = 0,
    Application = 1,
    ContextSpecific = 2,
    Private = 3,
}

/// <summary>
/// A BER-TLV tag (ISO/IEC 7816-4 §5.2), held as its encoded bytes read big-endian:
/// <c>0x80</c>, <c>0x5F2E</c>, <c>0x7F49</c>. Up to four bytes.
/// </summary>
public readonly record struct BerTag
{
    public BerTag(uint value)
    {
        if (!IsWellFormed(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"0x{value:X} is not a well-formed BER-TLV tag.");
        }

        Value = value;
    }

    /// <summary>The tag's encoded bytes as a big-endian number.</summary>
    public uint Value { get; }

    /// <summary>How many bytes the tag takes on the wire (1 to 4).</summary>
    public int EncodedLength => Value switch
    {
        <= 0xFF => 1,
        <= 0xFFFF => 2,
        <= 0xFF_FFFF => 3,
        _ => 4,
    };

    private byte FirstByte => (byte)(Value >> (8 * (EncodedLength - 1)));

    /// <summary>b6 of the first byte: the value is itself a sequence of BER-TLV objects.</summary>
    public bool IsConstructed => (FirstByte & 0x20) != 0;

    public TagClass Class => (TagClass)(FirstByte >> 6);

    public static implicit operator BerTag(uint value) => new(value);

    public static BerTag FromUInt32(uint value) => new(value);

    /// <summary>Writes the tag's bytes to <paramref name="destination"/> and returns how many were written.</summary>
    public int WriteTo(Span<byte> destination)
    {
        var length = EncodedLength;
        for (var i = 0; i < length; i++)
        {
            destination[i] = (byte)(Value >> (8 * (length - 1 - i)));
        }

        return length;
    }

    public override string ToString() => Value.ToString("X" + (EncodedLength * 2), CultureInfo.InvariantCulture);

    private static bool IsWellFormed(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        var length = value switch
        {
            <= 0xFF => 1,
            <= 0xFFFF => 2,
            <= 0xFF_FFFF => 3,
            _ => 4,
        };
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)(value >> (8 * (length - 1 - i)));
        }

        return TlvReader.TryReadTag(bytes[..length], out var tag, out var consumed) && consumed == length && tag == value;
    }
}
