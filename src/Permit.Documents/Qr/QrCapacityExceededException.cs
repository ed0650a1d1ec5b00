namespace Permit.Documents.Qr;

/// <summary>The text does not fit in the largest QR symbol (version 40) at error correction level Q.</summary>
public sealed class QrCapacityExceededException : Exception
{
    public QrCapacityExceededException()
        : base("The text does not fit in a QR code at error correction level Q.")
    {
    }

    public QrCapacityExceededException(string message)
        : base(message)
    {
    }

    public QrCapacityExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public QrCapacityExceededException(int textLength, Exception? innerException = null)
        : base(
            $"A text of {textLength} characters does not fit in a QR code at error correction level Q " +
            "(at most 2420 alphanumeric characters, or 1663 bytes of other text).",
            innerException)
    {
        TextLength = textLength;
    }

    public int TextLength { get; }
}
