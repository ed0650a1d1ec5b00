namespace Permit.Iso7816.Tlv;

/// <summary>
/// One BER-TLV object as read: its tag, its value, and the exact bytes it occupied (tag ‖ length ‖ value),
/// which is what the permit card's issuer hashes.
/// </summary>
public sealed record TlvObject(BerTag Tag, ReadOnlyMemory<byte> Value, ReadOnlyMemory<byte> Encoded)
{
    /// <summary>Where <see cref="Encoded"/> starts within the bytes the reader was given.</summary>
    public int Offset { get; init; }

    public bool IsConstructed => Tag.IsConstructed;

    /// <summary>Parses the value of a constructed object into its nested objects.</summary>
    /// <exception cref="InvalidOperationException">The object is primitive.</exception>
    /// <exception cref="TlvFormatException">The value is not a sequence of BER-TLV objects.</exception>
    public IReadOnlyList<TlvObject> Children(TlvReadOptions? options = null)
    {
        if (!IsConstructed)
        {
            throw new InvalidOperationException($"Tag {Tag} is primitive; it has no nested objects.");
        }

        return TlvReader.ReadAll(Value, options);
    }
}
