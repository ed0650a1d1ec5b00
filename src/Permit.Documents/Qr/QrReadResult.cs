namespace Permit.Documents.Qr;

public enum QrReadOutcome
{
    /// <summary>A QR code was found and its text is in <see cref="QrReadResult.Text"/>.</summary>
    Decoded,

    /// <summary>The image was read but holds no QR code that could be decoded.</summary>
    NoQrFound,

    /// <summary>The bytes are not a PNG/JPEG (or other supported) image, or the image is damaged or too large.</summary>
    NotAnImage,

    /// <summary>Pasted text was empty or only whitespace.</summary>
    Empty,
}

/// <summary>
/// What reading a QR gave. Not finding one is an everyday outcome (a blurred photo, the wrong file),
/// so it is a result to show the user, not an exception.
/// </summary>
public sealed record QrReadResult
{
    private QrReadResult(QrReadOutcome outcome, string? text, string message)
    {
        Outcome = outcome;
        Text = text;
        Message = message;
    }

    public QrReadOutcome Outcome { get; }

    /// <summary>The QR's text when <see cref="Outcome"/> is <see cref="QrReadOutcome.Decoded"/>; otherwise null.</summary>
    public string? Text { get; }

    /// <summary>A sentence fit to show the user.</summary>
    public string Message { get; }

    public bool IsDecoded => Outcome == QrReadOutcome.Decoded;

    public static QrReadResult Decoded(string text) => new(QrReadOutcome.Decoded, text, "QR code read.");

    public static QrReadResult NoQrFound() =>
        new(QrReadOutcome.NoQrFound, null, "No QR code could be read in the image; try a sharper, well-lit picture with the whole code in view.");

    public static QrReadResult NotAnImage(string why) => new(QrReadOutcome.NotAnImage, null, why);

    public static QrReadResult Empty() => new(QrReadOutcome.Empty, null, "Nothing was pasted.");
}
