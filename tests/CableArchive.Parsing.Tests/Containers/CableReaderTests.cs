using System.Text;
using CableArchive.Domain;
using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;
using CableArchive.Parsing.Containers;

namespace CableArchive.Parsing.Tests.Containers;

public class CableReaderTests
{
    /// <summary>A small page in the structure of the WikiLeaks cable pages of December 2010 (cable-format notes §1.1).</summary>
    private const string Page = """
        <?xml version='1.0' encoding='utf-8' ?>
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html lang='en' xml:lang='en' xmlns='http://www.w3.org/1999/xhtml'>
        <head><title>Cable Viewer</title></head>
        <body>
        <div class='pane big'>
        <h3>Viewing cable 09ANYTOWN123, SOMETHING HAPPENED</h3>
        <table class='cable'>
        <tr>
        <th>Reference ID</th>
        <th>Created</th>
        <th>Released</th>
        <th>Classification</th>
        <th>Origin</th>
        </tr>
        <tr>
        <td>
        <a href='/cable/2009/03/09ANYTOWN123.html'>09ANYTOWN123</a>
        </td>
        <td>
        <a href='/date/2009-03_0.html'>2009-03-05 14:02</a>
        </td>
        <td>
        <a href='/reldate/2010-12-01_0.html'>2010-12-01 21:09</a>
        </td>
        <td>
        <a href='/classification/1_0.html' title='unclassified'>CONFIDENTIAL</a>
        </td>
        <td>
        <a href='/origin/99_0.html'>Embassy Anytown</a>
        </td>
        </tr>
        <tr>
        <td colspan='5'>
        Appears in these articles:<br />
        <a href='http://example.org/article'>http://example.org/article</a><br />
        </td>
        </tr>
        </table>
        <code><pre>VZCZCXRO1111&#x000A;PP RUEHAA&#x000A;DE RUEHZZ #0123/01 0641432&#x000A;ZNY CCCCC ZZH&#x000A;P 051432Z MAR 09&#x000A;FM AMEMBASSY ANYTOWN&#x000A;TO RUEHC/SECSTATE WASHDC PRIORITY 1234</pre></code>
        <code><pre>C O N F I D E N T I A L SECTION 01 OF 02 ANYTOWN 000123 &#x000A; &#x000A;SIPDIS &#x000A;E.O. 12958: DECL: 03/05/2019 &#x000A;TAGS: <a href='/tag/PGOV_0.html'>PGOV</a> <a href='/tag/XX_0.html'>XX</a>&#x000A;SUBJECT: R&amp;D AND A &lt;TEST&gt; \&#x000A;&#x000A;<a id='par1' href='#par1'>¶</a>1. (C) First paragraph.<br>&#x000A;<a id='parB' href='#parB'>¶</a>B. ANYTOWN 99&#x000A;SMITH</pre></code>
        </div>
        </body>
        </html>
        """;

    private static CableDocument ReadOne(string content, string path) => ReadOne(Encoding.UTF8.GetBytes(content), path);

    private static CableDocument ReadOne(byte[] content, string path) => Assert.Single(CableReader.Read(new MemoryStream(content), path));

    [Fact]
    public void Html_page_with_upper_case_tags_reads_the_same()
    {
        var upper = Page;
        foreach (var tag in new[] { "pre", "table", "th", "td", "tr", "a" })
            upper = upper.Replace($"<{tag}", $"<{tag.ToUpperInvariant()}", StringComparison.Ordinal).Replace($"</{tag}>", $"</{tag.ToUpperInvariant()}>", StringComparison.Ordinal);
        upper = upper.Replace("class='cable'", "CLASS='CABLE'", StringComparison.Ordinal);

        var expected = ReadOne(Page, "09ANYTOWN123.html");
        var document = ReadOne(upper, "09ANYTOWN123.html");

        Assert.Contains("<PRE>", upper, StringComparison.Ordinal);
        Assert.Equal(expected.Header, document.Header);
        Assert.Equal(expected.Body, document.Body);
        Assert.Equal(expected.Metadata, document.Metadata);
        Assert.Equal(upper, document.RawRecord);
    }

    [Fact]
    public void Html_page_read_from_memory_equals_the_page_read_from_a_stream()
    {
        var bytes = Encoding.UTF8.GetBytes(Page);

        var fromStream = ReadOne(bytes, "09ANYTOWN123.html");
        var fromMemory = Assert.Single(CableReader.Read(bytes, "09ANYTOWN123.html"));

        Assert.Equal(fromStream.Header, fromMemory.Header);
        Assert.Equal(fromStream.Body, fromMemory.Body);
        Assert.Equal(fromStream.Metadata, fromMemory.Metadata);
        Assert.Equal(Page, fromMemory.RawRecord);
    }

    [Fact]
    public void Html_table_written_with_other_attributes_is_found_by_the_tag_scan()
    {
        var page = Page.Replace("<table class='cable'>", "<table id='t' class=\"Cable\" border='0'>", StringComparison.Ordinal);

        var document = ReadOne(page, "09ANYTOWN123.html");

        Assert.Equal("09ANYTOWN123", document.Metadata?.Id);
        Assert.Equal(new DateTime(2009, 3, 5, 14, 2, 0, DateTimeKind.Utc), document.Metadata?.Created);
    }

    [Fact]
    public void Html_navigation_that_is_not_utf8_does_not_change_how_the_cable_is_decoded()
    {
        // Only the table and the <pre> blocks are decoded; a stray Windows-1252 byte in the navigation leaves them UTF-8.
        var bytes = Encoding.UTF8.GetBytes(Page.Replace("</title>", "\u00E9</title>", StringComparison.Ordinal).Replace("First paragraph", "Caf\u00E9 paragraph", StringComparison.Ordinal));
        var navigation = Array.IndexOf(bytes, (byte)0xC3);
        bytes[navigation] = 0xE9;
        bytes[navigation + 1] = (byte)' ';

        var document = ReadOne(bytes, "09ANYTOWN123.html");

        Assert.Contains("Caf\u00E9 paragraph", document.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(document.Diagnostics, d => d.Message.Contains("not valid UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_cable_text_that_is_not_utf8_is_decoded_as_windows_1252_with_a_warning()
    {
        var bytes = Encoding.UTF8.GetBytes(Page.Replace("First paragraph", "Caf\u00E9 paragraph", StringComparison.Ordinal));
        var cableText = Array.IndexOf(bytes, (byte)0xC3);
        bytes[cableText] = 0xE9;
        bytes[cableText + 1] = (byte)' ';

        var document = ReadOne(bytes, "09ANYTOWN123.html");

        Assert.Contains("Caf\u00E9  paragraph", document.Body, StringComparison.Ordinal);
        Assert.Contains(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("not valid UTF-8", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2009-03-05 14:02", "2009-03-05T14:02:00")]
    [InlineData(" 2009-03-05 14:02 ", "2009-03-05T14:02:00")]
    [InlineData("2009-03-05 14:02:33", "2009-03-05T14:02:33")]
    [InlineData("3/5/2009 14:02", "2009-03-05T14:02:00")]
    [InlineData("2009-02-29 14:02", null)]
    [InlineData("2009-13-05 14:02", null)]
    [InlineData("2009-03-05 24:02", null)]
    [InlineData("XXXX-XX-XX XX:XX", null)]
    public void Container_dates_are_read_as_utc_or_not_at_all(string text, string? expected)
    {
        var date = ContainerFields.ParseDate(text);

        Assert.Equal(expected is null ? null : DateTime.SpecifyKind(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), date);
        Assert.True(date is null || date.Value.Kind == DateTimeKind.Utc);
    }

    [Fact]
    public void Html_page_gives_header_body_and_the_table_metadata()
    {
        var document = ReadOne(Page, "09ANYTOWN123.html");

        Assert.Equal(CableFormat.WikiLeaksHtml, document.Source.Format);
        Assert.Equal("VZCZCXRO1111\nPP RUEHAA\nDE RUEHZZ #0123/01 0641432\nZNY CCCCC ZZH\nP 051432Z MAR 09\nFM AMEMBASSY ANYTOWN\nTO RUEHC/SECSTATE WASHDC PRIORITY 1234", document.Header);
        Assert.StartsWith("C O N F I D E N T I A L SECTION 01 OF 02 ANYTOWN 000123 \n \nSIPDIS \n", document.Body, StringComparison.Ordinal);
        Assert.Contains("TAGS: PGOV XX\n", document.Body, StringComparison.Ordinal);
        Assert.Empty(document.Diagnostics);
        Assert.Equal(Page, document.RawRecord);

        var metadata = document.Metadata!;
        Assert.Equal("09ANYTOWN123", metadata.Id);
        Assert.Equal(new DateTime(2009, 3, 5, 14, 2, 0, DateTimeKind.Utc), metadata.Created);
        Assert.Equal(new DateTime(2010, 12, 1, 21, 9, 0, DateTimeKind.Utc), metadata.Released);
        Assert.Equal("Embassy Anytown", metadata.Origin);
    }

    [Fact]
    public void Html_classification_is_the_link_text_never_the_title()
    {
        var metadata = ReadOne(Page, "page.html").Metadata!;
        Assert.Equal("CONFIDENTIAL", metadata.ClassificationText);
        Assert.Equal(ClassificationLabel.Parse("CONFIDENTIAL"), metadata.Classification);
    }

    [Fact]
    public void Html_entities_are_decoded_and_tags_anchors_and_pilcrows_removed()
    {
        var body = ReadOne(Page, "page.html").Body;
        Assert.Contains("SUBJECT: R&D AND A <TEST> \n\n1. (C) First paragraph.\nB. ANYTOWN 99\nSMITH", body, StringComparison.Ordinal);
        Assert.DoesNotContain('¶', body);
        Assert.DoesNotContain("<a", body, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_page_with_one_pre_block_has_no_header()
    {
        var onePre = Page.Replace("<code><pre>VZCZCXRO1111", "<code><xpre>VZCZCXRO1111", StringComparison.Ordinal)
            .Replace("PRIORITY 1234</pre></code>", "PRIORITY 1234</xpre></code>", StringComparison.Ordinal);
        var document = ReadOne(onePre, "page.html");
        Assert.Equal("", document.Header);
        Assert.StartsWith("C O N F I D E N T I A L", document.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_body_wrapped_by_a_media_date_line_is_unwrapped_with_an_info()
    {
        var wrapped = Page.Replace("<code><pre>C O N F", "<code><pre>Thursday, 05 March 2009, 14:32&#x000A;C O N F", StringComparison.Ordinal);
        var document = ReadOne(wrapped, "page.html");
        Assert.StartsWith("C O N F I D E N T I A L", document.Body, StringComparison.Ordinal);
        Assert.Contains(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Message.Contains("date line", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_without_pre_blocks_is_read_as_text_with_a_warning()
    {
        var document = ReadOne("<html><body><p>S E C R E T STATE 000001</p><p>Hello</p></body></html>", "x.html");
        Assert.Equal(CableFormat.WikiLeaksHtml, document.Source.Format);
        Assert.Contains("S E C R E T STATE 000001", document.Body, StringComparison.Ordinal);
        Assert.Contains(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
    }

    /// <summary>A Markdown rendering as the seed 08TOKYO2577.md is written: header lines, then the body, links to # for anchors and tags.</summary>
    private const string Rendering = """


        VZCZCXRO1111
        PP RUEHAA
        DE RUEHZZ #0123 0641432
        ZNY CCCCC ZZH
        P 051432Z MAR 09
        FM AMEMBASSY ANYTOWN
        TO RUEHC/SECSTATE WASHDC PRIORITY 1234

        C O N F I D E N T I A L ANYTOWN 000123

        SIPDIS

        TAGS: [PGOV](#) [PREL](#) [XX](#)

        SUBJECT: A \*STARRED\* SUBJECT

        [¶1.](#) (C) First paragraph, on March [¶5.](#) More text.

        [¶](#)2. (C) Second paragraph.
        SMITH
        """;

    [Fact]
    public void Markdown_rendering_is_read_through_its_syntax_tree()
    {
        var document = ReadOne(Rendering, "cable.md");

        Assert.Equal(CableFormat.Markdown, document.Source.Format);
        Assert.StartsWith("VZCZCXRO1111\nPP RUEHAA\n", document.Header, StringComparison.Ordinal);
        Assert.EndsWith("TO RUEHC/SECSTATE WASHDC PRIORITY 1234", document.Header, StringComparison.Ordinal);
        Assert.StartsWith("C O N F I D E N T I A L ANYTOWN 000123\n", document.Body, StringComparison.Ordinal);
        Assert.Contains("TAGS: PGOV PREL XX\n", document.Body, StringComparison.Ordinal);
        Assert.Contains("SUBJECT: A *STARRED* SUBJECT\n", document.Body, StringComparison.Ordinal);
        Assert.Contains("\n1. (C) First paragraph, on March 5. More text.\n", document.Body, StringComparison.Ordinal);
        Assert.Contains("\n2. (C) Second paragraph.\nSMITH", document.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("](#)", document.Body, StringComparison.Ordinal);
        Assert.DoesNotContain('¶', document.Body);
    }

    [Fact]
    public void Markdown_table_gives_metadata_and_code_blocks_give_header_and_body()
    {
        const string rendering = """
            ### Viewing cable 09ANYTOWN123, SOMETHING

            | Reference ID | Created | Released | Classification | Origin |
            |---|---|---|---|---|
            | [09ANYTOWN123](#) | 2009-03-05 14:02 | 2010-12-01 21:09 | [SECRET//NOFORN](#) | [Embassy Anytown](#) |

            ```
            P 051432Z MAR 09
            FM AMEMBASSY ANYTOWN
            TO SECSTATE WASHDC 1234
            ```

            ```
            S E C R E T ANYTOWN 000123
            1. (S) Text.
            ```
            """;
        var document = ReadOne(rendering, "-");

        Assert.Equal(CableFormat.Markdown, document.Source.Format);
        Assert.Equal("P 051432Z MAR 09\nFM AMEMBASSY ANYTOWN\nTO SECSTATE WASHDC 1234", document.Header);
        Assert.Equal("S E C R E T ANYTOWN 000123\n1. (S) Text.", document.Body);
        var metadata = document.Metadata!;
        Assert.Equal(("09ANYTOWN123", "Embassy Anytown", "SECRET//NOFORN"), (metadata.Id, metadata.Origin, metadata.ClassificationText));
        Assert.Equal(new DateTime(2009, 3, 5, 14, 2, 0, DateTimeKind.Utc), metadata.Created);
    }

    /// <summary>
    /// Three cables.csv rows (§1.2): backslash-escaped quotes and apostrophes, a multi-line field; a fourth row has a broken
    /// quote (the closing quote of its body is escaped) and a fifth reads as usual after it.
    /// </summary>
    private const string Csv =
        "\"1\",\"12/28/1966 18:48\",\"66BUENOSAIRES2481\",\"Embassy Buenos Aires\",\"UNCLASSIFIED\",\"66STATE106206\",\"P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC PRIORITY\",\"UNCLASSIFIED BUENOS AIRES 2481\n\nSUBJ: \\\"PREFERENTIAL JURISDICTION\\\", THE SHAH\\'S VIEW, A, B\n\nSACCIO\"\n" +
        "\"2\",\"2/25/1972 9:30\",\"72TEHRAN1164\",\"Embassy Tehran\",\"UNCLASSIFIED\",\"72MOSCOW1603|72TEHRAN1091|72TEHRAN263\",\"R 250930Z FEB 72\",\"UNCLASSIFIED SECTION 01 OF 01 TEHRAN 1164\"\n" +
        "\"3\",\"3/1/2009 10:05\",\"09ANYTOWN5\",\"Embassy Anytown\",\"SECRET//NOFORN\",\"\",\"\",\"S E C R E T ANYTOWN 000005\nTEFFT \\\"\n" +
        "\"4\",\"3/2/2009 11:00\",\"09ANYTOWN6\",\"Embassy Anytown\",\"CONFIDENTIAL\",\"\",\"\",\"C O N F I D E N T I A L ANYTOWN 000006\"\n";

    [Fact]
    public void Csv_rows_become_documents_with_metadata_from_the_columns()
    {
        var documents = CableReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Csv)), "cables.csv").ToList();
        Assert.Equal(4, documents.Count);

        var first = documents[0];
        Assert.Equal(CableFormat.CablesCsv, first.Source.Format);
        Assert.Equal((1, 0L), (first.Source.Row, first.Source.Offset));
        Assert.Equal("P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC PRIORITY", first.Header);
        Assert.Equal("UNCLASSIFIED BUENOS AIRES 2481\n\nSUBJ: \"PREFERENTIAL JURISDICTION\", THE SHAH'S VIEW, A, B\n\nSACCIO", first.Body);
        Assert.Empty(first.Diagnostics);
        var metadata = first.Metadata!;
        Assert.Equal(1, metadata.RecordNumber);
        Assert.Equal(new DateTime(1966, 12, 28, 18, 48, 0, DateTimeKind.Utc), metadata.Created);
        Assert.Equal(DateTimeKind.Utc, metadata.Created!.Value.Kind);
        Assert.Equal(("66BUENOSAIRES2481", "Embassy Buenos Aires", "UNCLASSIFIED"), (metadata.Id, metadata.Origin, metadata.ClassificationText));
        Assert.Equal(["66STATE106206"], metadata.ReferencedIds);

        var second = documents[1];
        Assert.Equal(2, second.Source.Row);
        Assert.Equal(Encoding.UTF8.GetByteCount(Csv[..Csv.IndexOf("\"2\",", StringComparison.Ordinal)]), second.Source.Offset);
        Assert.Equal(new DateTime(1972, 2, 25, 9, 30, 0, DateTimeKind.Utc), second.Metadata!.Created);
        Assert.Equal(["72MOSCOW1603", "72TEHRAN1091", "72TEHRAN263"], second.Metadata.ReferencedIds);
        Assert.Equal("R 250930Z FEB 72", second.Header);
        Assert.Equal(ClassificationLabel.Parse("CONFIDENTIAL"), documents[3].Metadata!.Classification);
    }

    [Fact]
    public void Csv_row_with_a_broken_quote_is_kept_with_an_error_and_the_next_row_reads_as_usual()
    {
        var documents = CableReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Csv)), "cables.csv").ToList();

        var broken = documents[2];
        Assert.Equal(3, broken.Source.Row);
        var error = Assert.Single(broken.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("Row 3", error.Message, StringComparison.Ordinal);
        Assert.Equal(Csv[Csv.IndexOf("\"3\",", StringComparison.Ordinal)..Csv.IndexOf("\"4\",", StringComparison.Ordinal)], broken.RawRecord);
        Assert.Equal(3, broken.Metadata!.RecordNumber);

        var next = documents[3];
        Assert.Equal(4, next.Source.Row);
        Assert.Empty(next.Diagnostics);
        Assert.Equal("09ANYTOWN6", next.Metadata!.Id);
        Assert.Equal("C O N F I D E N T I A L ANYTOWN 000006", next.Body);
    }

    [Fact]
    public void Csv_row_with_a_wrong_column_count_is_kept_with_an_error()
    {
        const string csv = "\"1\",\"1/2/2003 4:05\",\"03X1\",\"Embassy X\",\"SECRET\",\"\",\"S E C R E T X 000001\"\n\"2\",\"1/2/2003 4:06\",\"03X2\",\"Embassy X\",\"SECRET\",\"\",\"\",\"S E C R E T X 000002\"\n";
        var documents = CableReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "dump.csv").ToList();
        Assert.Equal(2, documents.Count);
        Assert.Contains(documents[0].Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("7 columns", StringComparison.Ordinal));
        Assert.Empty(documents[1].Diagnostics);
    }

    [Fact]
    public void Csv_text_before_the_first_row_is_kept_with_an_error()
    {
        const string csv = "id,date,refid\n\"1\",\"1/2/2003 4:05\",\"03X1\",\"Embassy X\",\"SECRET\",\"\",\"\",\"S E C R E T X 000001\"\n";
        var documents = CableReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "dump.csv").ToList();
        Assert.Equal(2, documents.Count);
        Assert.Equal("id,date,refid\n", documents[0].RawRecord);
        Assert.Contains(documents[0].Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((null, 0L), (documents[0].Source.Row, documents[0].Source.Offset));
        Assert.Equal("03X1", documents[1].Metadata!.Id);
        Assert.Equal((1, 14L), (documents[1].Source.Row, documents[1].Source.Offset));
    }

    [Fact]
    public void Csv_with_random_damage_never_throws_and_loses_no_row()
    {
        var random = new Random(2011);
        var clean = Encoding.UTF8.GetBytes(Csv);
        const string damage = "\"\\,\n\r'|";
        for (var i = 0; i < 500; i++)
        {
            var bytes = clean.ToList();
            for (var j = random.Next(1, 6); j > 0; j--)
                bytes.Insert(random.Next(bytes.Count), (byte)damage[random.Next(damage.Length)]);
            var documents = CableReader.Read(new MemoryStream([.. bytes]), "cables.csv").ToList();
            var rowStarts = Encoding.UTF8.GetString([.. bytes]).Split('\n').Count(line => CsvRecordSplitter.IsRowStart(Encoding.UTF8.GetBytes(line)));
            Assert.Equal(rowStarts, documents.Count(d => d.Source.Row is not null));
            // Every byte is in some document's raw record; only blank records between rows are dropped.
            Assert.Equal(WithoutLineBreaks(Encoding.UTF8.GetString([.. bytes])), WithoutLineBreaks(string.Concat(documents.Select(d => d.RawRecord))));
        }
    }

    private static string WithoutLineBreaks(string text) => text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);

    [Fact]
    public void Csv_is_streamed_across_read_boundaries_with_long_bodies_and_crlf()
    {
        var longBody = "S E C R E T STATE 000001\r\n" + string.Join("\r\n", Enumerable.Repeat("A LINE OF TEXT, WITH \\\"QUOTES\\\" AND COMMAS,", 3000));
        var rows = new StringBuilder();
        var offsets = new List<long>();
        for (var i = 1; i <= 300; i++)
        {
            offsets.Add(Encoding.UTF8.GetByteCount(rows.ToString()));
            var body = i % 100 == 0 ? longBody : $"S E C R E T STATE {i:000000}\r\nLINE {i}";
            rows.Append($"\"{i}\",\"{(i % 12) + 1}/{(i % 28) + 1}/2009 {i % 24}:{i % 60:00}\",\"09STATE{i}\",\"Secretary of State\",\"SECRET\",\"\",\"FM SECSTATE WASHDC\",\"{body}\"\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(rows.ToString());
        var documents = CableReader.Read(new TrickleStream(bytes, 997), "big.csv").ToList();

        Assert.Equal(300, documents.Count);
        Assert.All(documents, d => Assert.Empty(d.Diagnostics));
        Assert.Equal(Enumerable.Range(1, 300), documents.Select(d => d.Source.Row!.Value));
        Assert.Equal(offsets, documents.Select(d => d.Source.Offset!.Value));
        Assert.Equal("09STATE250", documents[249].Metadata!.Id);
        var longDocument = documents[199];
        Assert.True(longDocument.Body.Length > 64 * 1024);
        Assert.DoesNotContain('\r', longDocument.Body);
        Assert.EndsWith("A LINE OF TEXT, WITH \"QUOTES\" AND COMMAS,", longDocument.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_row_that_is_not_utf8_is_decoded_as_windows_1252_with_a_warning()
    {
        var bytes = Encoding.Latin1.GetBytes("\"1\",\"1/2/2003 4:05\",\"03X1\",\"Embassy X\",\"SECRET\",\"\",\"\",\"S E C R E T X 000001\nCHARG\u00c9 D'AFFAIRES\"\n");
        var document = Assert.Single(CableReader.Read(new MemoryStream(bytes), "dump.csv"));
        Assert.Contains("CHARG\u00c9 D'AFFAIRES", document.Body, StringComparison.Ordinal);
        Assert.Contains(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("Windows-1252", StringComparison.Ordinal));
    }

    [Fact]
    public void Raw_text_is_split_at_the_banner_after_the_header()
    {
        var document = ReadOne("O 180817Z SEP 08\r\nFM AMEMBASSY TOKYO\r\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 7334\r\n\r\nS E C R E T TOKYO 002577\r\n\r\nSIPDIS\r\n", "cable.txt");
        Assert.Equal(CableFormat.RawText, document.Source.Format);
        Assert.Equal("O 180817Z SEP 08\nFM AMEMBASSY TOKYO\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 7334", document.Header);
        Assert.Equal("S E C R E T TOKYO 002577\n\nSIPDIS\n", document.Body);
        Assert.Null(document.Metadata);
        Assert.Empty(document.Diagnostics);
    }

    [Theory]
    [InlineData("O 180817Z SEP 08\nFM AMEMBASSY TOKYO\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 7334\n\nS E C R E T TOKYO 002577\nSIPDIS\n", true)]
    [InlineData("\n\nO 180817Z SEP 08\nFM AMEMBASSY TOKYO\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 7334 \n\n\n\nS E C R E T TOKYO 002577\nSIPDIS\n", false)]
    public void Raw_text_becomes_header_blank_line_body_and_is_not_copied_when_it_reads_so_already(string raw, bool readsSoAlready)
    {
        var document = ReadOne(raw, "cable.txt");
        // The cable text, whose SHA-256 keys versions: the header, one blank line, the body, whatever stood between them.
        Assert.Equal("O 180817Z SEP 08\nFM AMEMBASSY TOKYO\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 7334\n\nS E C R E T TOKYO 002577\nSIPDIS\n", document.Text);
        Assert.Equal(document.Header, document.Text[..document.HeaderSpan.End]);
        Assert.Equal(document.Body, document.Text[document.BodySpan.Start..]);
        Assert.Equal(readsSoAlready, ReferenceEquals(document.RawRecord, document.Text));
    }

    [Theory]
    [InlineData("S E C R E T TOKYO 002577\nSIPDIS")]
    [InlineData("SS E C R E T SECTION 01 OF 02 PARIS 001699\nSIPDIS")]
    [InlineData("UNCLAS SECTION 01 OF 02 RIO DE JANEIRO 001238\nSIPDIS")]
    [InlineData("C o n f i d e n t i a l section 01 of 02 khartoum 000881\nSipdis")]
    public void Raw_text_that_starts_with_the_banner_has_no_header(string text)
    {
        var document = ReadOne(text, "-");
        Assert.Equal("", document.Header);
        Assert.Equal(text, document.Body);
    }

    [Theory]
    [InlineData("VZCZCXRO1\nOO RUEHAA\nDE RUEHZZ #0001 0010000\nZNY SSSSS ZZH\nO 010000Z JAN 09\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\n\nSECRET SECTION 01 of 05 ROME 000097\nTEXT", "SECRET SECTION 01 of 05 ROME 000097\nTEXT")]
    [InlineData("O 010000Z JAN 09\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\nUNCLASSIFIED BUENOS AIRES 2481\nTEXT", "UNCLASSIFIED BUENOS AIRES 2481\nTEXT")]
    [InlineData("O 010000Z JAN 09\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\n\nS E C R E T\nTEXT", "S E C R E T\nTEXT")]
    [InlineData("UNCLASSIFIED   STATE   00100153\nO 251814Z SEP 09\nFM SECSTATE WASHDC\nTO ALL POSTS\n\nUNCLAS STATE 100153\nTEXT", "UNCLAS STATE 100153\nTEXT")]
    [InlineData("O 010000Z JAN 09\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\n\nXXXXXXXXXXXX In the Russian view", "XXXXXXXXXXXX In the Russian view")]
    public void Raw_text_body_starts_at_the_first_banner_that_follows_the_header(string text, string body)
    {
        var document = ReadOne(text, "-");
        Assert.Equal(body, document.Body);
        Assert.Equal(text[..text.IndexOf(body, StringComparison.Ordinal)].TrimEnd('\n'), document.Header);
    }

    [Fact]
    public void Raw_text_without_routing_lines_at_the_top_has_no_header_whatever_follows()
    {
        const string text = "XXXXXXXXXXXX\n\nSIPDIS\nQUOTE:\n\nS E C R E T STATE 127892\nTEXT";
        var document = ReadOne(text, "-");
        Assert.Equal("", document.Header);
        Assert.Equal(text, document.Body);
    }

    [Fact]
    public void Raw_text_media_wrappers_are_skipped_and_fill_the_metadata()
    {
        const string text = """
            <<218634>>
            7/29/2009 14:42
            09KHARTOUM881
            Embassy Khartoum
            CONFIDENTIAL
            09KHARTOUM378
            VZCZCXRO9313
            O 291442Z JUL 09
            FM AMEMBASSY KHARTOUM
            TO SECSTATE WASHDC IMMEDIATE 4068
            TAGS: PREL, PGOV
            SUBJECT: GOK/GOSS AGREE ON TIMETABLE FOR SECOND TANK

            C o n f i d e n t i a l section 01 of 02 khartoum 000881
            Sipdis
            """;
        var document = ReadOne(text, "-");
        Assert.StartsWith("VZCZCXRO9313\nO 291442Z JUL 09\n", document.Header, StringComparison.Ordinal);
        Assert.StartsWith("C o n f i d e n t i a l section 01 of 02 khartoum 000881", document.Body, StringComparison.Ordinal);
        Assert.Contains(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Info);
        var metadata = document.Metadata!;
        Assert.Equal(("09KHARTOUM881", "Embassy Khartoum", "CONFIDENTIAL"), (metadata.Id, metadata.Origin, metadata.ClassificationText));
        Assert.Equal(new DateTime(2009, 7, 29, 14, 42, 0, DateTimeKind.Utc), metadata.Created);
        Assert.Equal(["09KHARTOUM378"], metadata.ReferencedIds);
    }

    [Fact]
    public void Raw_text_media_date_line_between_header_and_banner_is_skipped()
    {
        var document = ReadOne("P 201839Z JUN 05\nFM AMEMBASSY COLOMBO\nTO SECSTATE WASHDC PRIORITY 9497\n\nMonday, 20 June 2005, 19:39\nSECRET SECTION 01 OF 02 COLOMBO 005111\nTEXT", "-");
        Assert.Equal("P 201839Z JUN 05\nFM AMEMBASSY COLOMBO\nTO SECSTATE WASHDC PRIORITY 9497", document.Header);
        Assert.Equal("SECRET SECTION 01 OF 02 COLOMBO 005111\nTEXT", document.Body);
        Assert.Contains(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Message.Contains("date line", StringComparison.Ordinal));
    }

    [Fact]
    public void Raw_text_id_block_is_skipped()
    {
        const string text = "ID: 190648\nORIGIN: 09KUWAIT110\nDATE: 2009-02-05 16:36:00\nSOURCE: Embassy Kuwait\nCLASSIFICATION: SECRET//NOFORN\nMISC: 09KUWAIT95\nDESTINATION: VZCZCXRO3981RUEHDE RUEHDIRRUEHKU #0110/01 0361636SSSSS ZZH051636Z FEB 09AMEMBASSY KUWAIT\n\nS E C R E T SECTION 01 OF 02 KUWAIT 000110\nTEXT";
        var document = ReadOne(text, "-");
        Assert.Equal("", document.Header);
        Assert.Equal("S E C R E T SECTION 01 OF 02 KUWAIT 000110\nTEXT", document.Body);
        var metadata = document.Metadata!;
        Assert.Equal(("09KUWAIT110", "Embassy Kuwait", "SECRET//NOFORN"), (metadata.Id, metadata.Origin, metadata.ClassificationText));
        Assert.Equal(new DateTime(2009, 2, 5, 16, 36, 0, DateTimeKind.Utc), metadata.Created);
        Assert.Equal(["09KUWAIT95"], metadata.ReferencedIds);
    }

    [Fact]
    public void Raw_text_tab_separated_record_is_unwrapped_and_line_ending_backslashes_dropped()
    {
        const string text = "2007-09-11 09:44:00\t07BERN881\tEmbassy Bern\tSECRET\t07STATE124823\tVZCZCXRO4549\\\nOO RUEHRG\\\nO 110944Z SEP 07\\\nFM AMEMBASSY BERN\\\nTO SECSTATE WASHDC\\\n\\\nS E C R E T SECTION 01 OF 02 BERN 000881 \\\nTEXT \\";
        var document = ReadOne(text, "-");
        Assert.Equal("VZCZCXRO4549\nOO RUEHRG\nO 110944Z SEP 07\nFM AMEMBASSY BERN\nTO SECSTATE WASHDC", document.Header);
        Assert.Equal("S E C R E T SECTION 01 OF 02 BERN 000881 \nTEXT ", document.Body);
        Assert.Equal(("07BERN881", "Embassy Bern", "SECRET"), (document.Metadata!.Id, document.Metadata.Origin, document.Metadata.ClassificationText));
        Assert.Equal(["07STATE124823"], document.Metadata.ReferencedIds);
    }

    [Fact]
    public void Content_that_is_not_utf8_falls_back_to_windows_1252_and_keeps_the_raw_record()
    {
        var bytes = Encoding.Latin1.GetBytes("C O N F I D E N T I A L BERN 000881\nClassified By: Charg\u00e9 d'Affaires\n");
        bytes = [.. bytes, 0x93, (byte)'Q', 0x94];
        var document = ReadOne(bytes, "cable.txt");
        Assert.Contains("Charg\u00e9 d'Affaires\n\u201cQ\u201d", document.Body, StringComparison.Ordinal);
        Assert.Equal(document.Body, document.RawRecord);
        Assert.Contains(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Random_bytes_give_one_document_with_the_decoded_content_as_body()
    {
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 3000)];
            random.NextBytes(bytes);
            var path = (i % 5) switch { 0 => "x.csv", 1 => "x.html", 2 => "x.md", 3 => "x.txt", _ => "-" };
            var documents = CableReader.Read(new MemoryStream(bytes), path).ToList();
            Assert.NotEmpty(documents);
            Assert.All(documents, d => Assert.NotNull(d.RawRecord));
        }
    }

    [Fact]
    public void Binary_content_is_flagged()
    {
        var bytes = new byte[512];
        new Random(7).NextBytes(bytes);
        var document = ReadOne(bytes, "x.bin");
        Assert.Equal(CableFormat.RawText, document.Source.Format);
        Assert.Equal(("", document.RawRecord!.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimStart('\n', ' ')), (document.Header, document.Body.TrimStart('\n', ' ')));
        Assert.Contains(document.Diagnostics, d => d.Message.Contains("binary", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_content_gives_one_empty_document()
    {
        var document = ReadOne([], "-");
        Assert.Equal(("", ""), (document.Header, document.Body));
        Assert.Equal("-", document.Source.Path);
    }

    [Theory]
    [InlineData("\"1\",\"12/28/1966 18:48\",\"66X\",", "cable.txt", CableFormat.CablesCsv)]
    [InlineData("\uFEFF\"1\",\"12/28/1966 18:48\",\"66X\",", "-", CableFormat.CablesCsv)]
    [InlineData("junk\n\"1\",\"12/28/1966 18:48\",\"66X\",", "dump.csv", CableFormat.CablesCsv)]
    [InlineData("junk\n\"1\",\"12/28/1966 18:48\",\"66X\",", "dump.txt", CableFormat.RawText)]
    [InlineData("<!DOCTYPE html><html>", "cable.txt", CableFormat.WikiLeaksHtml)]
    [InlineData("  <?xml version='1.0' ?>\n<html>", "-", CableFormat.WikiLeaksHtml)]
    [InlineData("<code><pre>VZCZC</pre></code>", "-", CableFormat.WikiLeaksHtml)]
    [InlineData("TAGS: [PGOV](#)", "cable.txt", CableFormat.Markdown)]
    [InlineData("S E C R E T TOKYO 002577", "cable.md", CableFormat.Markdown)]
    [InlineData("S E C R E T TOKYO 002577", "cable.html", CableFormat.RawText)]
    [InlineData("S E C R E T TOKYO 002577", "cable.csv", CableFormat.RawText)]
    [InlineData("", "-", CableFormat.RawText)]
    public void Format_is_detected_from_content_with_the_extension_as_a_hint(string head, string path, CableFormat expected) =>
        Assert.Equal(expected, CableReader.DetectFormat(Encoding.UTF8.GetBytes(head), path));

    /// <summary>A stream that returns at most a few bytes per read and cannot seek, as a pipe does.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : Stream
    {
        private int position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var length = Math.Min(Math.Min(count, chunk), data.Length - position);
            Array.Copy(data, position, buffer, offset, length);
            position += length;
            return length;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
