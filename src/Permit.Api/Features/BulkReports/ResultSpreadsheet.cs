using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Permit.Api.Features.BulkReports;

/// <summary>
/// A bulk report's outcome as an .xlsx, one row per file row, in file order. Every cell is an inline string or a number,
/// never a formula; text that a spreadsheet would take for a formula (=, +, -, @, tab, CR, or their full-width forms)
/// is neutralised with a leading apostrophe, so a cell an employer typed as <c>=cmd|…</c> stays text when the result is
/// opened or saved again as CSV.
/// </summary>
public static class ResultSpreadsheet
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] Header = ["row", "outcome", "type", "name", "reporter", "column", "rule", "reason", "reportDelayWorkingDays", "reportedLate"];

    public static byte[] Write(BulkReportResponse report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, 1, Header.Select(h => (object)h));
                var index = 2u;
                foreach (var (row, cells) in Lines(report))
                {
                    _ = row;
                    WriteRow(writer, index++, cells);
                }
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            workbook.Workbook = new Workbook(new Sheets(new Sheet
            {
                Id = workbook.GetIdOfPart(sheet),
                SheetId = 1,
                Name = report.DryRun ? "dry run" : "result",
            }));
            workbook.Workbook.Save();
        }
        return output.ToArray();
    }

    /// <summary>A text a spreadsheet would not evaluate: formula-starting text gets a leading apostrophe.</summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '＝' or '＋' or '－' or '＠'
            ? "'" + text
            : text;
    }

    private static IEnumerable<(int Row, object[] Cells)> Lines(BulkReportResponse report)
    {
        var accepted = report.Accepted.Select(a => (a.Row, Cells: new object[]
        {
            a.Row, report.DryRun ? "would be accepted" : "accepted", a.Type, a.Name, a.Reporter, "", "", "",
            a.ReportDelayWorkingDays, a.ReportedLate ? "yes" : "no",
        }));
        var rejected = report.Rejected.Select(r => (r.Row, Cells: new object[]
        {
            r.Row, "rejected", "", r.Name, r.Reporter, r.Column, r.Rule, r.Reason, "", "",
        }));
        return accepted.Concat(rejected).OrderBy(l => l.Row);
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, IEnumerable<object> cells)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        foreach (var value in cells)
        {
            if (value is int number)
            {
                writer.WriteElement(new Cell(new CellValue(number.ToString(CultureInfo.InvariantCulture))) { DataType = CellValues.Number });
            }
            else
            {
                writer.WriteElement(new Cell(new InlineString(new Text(Neutralise((string)value)) { Space = SpaceProcessingModeValues.Preserve }))
                {
                    DataType = CellValues.InlineString,
                });
            }
        }
        writer.WriteEndElement();
    }
}
