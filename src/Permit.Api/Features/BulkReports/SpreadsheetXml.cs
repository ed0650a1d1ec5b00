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
    /// The text of a <c>&lt;t&gt;</c> or <c>&lt;v&gt;</c>: all of its text, CDATA and whitespace children in order, so a
    /// comment inside (<c>&lt;t&gt;a&lt;!--c--&gt;b&lt;/t&gt;</c>) does not cut the value short: it reads "ab".
    /// </summary>
    public static string ReadLeafText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
            return "";
        var depth = reader.Depth;
        var text = new Pieces();
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.Depth == depth + 1
                && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                text.Add(reader.Value);
        }
        return text.ToString();
    }

    /// <summary>
    /// The text of a shared-string item <c>&lt;si&gt;</c> or an inline string <c>&lt;is&gt;</c>: every <c>&lt;t&gt;</c> in it,
    /// in order, rich-text runs (<c>&lt;r&gt;&lt;t&gt;</c>) included, as Excel shows the cell. A phonetic run
    /// (<c>&lt;rPh&gt;</c>, the reading Japanese Excel keeps beside the text) is not part of the value: 東京 with the reading
    /// トウキョウ reads 東京. Text directly inside <c>&lt;si&gt;</c> or <c>&lt;r&gt;</c> is not part of it either.
    /// </summary>
    public static string ReadRichText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
            return "";
        var depth = reader.Depth;
        var text = new Pieces();
        int? phonetic = null;
        while (reader.Read() && reader.Depth > depth)
        {
            if (phonetic is { } at)
            {
                if (reader.Depth == at && reader.NodeType == XmlNodeType.EndElement)
                    phonetic = null;
                continue;
            }
            if (IsElement(reader, "rPh"))
            {
                if (!reader.IsEmptyElement)
                    phonetic = reader.Depth;
                continue;
            }
            if (IsElement(reader, "t"))
                text.Add(ReadLeafText(reader));
        }
        return text.ToString();
    }

    /// <summary>Text in pieces, joined; most values are one piece, so a builder is made only for a second.</summary>
    private struct Pieces
    {
        private string? _first;
        private StringBuilder? _more;

        public void Add(string piece)
        {
            if (_more is not null)
                _more.Append(piece);
            else if (string.IsNullOrEmpty(_first))
                _first = piece;
            else
                _more = new StringBuilder(_first).Append(piece);
        }

        public override readonly string ToString() => _more?.ToString() ?? _first ?? "";
    }
}
