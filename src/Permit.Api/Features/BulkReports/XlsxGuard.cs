using System.IO.Compression;

namespace Permit.Api.Features.BulkReports;

/// <summary>
/// Refuses an .xlsx that would unpack to far more than a report can be (a "zip bomb"), before any XML of it is parsed:
/// every entry is inflated once, counting bytes, and reading stops at the limit. The sizes an archive declares are not
/// trusted; what comes out of the inflater is counted.
/// </summary>
public static class XlsxGuard
{
    /// <summary>50,000 rows of 11 columns take about 30 MiB of sheet and shared-string XML; more is not a report.</summary>
    public const long MaxUnpackedBytes = 96L * 1024 * 1024;

    public const int MaxEntries = 200;

    public static void Check(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > MaxEntries)
                throw TooLarge($"The workbook holds {archive.Entries.Count} parts; a report has a handful.");
            var total = 0L;
            var buffer = new byte[81920];
            foreach (var entry in archive.Entries)
            {
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > MaxUnpackedBytes)
                        throw TooLarge($"The workbook unpacks to more than {MaxUnpackedBytes / (1024 * 1024)} MiB.");
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new CsvFormatException("bulk-report-not-xlsx", "The file is not a readable .xlsx workbook: " + e.Message);
        }
    }

    private static CsvFormatException TooLarge(string message) =>
        new("bulk-report-xlsx-too-large", message + " Nothing was read.");
}
