using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Permit.Api.Features.BulkReports;

/// <summary>
/// Reads the first worksheet of an .xlsx as rows of text. The SDK opens the package and finds the parts; the sheet and
/// the shared strings are read with a plain XmlReader (<see cref="XlsxSheetRows"/>, <see cref="XlsxSharedStrings"/>)
/// so that 50,000 rows are never one DOM, nor 50,000 small ones. Text comes from the shared-string table (as Excel
/// writes it) or inline strings; a number in a date-formatted cell (Excel's serial day number) becomes <c>YYYY-MM-DD</c>,
/// another number its invariant text, so a date typed into Excel reads the same as one typed into a CSV. Row numbers
/// are the sheet's own.
/// </summary>
public static class XlsxTable
{
    // Excel's built-in number formats that show dates (ECMA-376 Part 1, §18.8.30).
    private static readonly HashSet<uint> BuiltInDateFormats = [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58];

    public static bool LooksLikeXlsx(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8);

    public static IReadOnlyList<CsvRow> Read(byte[] bytes, int maxRows)
    {
        XlsxGuard.Check(bytes);
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), isEditable: false);
            var workbook = document.WorkbookPart ?? throw NotXlsx("it has no workbook");
            var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw NotXlsx("it has no worksheet");
            var sheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id?.Value ?? throw NotXlsx("its first sheet has no part"));
            var strings = workbook.SharedStringTablePart is { } table ? XlsxSharedStrings.Read(Contents(table)) : [];
            var text = new XlsxCellText(strings, DateStyles(workbook.WorkbookStylesPart));
            return XlsxSheetRows.Read(Contents(sheet), text, maxRows);
        }
        // OverflowException: a row number or style index beyond uint; it (and an empty one) used to escape as a server error.
        catch (Exception e) when (e is OpenXmlPackageException or System.Xml.XmlException or InvalidDataException or InvalidCastException or FormatException or OverflowException)
        {
            throw NotXlsx(e.Message);
        }
    }

    internal static CsvFormatException NotXlsx(string why) => new("bulk-report-not-xlsx", "The file is not a readable .xlsx workbook: " + why + ".");

    private static Stream Contents(OpenXmlPart part) => part.GetStream(FileMode.Open, FileAccess.Read);

    /// <summary>Indexes into cellXfs whose number format shows a date.</summary>
    private static HashSet<uint> DateStyles(WorkbookStylesPart? part)
    {
        var styles = new HashSet<uint>();
        var sheet = part?.Stylesheet;
        if (sheet?.CellFormats is null)
            return styles;
        var custom = sheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && IsDateFormat(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        uint index = 0;
        foreach (var format in sheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (BuiltInDateFormats.Contains(id) || custom.Contains(id))
                styles.Add(index);
            index++;
        }
        return styles;
    }

    /// <summary>A custom format shows a date when it has y or d outside quotes and brackets (m alone may be minutes).</summary>
    private static bool IsDateFormat(string? code)
    {
        if (code is null)
            return false;
        var quoted = false;
        var bracket = false;
        foreach (var c in code)
        {
            if (c == '"')
                quoted = !quoted;
            else if (!quoted && c == '[')
                bracket = true;
            else if (!quoted && c == ']')
                bracket = false;
            else if (!quoted && !bracket && c is 'y' or 'Y' or 'd' or 'D' or '年' or '日')
                return true;
        }
        return false;
    }
}
