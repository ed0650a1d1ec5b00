using System.Xml;

namespace Permit.Api.Features.BulkReports;

/// <summary>The shared-string table (<c>xl/sharedStrings.xml</c>): the text of each <c>&lt;si&gt;</c> of <c>&lt;sst&gt;</c>, by index.</summary>
internal static class XlsxSharedStrings
{
    public static List<string> Read(Stream part)
    {
        var strings = new List<string>();
        using var reader = SpreadsheetXml.Open(part);
        reader.MoveToContent();
        var isTable = SpreadsheetXml.IsElement(reader, "sst");
        // The whole part is read even when it is not a table: a broken one is refused as the SDK refused it.
        while (reader.Read())
        {
            if (isTable && reader.Depth == 1 && SpreadsheetXml.IsElement(reader, "si"))
                strings.Add(SpreadsheetXml.ReadRichText(reader));
        }
        return strings;
    }
}
