namespace Permit.Api.Features.BulkReports;

/// <summary>A report file's rows, whatever it was sent as: an .xlsx workbook (by its zip signature) or CSV text.</summary>
public static class ReportFile
{
    /// <summary>The rows, and how the file was read: <c>xlsx</c>, <c>utf-8</c> or <c>gb18030</c>.</summary>
    public static (IReadOnlyList<CsvRow> Rows, string ReadAs) Read(byte[] bytes, int maxRows, ReportEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (XlsxTable.LooksLikeXlsx(bytes))
            return (XlsxTable.Read(bytes, maxRows), "xlsx");
        var (rows, read) = CsvTable.ReadDetecting(bytes, maxRows, encoding);
        return (rows, read == ReportEncoding.Gb18030 ? "gb18030" : "utf-8");
    }
}
