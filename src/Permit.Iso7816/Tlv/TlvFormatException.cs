namespace Permit.Iso7816.Tlv;

/// <summary>
/// Bytes that were meant to hold BER-TLV objects do not: a truncated tag, length or value, a length form
/// this profile does not use, or a value that runs past its enclosing object. <see cref="Offset"/> is where
/// the bad object starts, counted from the start of the bytes handed to the reader.
/// </summary>
public sealed class TlvFormatException : FormatException
{
    public TlvFormatException() : this("Malformed BER-TLV data.", 0) { }

    public TlvFormatException(string message) : this(message, 0) { }

    public TlvFormatException(string message, Exception innerException) : base(message, innerException) { }

    public TlvFormatException(string message, int offset) : base($"{message} (at offset {offset})") => Offset = offset;

    /// <summary>Offset of the offending object within the bytes the reader was given.</summary>
    public int Offset { get; }
}
