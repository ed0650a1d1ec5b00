using System.Text;
using System.Xml;

namespace Permit.Api.Features.BulkReports;

/// <summary>
/// Plain <see cref="XmlReader"/> access to SpreadsheetML parts, reading text the way the OpenXML SDK's DOM did, so that a
/// workbook reads the same as when each row was loaded as SDK elements (XlsxEmployerFileTests pins the cases down).
/// </summary>
/// <remarks>
/// Every <c>Read…</c> method takes the reader on a start element and leaves it on that element's last node (its end tag,
/// or the element itself when empty), so the caller's <c>while (reader.Read())</c> goes on with what follows.
/// </remarks>
internal static class SpreadsheetXml
{
    private const string Transitional = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    // The SDK reads Strict OOXML by mapping its namespaces to the transitional ones, so either may name an element.
    private const string Strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";

    private static readonly XmlReaderSettings Settings = new()
    {
        // An uploaded file must not get to expand entities or fetch anything.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        // Whitespace-only text is a value too: "   " in a <t> stays "   ", with or without xml:space="preserve".
        IgnoreWhitespace = false,
        CloseInput = true,
    };

    public static XmlReader Open(Stream part) => XmlReader.Create(part, Settings);

    /// <summary>Whether the reader is on a start tag of <paramref name="localName"/> in the SpreadsheetML namespace.</summary>
    public static bool IsElement(XmlReader reader, string localName) =>
        reader.NodeType == XmlNodeType.Element && reader.LocalName == localName && reader.NamespaceURI is Transitional or Strict;

    /// <summary>
    /// The text of a <c>&lt;t&gt;</c> or <c>&lt;v&gt;</c>: its first non-empty text, CDATA or whitespace child, as the
    /// SDK's leaf text elements hold it. Anything after that (more text past a comment, child elements) is not part of it.
    /// </summary>
    public static string ReadLeafText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
            return "";
        var depth = reader.Depth;
        var text = "";
        while (reader.Read() && reader.Depth > depth)
        {
            if (text.Length == 0 && reader.Depth == depth + 1
                && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                text = reader.Value;
        }
        return text;
    }

    /// <summary>
    /// The text of a shared-string item <c>&lt;si&gt;</c> or an inline string <c>&lt;is&gt;</c>: every <c>&lt;t&gt;</c> in it
    /// at any depth, in order. That is what the SDK's <c>InnerText</c> gave, rich-text runs (<c>&lt;r&gt;&lt;t&gt;</c>) and
    /// phonetic runs (<c>&lt;rPh&gt;&lt;t&gt;</c>, the reading Japanese Excel keeps beside the text) alike: 東京 with the
    /// reading トウキョウ reads 東京トウキョウ, as it did. Text directly inside <c>&lt;si&gt;</c>, <c>&lt;r&gt;</c> or
    /// <c>&lt;rPh&gt;</c> is not part of it.
    /// </summary>
    public static string ReadRichText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
            return "";
        var depth = reader.Depth;
        var text = "";
        StringBuilder? runs = null;
        while (reader.Read() && reader.Depth > depth)
        {
            if (!IsElement(reader, "t"))
                continue;
            var run = ReadLeafText(reader);
            if (text.Length == 0)
                text = run;
            else
                (runs ??= new StringBuilder(text)).Append(run);
        }
        return runs?.ToString() ?? text;
    }
}
