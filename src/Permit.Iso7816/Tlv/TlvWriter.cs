namespace Permit.Iso7816.Tlv;

/// <summary>
/// Writes BER-TLV objects with minimal (DER) lengths, as anything hashed or signed must be written.
/// Constructed objects are written through a callback, so their lengths are always right.
/// </summary>
public sealed class TlvWriter
{
    /// <summary>The longest value the <c>82 LL LL</c> form can carry.</summary>
    public const int MaxValueLength = 0xFFFF;

    private readonly List<byte> _buffer = [];

    public int Length => _buffer.Count;

    /// <summary>Writes a primitive object.</summary>
    /// <exception cref="ArgumentException">The tag is constructed, or the value is over 65535 bytes.</exception>
    public TlvWriter WritePrimitive(BerTag tag, ReadOnlySpan<byte> value)
    {
        if (tag.IsConstructed)
        {
            throw new ArgumentException($"Tag {tag} is constructed; use {nameof(WriteConstructed)}.", nameof(tag));
        }

        WriteObject(tag, value);
        return this;
    }

    /// <summary>Writes a primitive object holding one byte.</summary>
    public TlvWriter WritePrimitive(BerTag tag, byte value) => WritePrimitive(tag, [value]);

    /// <summary>Writes a constructed object whose value is whatever <paramref name="writeContent"/> writes.</summary>
    /// <exception cref="ArgumentException">The tag is primitive, or the content is over 65535 bytes.</exception>
    public TlvWriter WriteConstructed(BerTag tag, Action<TlvWriter> writeContent)
    {
        ArgumentNullException.ThrowIfNull(writeContent);
        if (!tag.IsConstructed)
        {
            throw new ArgumentException($"Tag {tag} is primitive; use {nameof(WritePrimitive)}.", nameof(tag));
        }

        var inner = new TlvWriter();
        writeContent(inner);
        WriteObject(tag, inner.ToArray());
        return this;
    }

    /// <summary>Appends bytes that already are one or more encoded objects.</summary>
    public TlvWriter WriteEncoded(ReadOnlySpan<byte> encoded)
    {
        foreach (var b in encoded)
        {
            _buffer.Add(b);
        }

        return this;
    }

    public byte[] ToArray() => [.. _buffer];

    /// <summary>Encodes one object in one go.</summary>
    public static byte[] Encode(BerTag tag, ReadOnlySpan<byte> value) => new TlvWriter().WriteObject(tag, value).ToArray();

    /// <summary>The minimal definite length field for <paramref name="length"/>: <c>L</c>, <c>81 L</c> or <c>82 LL LL</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, or over 65535.</exception>
    public static byte[] EncodeLength(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxValueLength);
        return length switch
        {
            < 0x80 => [(byte)length],
            <= 0xFF => [0x81, (byte)length],
            _ => [0x82, (byte)(length >> 8), (byte)length],
        };
    }

    private TlvWriter WriteObject(BerTag tag, ReadOnlySpan<byte> value)
    {
        if (value.Length > MaxValueLength)
        {
            throw new ArgumentException($"A value of {value.Length} bytes does not fit the 82 LL LL length form.", nameof(value));
        }

        Span<byte> tagBytes = stackalloc byte[TlvReader.MaxTagLength];
        var tagLength = tag.WriteTo(tagBytes);
        WriteEncoded(tagBytes[..tagLength]);
        WriteEncoded(EncodeLength(value.Length));
        return WriteEncoded(value);
    }
}
