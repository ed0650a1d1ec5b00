namespace Permit.Iso7816.Tlv;

/// <summary>
/// Reads a sequence of BER-TLV objects with strict bounds: every tag, length and value must lie inside the
/// bytes given, and anything else is reported as a <see cref="TlvFormatException"/> (never an index error).
/// Lengths are the definite forms of card spec v1: <c>L &lt; 0x80</c>, <c>81 L</c>, <c>82 LL LL</c>.
/// </summary>
public struct TlvReader
{
    /// <summary>The longest tag this reader accepts (ISO 7816-4 uses at most three bytes; one more is tolerated).</summary>
    public const int MaxTagLength = 4;

    private readonly ReadOnlyMemory<byte> _data;
    private readonly TlvReadOptions _options;
    private int _position;

    public TlvReader(ReadOnlyMemory<byte> data, TlvReadOptions? options = null)
    {
        _data = data;
        _options = options ?? TlvReadOptions.Lenient;
        _position = 0;
    }

    /// <summary>Offset of the next unread byte.</summary>
    public readonly int Position => _position;

    /// <summary>True when only padding (if allowed) or nothing is left.</summary>
    public bool AtEnd
    {
        get
        {
            SkipPaddingIfAllowed();
            return _position >= _data.Length;
        }
    }

    /// <summary>Reads every object in <paramref name="data"/>.</summary>
    /// <exception cref="TlvFormatException">The bytes are not a sequence of BER-TLV objects.</exception>
    public static IReadOnlyList<TlvObject> ReadAll(ReadOnlyMemory<byte> data, TlvReadOptions? options = null)
    {
        var reader = new TlvReader(data, options);
        var objects = new List<TlvObject>();
        while (reader.TryReadNext(out var next))
        {
            objects.Add(next);
        }

        return objects;
    }

    /// <summary>Like <see cref="ReadAll"/>, but reports bad input as <paramref name="error"/> instead of throwing.</summary>
    public static bool TryReadAll(
        ReadOnlyMemory<byte> data,
        out IReadOnlyList<TlvObject> objects,
        out TlvFormatException? error,
        TlvReadOptions? options = null)
    {
        try
        {
            objects = ReadAll(data, options);
            error = null;
            return true;
        }
        catch (TlvFormatException e)
        {
            objects = [];
            error = e;
            return false;
        }
    }

    /// <summary>Reads the next object, or returns false at the end of the data.</summary>
    /// <exception cref="TlvFormatException">The next object is malformed.</exception>
    public bool TryReadNext(out TlvObject tlv)
    {
        SkipPaddingIfAllowed();
        var start = _position;
        var span = _data.Span;
        if (start >= span.Length)
        {
            tlv = null!;
            return false;
        }

        if (!TryReadTag(span[start..], out var tagValue, out var tagLength))
        {
            throw new TlvFormatException("Truncated or malformed tag.", start);
        }

        var lengthStart = start + tagLength;
        var (valueLength, lengthLength) = ReadLength(span, lengthStart, start);
        var valueStart = lengthStart + lengthLength;
        if (valueLength > span.Length - valueStart)
        {
            throw new TlvFormatException(
                $"Value of tag {tagValue:X} claims {valueLength} bytes but only {span.Length - valueStart} remain.", start);
        }

        _position = valueStart + valueLength;
        tlv = new TlvObject(
            new BerTag(tagValue),
            _data.Slice(valueStart, valueLength),
            _data[start.._position])
        { Offset = start };
        return true;
    }

    /// <summary>Reads the next object, which must exist.</summary>
    /// <exception cref="TlvFormatException">There is none, or it is malformed.</exception>
    public TlvObject ReadNext() =>
        TryReadNext(out var tlv) ? tlv : throw new TlvFormatException("Expected another object; the data ended.", _position);

    /// <summary>
    /// Decodes a tag at the start of <paramref name="data"/>. A first byte <c>00</c> or <c>FF</c> is not a tag
    /// (ISO 7816-4 reserves them for padding); the first subsequent byte may not be <c>80</c> (leading zero bits).
    /// </summary>
    public static bool TryReadTag(ReadOnlySpan<byte> data, out uint tag, out int length)
    {
        tag = 0;
        length = 0;
        if (data.IsEmpty || data[0] is 0x00 or 0xFF)
        {
            return false;
        }

        tag = data[0];
        length = 1;
        if ((data[0] & 0x1F) != 0x1F)
        {
            return true;
        }

        while (true)
        {
            if (length >= data.Length || length >= MaxTagLength)
            {
                return false;
            }

            var next = data[length];
            if (length == 1 && next == 0x80)
            {
                return false;
            }

            tag = (tag << 8) | next;
            length++;
            if ((next & 0x80) == 0)
            {
                return true;
            }
        }
    }

    private readonly (int Length, int Consumed) ReadLength(ReadOnlySpan<byte> span, int at, int objectStart)
    {
        if (at >= span.Length)
        {
            throw new TlvFormatException("Tag without a length.", objectStart);
        }

        var first = span[at];
        if (first < 0x80)
        {
            return (first, 1);
        }

        switch (first)
        {
            case 0x81:
                if (at + 1 >= span.Length)
                {
                    throw new TlvFormatException("Truncated length 81 L.", objectStart);
                }

                if (_options.RequireMinimalLengths && span[at + 1] < 0x80)
                {
                    throw new TlvFormatException("Length 81 L used for a value under 128 bytes (not minimal).", objectStart);
                }

                return (span[at + 1], 2);
            case 0x82:
                if (at + 2 >= span.Length)
                {
                    throw new TlvFormatException("Truncated length 82 LL LL.", objectStart);
                }

                var length = (span[at + 1] << 8) | span[at + 2];
                if (_options.RequireMinimalLengths && length < 0x100)
                {
                    throw new TlvFormatException("Length 82 LL LL used for a value under 256 bytes (not minimal).", objectStart);
                }

                return (length, 3);
            case 0x80:
                throw new TlvFormatException("Indefinite length (80) is not used on permit cards.", objectStart);
            default:
                throw new TlvFormatException($"Length form {first:X2} is beyond 82 LL LL, which card spec v1 does not use.", objectStart);
        }
    }

    private void SkipPaddingIfAllowed()
    {
        if (!_options.SkipPadding)
        {
            return;
        }

        var span = _data.Span;
        while (_position < span.Length && span[_position] is 0x00 or 0xFF)
        {
            _position++;
        }
    }
}
