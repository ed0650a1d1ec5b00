using System.Globalization;
using System.Xml;

namespace Permit.Api.Features.BulkReports;

/// <summary>One <c>&lt;c&gt;</c> as the sheet has it: its attributes <c>t</c> and <c>s</c>, its first <c>&lt;v&gt;</c> and its first <c>&lt;is&gt;</c>.</summary>
internal readonly record struct XlsxCell(string? Type, string? Style, string? Value, string? InlineText);

/// <summary>
/// A cell's text: the shared or inline string, TRUE/FALSE, a number in a date style (Excel's serial day) as
/// <c>YYYY-MM-DD</c>, another number as its invariant round-trip text, anything else (<c>str</c>, <c>e</c>, <c>d</c>) as written.
/// </summary>
internal sealed class XlsxCellText(List<string> sharedStrings, HashSet<uint> dateStyles)
{
    public string Of(in XlsxCell cell)
    {
        var value = cell.Value ?? "";
        switch (cell.Type)
        {
            case "inlineStr":
                return cell.InlineText ?? "";
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count
                    ? sharedStrings[index]
                    : throw XlsxTable.NotXlsx("a cell names a shared string that does not exist");
            case "b":
                return value == "1" ? "TRUE" : "FALSE";
            case null or "n":
                return Number(value, cell.Style);
            case "str" or "e" or "d":
                return value;
            default:
                // The message the SDK gave for a type it does not know; Read turns it into bulk-report-not-xlsx.
                throw new FormatException("The text value is not a valid enumeration value.");
        }
    }

    private string Number(string value, string? style)
    {
        if (value.Length == 0 || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return value;
        // The style index is read only here, as the SDK parsed it (XmlConvert: surrounding whitespace allowed, no sign):
        // a bad one is refused when a number needs it and ignored elsewhere.
        if (style is not null && dateStyles.Contains(XmlConvert.ToUInt32(style)) && number is >= 1 and < 2958466)
            return DateOnly.FromDateTime(DateTime.FromOADate(number)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return number.ToString("R", CultureInfo.InvariantCulture);
    }
}
