using System.Text;

namespace Permit.Api.Features.BulkReports;

/// <summary>How the text of a CSV report is encoded: chosen on upload, or detected.</summary>
public enum ReportEncoding
{
    /// <summary>A UTF-8 BOM or valid UTF-8 is UTF-8; anything else is read as GB18030 (what Chinese Excel saves).</summary>
    Detect,
    Utf8,
    Gb18030,
}

/// <summary>
/// Decodes a CSV report's bytes strictly: an invalid byte sequence is an error, never a replacement character. Chinese
/// Excel's "CSV (逗号分隔)" is GBK/GB18030 without a BOM; "CSV UTF-8" has a BOM; other tools write UTF-8 without one.
/// </summary>
public static class ReportText
{
    /// <summary>GB18030 (code page 54936), a superset of GBK and GB2312, from the code-pages provider.</summary>
    public const int Gb18030CodePage = 54936;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> StrictGb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(Gb18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    public static bool TryParse(string? text, out ReportEncoding encoding)
    {
        encoding = (text?.Trim().ToUpperInvariant()) switch
        {
            null or "" or "AUTO" or "DETECT" => ReportEncoding.Detect,
            "UTF-8" or "UTF8" => ReportEncoding.Utf8,
            "GB18030" or "GBK" or "GB2312" => ReportEncoding.Gb18030,
            _ => (ReportEncoding)(-1),
        };
        return Enum.IsDefined(encoding);
    }

    /// <summary>The text and the encoding it was read in; <see cref="CsvFormatException"/> when it is not text in it.</summary>
    public static (string Text, ReportEncoding Encoding) Decode(ReadOnlySpan<byte> bytes, ReportEncoding choice)
    {
        var bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        if (choice == ReportEncoding.Utf8 || (choice == ReportEncoding.Detect && bom))
        {
            return TryDecode(StrictUtf8, bom ? bytes[3..] : bytes, out var utf8)
                ? (utf8, ReportEncoding.Utf8)
                : throw new CsvFormatException("bulk-report-not-text", "The file is not UTF-8 text.");
        }
        if (choice == ReportEncoding.Detect && TryDecode(StrictUtf8, bytes, out var text))
            return (text, ReportEncoding.Utf8);
        return TryDecode(StrictGb18030.Value, bytes, out var gb)
            ? (gb, ReportEncoding.Gb18030)
            : throw new CsvFormatException("bulk-report-not-text", choice == ReportEncoding.Gb18030
                ? "The file is not GB18030 text."
                : "The file is neither UTF-8 nor GB18030 (GBK) text.");
    }

    private static bool TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }
}
