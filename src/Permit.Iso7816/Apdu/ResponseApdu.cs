namespace Permit.Iso7816;

/// <summary>A response APDU: the response data field followed by the status bytes SW1 SW2.</summary>
public sealed class ResponseApdu
{
    private readonly byte[] _data;

    /// <summary>Splits a card's answer (data ‖ SW1 ‖ SW2).</summary>
    /// <exception cref="CardCommunicationException">The answer is shorter than the two status bytes.</exception>
    public ResponseApdu(ReadOnlySpan<byte> response)
    {
        if (response.Length < 2)
            throw new CardCommunicationException($"A response APDU has at least 2 status bytes, but {response.Length} bytes came back.");

        _data = response[..^2].ToArray();
        SW1 = response[^2];
        SW2 = response[^1];
    }

    public ResponseApdu(ReadOnlySpan<byte> data, int statusWord)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(statusWord);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusWord, 0xFFFF);
        _data = data.ToArray();
        SW1 = (byte)(statusWord >> 8);
        SW2 = (byte)statusWord;
    }

    public byte SW1 { get; }

    public byte SW2 { get; }

    /// <summary><c>(SW1 &lt;&lt; 8) | SW2</c>, e.g. <c>0x9000</c>; compare with <see cref="StatusWords"/>.</summary>
    public int StatusWord => (SW1 << 8) | SW2;

    /// <summary>The response data field (without SW1 SW2).</summary>
    public ReadOnlyMemory<byte> Data => _data;

    public bool HasData => _data.Length > 0;

    /// <summary>Whether the card answered <c>90 00</c>.</summary>
    public bool IsSuccess => StatusWord == StatusWords.Success;

    /// <summary>The bytes as the card sent them: data ‖ SW1 ‖ SW2.</summary>
    public byte[] ToArray() => [.. _data, SW1, SW2];

    /// <summary>Status word and data length only: response data may be personal and must not reach a log.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{StatusWord:X4} ({StatusWords.Describe(StatusWord)}), {_data.Length} data bytes");
}
