using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Permit.Domain.Common;

namespace Permit.TestData;

/// <summary>
/// Report files made the way employers' tools make them: a UTF-8 CSV (with the BOM Excel's "CSV UTF-8" adds), Chinese
/// Excel's "CSV (逗号分隔)" (GB18030, CRLF, no BOM) and Excel's .xlsx (every text in the shared-string table, dates as
/// serial day numbers in a date-formatted cell). The tests and bench/Permit.Bench.BulkReports use the same files.
/// </summary>
public static class EmployerFiles
{
    public const string Header = "type,idNumber,name,communityCode,address,date,reporter,basis,evidence,ethnicGroup,hukouAddress";

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];

    /// <summary><paramref name="count"/> arrivals of different people, valid in every field.</summary>
    public static List<string[]> Arrivals(int count, DateOnly arrival)
    {
        var rows = new List<string[]>(count);
        for (var i = 0; i < count; i++)
        {
            rows.Add(
            [
                "arrival", IdNumberOf(i), Surnames[i % Surnames.Length] + "某" + (i % 97).ToString(CultureInfo.InvariantCulture),
                "330211003001", $"镇海区骆驼街道工业路{i % 500 + 1}号宿舍", arrival.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "宁波某机械有限公司", "employment", $"劳动合同{i:000000}", "01", "河南省郑州市金水区",
            ]);
        }
        return rows;
    }

    /// <summary>A distinct valid citizen ID number for person <paramref name="i"/> (Zhengzhou, born 1970–2000).</summary>
    public static string IdNumberOf(int i)
    {
        var birth = new DateOnly(1970, 1, 1).AddDays(i / 900);
        var seventeen = string.Create(CultureInfo.InvariantCulture, $"410102{birth:yyyyMMdd}{i % 900 + 100:000}");
        return seventeen + Mod11Check.Compute(seventeen);
    }

    public static string Csv(IEnumerable<string[]> rows) =>
        Header + "\r\n" + string.Concat(rows.Select(r => string.Join(',', r.Select(Quote)) + "\r\n"));

    /// <summary>What "CSV UTF-8" in Excel saves: UTF-8 with a BOM.</summary>
    public static byte[] Utf8Csv(IEnumerable<string[]> rows) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Csv(rows))];

    /// <summary>What "CSV (逗号分隔)" in Chinese Excel saves: GB18030 (GBK), CRLF, no BOM.</summary>
    public static byte[] Gb18030Csv(IEnumerable<string[]> rows)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936).GetBytes(Csv(rows));
    }

    /// <summary>An .xlsx as Excel writes it: shared strings, and the date column as serial numbers styled as dates.</summary>
    public static byte[] Xlsx(IReadOnlyList<string[]> rows)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var strings = new Dictionary<string, int>(StringComparer.Ordinal);
            int Shared(string text)
            {
                if (!strings.TryGetValue(text, out var index))
                    strings[text] = index = strings.Count;
                return index;
            }
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new SheetDimension { Reference = string.Create(CultureInfo.InvariantCulture, $"A1:K{rows.Count + 1}") });
                writer.WriteStartElement(new SheetData());
                var header = Header.Split(',');
                WriteRow(writer, 1, header.Select(h => new Cell(new CellValue(Shared(h))) { DataType = CellValues.SharedString }));
                for (var i = 0; i < rows.Count; i++)
                {
                    var cells = rows[i].Select((text, column) => column == 5 && DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var date)
                        ? new Cell(new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate())) { StyleIndex = 1 }
                        : new Cell(new CellValue(Shared(text))) { DataType = CellValues.SharedString });
                    WriteRow(writer, (uint)i + 2, cells);
                }
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            var table = workbook.AddNewPart<SharedStringTablePart>();
            table.SharedStringTable = new SharedStringTable(strings.OrderBy(s => s.Value).Select(s => new SharedStringItem(new Text(s.Key))))
            {
                Count = (uint)strings.Count,
                UniqueCount = (uint)strings.Count,
            };
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" }));
            workbook.Workbook.Save();
        }
        return output.ToArray();
    }

    /// <summary>The text of every cell of the first sheet of a result spreadsheet, and whether any cell holds a formula.</summary>
    public static (List<List<string>> Rows, bool AnyFormula) ReadSheet(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var rows = part.Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
        return (rows, part.Worksheet.Descendants<CellFormula>().Any());
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, IEnumerable<Cell> cells)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        var column = 0;
        foreach (var cell in cells)
        {
            cell.CellReference = string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + column++)}{index}");
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
