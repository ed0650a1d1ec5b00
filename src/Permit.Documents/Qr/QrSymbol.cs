using ZXing.QrCode.Internal;
using ZXingMode = ZXing.QrCode.Internal.Mode;

namespace Permit.Documents.Qr;

/// <summary>How the encoder packed the text; alphanumeric is what an <c>RP1:</c> credential must get.</summary>
public enum QrEncodingMode
{
    Numeric,
    Alphanumeric,
    Byte,
    Kanji,
}

/// <summary>
/// One encoded QR symbol: the module grid ZXing's encoder chose for a text, at error correction level Q.
/// Rendering (PNG, SVG, a card or a receipt) only paints these modules, so every output carries the same symbol.
/// </summary>
public sealed class QrSymbol
{
    /// <summary>Blank modules around the symbol, as ISO/IEC 18004 requires for reliable scanning.</summary>
    public const int QuietZoneModules = 4;

    private readonly bool[] _dark;

    internal QrSymbol(string text, QRCode code)
    {
        Text = text;
        Version = code.Version.VersionNumber;
        Mode = code.Mode.Name switch
        {
            ZXingMode.Names.NUMERIC => QrEncodingMode.Numeric,
            ZXingMode.Names.ALPHANUMERIC => QrEncodingMode.Alphanumeric,
            ZXingMode.Names.KANJI => QrEncodingMode.Kanji,
            _ => QrEncodingMode.Byte,
        };
        ErrorCorrectionLevel = code.ECLevel.Name[0];
        ModuleCount = code.Matrix.Width;
        _dark = new bool[ModuleCount * ModuleCount];
        for (var y = 0; y < ModuleCount; y++)
        {
            for (var x = 0; x < ModuleCount; x++)
                _dark[(y * ModuleCount) + x] = code.Matrix[x, y] == 1;
        }
    }

    public string Text { get; }

    /// <summary>QR version 1–40; the symbol is 17 + 4 × version modules wide.</summary>
    public int Version { get; }

    public QrEncodingMode Mode { get; }

    /// <summary>'Q' (about 25 % of codewords recoverable): a printed card gets scratched.</summary>
    public char ErrorCorrectionLevel { get; }

    /// <summary>Modules per side, without the quiet zone.</summary>
    public int ModuleCount { get; }

    /// <summary>Modules per side including the quiet zone on both sides.</summary>
    public int ModuleCountWithQuietZone => ModuleCount + (2 * QuietZoneModules);

    public bool IsDark(int x, int y) => _dark[(y * ModuleCount) + x];
}
