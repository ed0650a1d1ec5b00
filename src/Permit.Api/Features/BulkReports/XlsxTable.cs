using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Permit.Api.Features.BulkReports;

/// <summary>
/// Reads the first worksheet of an .xlsx as rows of text, streaming the sheet with <see cref="OpenXmlReader"/> so that
/// 50,000 rows are never one DOM. Text comes from the shared-string table (as Excel writes it) or inline strings;
/// a number in a date-formatted cell (Excel's serial day number) becomes <c>YYYY-MM-DD</c>, another number its invariant
/// text, so a date typed into Excel reads the same as one typed into a CSV. Row numbers are the sheet's own.
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
            var strings = SharedStrings(workbook.SharedStringTablePart);
            var dateStyles = DateStyles(workbook.WorkbookStylesPart);
            return Rows(sheet, strings, dateStyles, maxRows);
        }
        catch (Exception e) when (e is OpenXmlPackageException or System.Xml.XmlException or InvalidDataException or InvalidCastException or FormatException)
        {
            throw NotXlsx(e.Message);
        }
    }

    private static List<CsvRow> Rows(WorksheetPart sheet, List<string> strings, HashSet<uint> dateStyles, int maxRows)
    {
        var rows = new List<CsvRow>();
        using var reader = OpenXmlReader.Create(sheet);
        var nextRow = 1;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is { } index ? (int)index : nextRow;
            nextRow = number + 1;
            var fields = new List<string>();
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var at = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : column;
                if (at > 1000)
                    throw NotXlsx("a cell lies beyond column 1000");
                while (fields.Count < at)
                    fields.Add("");
                fields.Add(Text(cell, strings, dateStyles));
                column = at + 1;
            }
            while (fields.Count > 0 && fields[^1].Length == 0)
                fields.RemoveAt(fields.Count - 1);
            if (fields.Count == 0)
                continue;
            if (rows.Count >= maxRows)
                throw new CsvFormatException("bulk-report-too-many-rows", $"The file has more than {maxRows - 1} data rows.", number);
            rows.Add(new CsvRow(number, fields));
        }
        return rows;
    }

    private static string Text(Cell cell, List<string> strings, HashSet<uint> dateStyles)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
            return cell.InlineString?.InnerText ?? "";
        var value = cell.CellValue?.Text ?? "";
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count
                ? strings[index]
                : throw NotXlsx("a cell names a shared string that does not exist");
        }
        if (type == CellValues.Boolean)
            return value == "1" ? "TRUE" : "FALSE";
        if ((type is null || type == CellValues.Number) && value.Length > 0
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) && number is >= 1 and < 2958466)
                return DateOnly.FromDateTime(DateTime.FromOADate(number)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return number.ToString("R", CultureInfo.InvariantCulture);
        }
        return value;
    }

    private static List<string> SharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
            return strings;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                strings.Add(reader.LoadCurrentElement()!.InnerText);
        }
        return strings;
    }

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

    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
                column = (column * 26) + (c - 'A' + 1);
            else
                break;
            if (column > 20000)
                break;
        }
        return column - 1;
    }

    private static CsvFormatException NotXlsx(string why) => new("bulk-report-not-xlsx", "The file is not a readable .xlsx workbook: " + why + ".");
}
