using System.Text;

namespace Permit.Api.Features.BulkReports;

/// <summary>Why a file is not a CSV table we can read at all (nothing of it is written).</summary>
public sealed class CsvFormatException : Exception
{
    public CsvFormatException(string code, string message, int? row = null) : base(message)
    {
        Code = code;
        Row = row;
    }

    public CsvFormatException() : this("bulk-report-not-csv", "The file is not a CSV table.") { }

    public CsvFormatException(string message) : this("bulk-report-not-csv", message) { }

    public CsvFormatException(string message, Exception innerException) : base(message, innerException) => Code = "bulk-report-not-csv";

    /// <summary>Stable kebab-case name of what is wrong, used as the problem <c>type</c>.</summary>
    public string Code { get; }

    /// <summary>The row (1 = header) where reading stopped, when known.</summary>
    public int? Row { get; }
}

/// <summary>One record of the file: its row number (the header is row 1, as a spreadsheet shows it) and its fields.</summary>
public sealed record CsvRow(int Row, IReadOnlyList<string> Fields);

/// <summary>
/// A strict RFC 4180 reader: UTF-8 with or without BOM, or GB18030 (<see cref="ReportText"/>), comma-separated, fields optionally in double quotes (a quote
/// inside doubled), CRLF or LF line ends, blank lines ignored. Bytes invalid in the encoding, a NUL byte, an unterminated quote or text
/// after a closing quote make the whole file malformed.
/// </summary>
public static class CsvTable
{
    public static IReadOnlyList<CsvRow> Read(ReadOnlySpan<byte> bytes, int maxRows) => Read(bytes, maxRows, ReportEncoding.Utf8);

    /// <summary>Reads the table in the chosen encoding, or the detected one (<see cref="ReportText"/>).</summary>
    public static IReadOnlyList<CsvRow> Read(ReadOnlySpan<byte> bytes, int maxRows, ReportEncoding encoding) =>
        ReadDetecting(bytes, maxRows, encoding).Rows;

    /// <summary>The rows and the encoding they were read in.</summary>
    public static (IReadOnlyList<CsvRow> Rows, ReportEncoding ReadAs) ReadDetecting(ReadOnlySpan<byte> bytes, int maxRows, ReportEncoding encoding)
    {
        var (text, read) = ReportText.Decode(bytes, encoding);
        if (text.Contains('\0', StringComparison.Ordinal))
            throw new CsvFormatException("bulk-report-not-csv", "The file holds NUL characters: it is not a CSV text file.");
        return (Parse(text, maxRows), read);
    }

    private static List<CsvRow> Parse(string text, int maxRows)
    {
        var rows = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var row = 1;
        var i = 0;
        var rowHasContent = false;
        var recordRow = 1;
        while (i <= text.Length)
        {
            if (i == text.Length || text[i] is '\n' or '\r')
            {
                if (rowHasContent)
                {
                    fields.Add(field.ToString());
                    if (rows.Count >= maxRows)
                        throw new CsvFormatException("bulk-report-too-many-rows", $"The file has more than {maxRows - 1} data rows.", row);
                    rows.Add(new CsvRow(recordRow, [.. fields]));
                }
                fields.Clear();
                field.Clear();
                rowHasContent = false;
                if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                i++;
                row++;
                continue;
            }

            var c = text[i];
            if (!rowHasContent)
                recordRow = row;
            rowHasContent = true;
            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (c == '"' && field.Length == 0)
            {
                i = ReadQuoted(text, i + 1, field, ref row);
                if (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                    throw new CsvFormatException("bulk-report-not-csv", $"Row {row}: text after a closing quote.", row);
            }
            else if (c == '"')
            {
                throw new CsvFormatException("bulk-report-not-csv", $"Row {row}: a quote inside an unquoted field.", row);
            }
            else
            {
                field.Append(c);
                i++;
            }
        }
        return rows;
    }

    /// <summary>Reads a quoted field from just after its opening quote; returns the index after the closing quote.</summary>
    private static int ReadQuoted(string text, int i, StringBuilder field, ref int row)
    {
        var startRow = row;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (c == '\n')
                row++;
            field.Append(c);
            i++;
        }
        throw new CsvFormatException("bulk-report-not-csv", $"Row {startRow}: a quoted field is never closed.", startRow);
    }
}
