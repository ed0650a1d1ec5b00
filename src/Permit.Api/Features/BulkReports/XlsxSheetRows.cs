using System.Xml;

namespace Permit.Api.Features.BulkReports;

/// <summary>
/// The rows of a worksheet part, read with a plain <see cref="XmlReader"/> (loading each row as SDK elements cost four
/// times as much): the <c>&lt;row&gt;</c>s of <c>&lt;worksheet&gt;&lt;sheetData&gt;</c> and the <c>&lt;c&gt;</c>s directly in them.
/// </summary>
internal static class XlsxSheetRows
{
    private const int MaxColumn = 1000;

    public static List<CsvRow> Read(Stream part, XlsxCellText text, int maxRows)
    {
        var rows = new List<CsvRow>();
        using var reader = SpreadsheetXml.Open(part);
        reader.MoveToContent();
        var isWorksheet = SpreadsheetXml.IsElement(reader, "worksheet");
        var inSheetData = false;
        var nextRow = 1;
        // The whole part is read, also past the rows: a broken one is refused as the SDK refused it.
        while (reader.Read())
        {
            if (reader.Depth == 1)
            {
                inSheetData = isWorksheet && SpreadsheetXml.IsElement(reader, "sheetData") && !reader.IsEmptyElement;
                continue;
            }
            if (!inSheetData || reader.Depth != 2 || !SpreadsheetXml.IsElement(reader, "row"))
                continue;
            // r="4294967295" wraps to -1 as the SDK's uint did when cast; the number is only shown, never looked up.
            var number = reader.GetAttribute("r") is { } r ? unchecked((int)XmlConvert.ToUInt32(r)) : nextRow;
            nextRow = number + 1;
            var fields = Fields(reader, text);
            if (fields.Count == 0)
                continue;
            if (rows.Count >= maxRows)
                throw new CsvFormatException("bulk-report-too-many-rows", $"The file has more than {maxRows - 1} data rows.", number);
            rows.Add(new CsvRow(number, fields));
        }
        return rows;
    }

    /// <summary>A row's fields, each cell at its reference's column (or after the previous cell), gaps empty, trailing empties dropped.</summary>
    private static List<string> Fields(XmlReader reader, XlsxCellText text)
    {
        var fields = new List<string>();
        if (reader.IsEmptyElement)
            return fields;
        var depth = reader.Depth;
        var column = 0;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.Depth != depth + 1 || !SpreadsheetXml.IsElement(reader, "c"))
                continue;
            var reference = reader.GetAttribute("r");
            var at = reference is null ? column : ColumnOf(reference);
            // at counts from 0: column 1000 (ALL) is the last one read.
            if (at >= MaxColumn)
                throw XlsxTable.NotXlsx("a cell lies beyond column 1000");
            var cell = Cell(reader);
            while (fields.Count < at)
                fields.Add("");
            fields.Add(text.Of(cell));
            column = at + 1;
        }
        while (fields.Count > 0 && fields[^1].Length == 0)
            fields.RemoveAt(fields.Count - 1);
        return fields;
    }

    private static XlsxCell Cell(XmlReader reader)
    {
        var type = reader.GetAttribute("t");
        var style = reader.GetAttribute("s");
        string? value = null;
        string? inline = null;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (reader.Read() && reader.Depth > depth)
            {
                if (reader.Depth != depth + 1)
                    continue;
                if (value is null && SpreadsheetXml.IsElement(reader, "v"))
                    value = SpreadsheetXml.ReadLeafText(reader);
                else if (inline is null && SpreadsheetXml.IsElement(reader, "is"))
                    inline = SpreadsheetXml.ReadRichText(reader);
            }
        }
        return new XlsxCell(type, style, value, inline);
    }

    /// <summary>The zero-based column of a reference such as <c>AB12</c> (-1 when it starts with no letter A-Z).</summary>
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
}
