using System.IO.Compression;
using System.Text;
using Permit.Api.Features.BulkReports;

namespace Permit.Api.Tests.Features.BulkReports;

/// <summary>
/// Employers' .xlsx files cell by cell: what Excel and other tools write that the 50,000-row workbook of
/// <see cref="EmployerFileTests"/> does not (rich text, inline strings, kept spaces, Strict OOXML) and what an attacker
/// or a broken tool writes. The workbooks are zipped by hand so that each part holds exactly the XML under test.
/// </summary>
public sealed class XlsxEmployerFileTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public void Rich_text_runs_in_a_shared_string_read_as_all_of_their_text_and_a_phonetic_reading_is_left_out()
    {
        var file = Workbook(
            """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>""",
            """<r><rPr><b/><sz val="11"/></rPr><t>宁波</t></r><r><t xml:space="preserve"> 某机械 </t></r><r><t>有限公司</t></r>""",
            // Japanese Excel keeps the reading of 東京 beside it; Excel shows 東京 alone, and so does the report.
            """<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>""");

        var rows = XlsxTable.Read(file, 10);

        Assert.Equal(["宁波 某机械 有限公司", "東京"], Assert.Single(rows).Fields);
    }

    [Fact]
    public void Inline_strings_read_as_their_text_and_rich_text_runs()
    {
        var file = Workbook(
            """
            <row r="1">
              <c r="A1" t="inlineStr"><is><t>arrival</t></is></c>
              <c r="B1" t="inlineStr"><is><r><rPr><i/></rPr><t>王</t></r><r><t>某</t></r></is></c>
              <c r="C1" t="inlineStr"><v>ignored without is</v></c>
              <c r="D1" t="inlineStr"><is/></c>
              <c r="E1" t="inlineStr">
                <is>
                  <t>pretty-printed</t>
                </is>
              </c>
            </row>
            """);

        Assert.Equal(["arrival", "王某", "", "", "pretty-printed"], Assert.Single(XlsxTable.Read(file, 10)).Fields);
    }

    [Fact]
    public void A_comment_or_CDATA_inside_a_text_or_value_does_not_cut_it_short()
    {
        var file = Workbook(
            """
            <row r="1">
              <c r="A1" t="s"><v>0</v></c>
              <c r="B1" t="inlineStr"><is><t>宁<!-- a tool's note -->波</t></is></c>
              <c r="C1"><v>12<!-- note -->34</v></c>
            </row>
            """,
            """<t>某<![CDATA[机械]]>公司</t>""");

        Assert.Equal(["某机械公司", "宁波", "1234"], Assert.Single(XlsxTable.Read(file, 10)).Fields);
    }

    [Fact]
    public void Spaces_around_text_are_kept_and_whitespace_alone_is_a_value()
    {
        var file = Workbook(
            """
            <row r="1">
              <c r="A1" t="s"><v>0</v></c>
              <c r="B1" t="inlineStr"><is><t xml:space="preserve">  inline  </t></is></c>
              <c r="C1" t="s"><v>1</v></c>
              <c r="D1" t="inlineStr"><is><t>   </t></is></c>
            </row>
            """,
            """<t xml:space="preserve">  shared  </t>""",
            """<t xml:space="preserve"> </t>""");

        Assert.Equal(["  shared  ", "  inline  ", " ", "   "], Assert.Single(XlsxTable.Read(file, 10)).Fields);
    }

    [Fact]
    public void Cells_sit_in_their_referenced_columns_rows_keep_the_sheet_numbers_and_empty_rows_are_skipped()
    {
        var file = Workbook(
            """
            <row r="2"><c r="B2" t="str"><v>second column</v></c><c><v>7</v></c><c r="F2" t="str"><v></v></c></row>
            <row r="3"><c r="A3" t="str"><v></v></c></row>
            <row r="5" spans="1:6">
              <c r="A5" s="1"><v>46080</v></c><c r="B5" s="2"><v>46080</v></c><c r="C5" s="3"><v>46080</v></c>
              <c r="D5" t="b"><v>1</v></c><c r="E5" t="b"><v>0</v></c><c r="F5"><v>1.50</v></c>
            </row>
            <row><c t="e"><v>#N/A</v></c><c t="str"><f>A1&amp;"x"</f><v>formula result</v></c><c t="n"><v>123456789012345678901</v></c></row>
            """);

        var rows = XlsxTable.Read(file, 10);

        Assert.Equal([2, 5, 6], rows.Select(r => r.Row));
        Assert.Equal(["", "second column", "7"], rows[0].Fields);
        // s="1" is date format 14, s="2" a custom date format, s="3" the custom number format 0.00.
        Assert.Equal(["2026-02-27", "2026-02-27", "46080", "TRUE", "FALSE", "1.5"], rows[1].Fields);
        Assert.Equal(["#N/A", "formula result", "1.2345678901234568E+20"], rows[2].Fields);
    }

    [Fact]
    public void A_sheet_in_the_Strict_namespace_reads_as_a_transitional_one()
    {
        var parts = Parts("""<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>46080</v></c></row>""", "<t>strict</t>");
        // Strict names the relationships and the SpreadsheetML elements in its own namespaces.
        var file = Zip(parts.ToDictionary(
            p => p.Key,
            p => p.Value.Replace(Main, "http://purl.oclc.org/ooxml/spreadsheetml/main", StringComparison.Ordinal)
                .Replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships", StringComparison.Ordinal),
            StringComparer.Ordinal));

        Assert.Equal(["strict", "2026-02-27"], Assert.Single(XlsxTable.Read(file, 10)).Fields);
    }

    [Fact]
    public void A_cell_beyond_column_1000_is_refused()
    {
        var last = Workbook("""<row r="1"><c r="ALL1"><v>1</v></c></row>""");
        var beyond = Workbook("""<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="XFD2"/></row>""");
        var next = Workbook("""<row r="1"><c r="ALM1"><v>1</v></c></row>""");

        Assert.Equal(1000, Assert.Single(XlsxTable.Read(last, 10)).Fields.Count);
        foreach (var file in new[] { beyond, next })
        {
            var refused = Assert.Throws<CsvFormatException>(() => XlsxTable.Read(file, 10));
            Assert.Equal(("bulk-report-not-xlsx", "The file is not a readable .xlsx workbook: a cell lies beyond column 1000."), (refused.Code, refused.Message));
        }
    }

    [Theory]
    [InlineData("2")]
    [InlineData("-1")]
    [InlineData(" 0")]
    [InlineData("first")]
    [InlineData("")]
    public void A_cell_naming_a_shared_string_that_does_not_exist_is_refused(string index)
    {
        var file = Workbook($"""<row r="1"><c r="A1" t="s"><v>{index}</v></c></row>""", "<t>zero</t>", "<t>one</t>");

        var refused = Assert.Throws<CsvFormatException>(() => XlsxTable.Read(file, 10));

        Assert.Equal(("bulk-report-not-xlsx", "The file is not a readable .xlsx workbook: a cell names a shared string that does not exist."), (refused.Code, refused.Message));
    }

    [Fact]
    public void A_shared_string_cell_in_a_workbook_without_a_shared_string_table_is_refused()
    {
        var file = Workbook("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>""");

        Assert.Equal("bulk-report-not-xlsx", Assert.Throws<CsvFormatException>(() => XlsxTable.Read(file, 10)).Code);
    }

    [Fact]
    public void A_DTD_in_the_sheet_or_the_shared_strings_is_refused_before_any_entity_is_expanded()
    {
        const string Dtd = """<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>""";
        var inSheet = Parts("""<row r="1"><c r="A1" t="str"><v>&b;</v></c></row>""");
        inSheet[Sheet] = inSheet[Sheet].Replace("<worksheet", Dtd + "<worksheet", StringComparison.Ordinal);
        var inStrings = Parts("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>""", "<t>&b;</t>");
        inStrings[Strings] = inStrings[Strings].Replace("<sst", Dtd + "<sst", StringComparison.Ordinal);

        foreach (var parts in new[] { inSheet, inStrings })
        {
            var refused = Assert.Throws<CsvFormatException>(() => XlsxTable.Read(Zip(parts), 10));
            Assert.Equal("bulk-report-not-xlsx", refused.Code);
            Assert.Contains("DTD is prohibited", refused.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""<row r="4294967296"><c><v>1</v></c></row>""")]
    [InlineData("""<row r=""><c><v>1</v></c></row>""")]
    [InlineData("""<row r="1"><c s="4294967296"><v>1</v></c></row>""")]
    [InlineData("""<row r="1"><c s="first"><v>1</v></c></row>""")]
    [InlineData("""<row r="1"><c t="string"><v>1</v></c></row>""")]
    [InlineData("""<row r="1"><c><v>1</v></c>""")]
    public void A_malformed_row_number_style_type_or_tag_is_refused_as_not_an_xlsx(string rows)
    {
        Assert.Equal("bulk-report-not-xlsx", Assert.Throws<CsvFormatException>(() => XlsxTable.Read(Workbook(rows), 10)).Code);
    }

    [Fact]
    public void More_rows_than_allowed_are_refused_at_the_first_one_too_many_by_its_sheet_row_number()
    {
        var file = Workbook("""<row r="1"><c><v>1</v></c></row><row r="2"/><row r="8"><c><v>2</v></c></row><row r="9"><c><v>3</v></c></row>""");

        var refused = Assert.Throws<CsvFormatException>(() => XlsxTable.Read(file, 2));

        Assert.Equal(("bulk-report-too-many-rows", 9, "The file has more than 1 data rows."), (refused.Code, refused.Row, refused.Message));
    }

    private const string Sheet = "xl/worksheets/sheet1.xml";
    private const string Strings = "xl/sharedStrings.xml";

    /// <summary>
    /// A workbook of one sheet holding <paramref name="rows"/> in its sheetData, a shared-string table of
    /// <paramref name="sharedStrings"/> (the contents of each si; none: no table) and styles 0 general, 1 date format 14,
    /// 2 custom date yyyy/m/d, 3 custom number 0.00.
    /// </summary>
    private static byte[] Workbook(string rows, params string[] sharedStrings) => Zip(Parts(rows, sharedStrings));

    private static Dictionary<string, string> Parts(string rows, params string[] sharedStrings)
    {
        const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var parts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["[Content_Types].xml"] = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"""
                + """<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"""
                + """<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"""
                + """<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""
                + """<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"""
                + """<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""",
            ["_rels/.rels"] = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
                + $"""<Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>""",
            ["xl/workbook.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="{Relationships}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""",
            ["xl/_rels/workbook.xml.rels"] = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
                + $"""<Relationship Id="rId1" Type="{Relationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{Relationships}/styles" Target="styles.xml"/>"""
                + (sharedStrings.Length > 0 ? $"""<Relationship Id="rId3" Type="{Relationships}/sharedStrings" Target="sharedStrings.xml"/>""" : "") + "</Relationships>",
            ["xl/styles.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{Main}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/m/d"/><numFmt numFmtId="165" formatCode="0.00"/></numFmts>"""
                + """<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs></styleSheet>""",
            [Sheet] = $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData>{rows}</sheetData></worksheet>""",
        };
        if (sharedStrings.Length > 0)
        {
            parts[Strings] = $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{Main}" count="{sharedStrings.Length}" uniqueCount="{sharedStrings.Length}">"""
                + string.Concat(sharedStrings.Select(s => "<si>" + s + "</si>")) + "</sst>";
        }
        return parts;
    }

    private static byte[] Zip(Dictionary<string, string> parts)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in parts)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(xml));
            }
        }
        return output.ToArray();
    }
}
