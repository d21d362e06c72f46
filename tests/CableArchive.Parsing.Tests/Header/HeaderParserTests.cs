using CableArchive.Domain;
using CableArchive.Domain.Cables;
using CableArchive.Parsing.Header;
using CableArchive.Parsing.Tests.Identity;

namespace CableArchive.Parsing.Tests.Header;

public class HeaderParserTests(ITestOutputHelper output)
{
    private const string Acp127 = """
        VZCZCXRO5577
        OO RUEHFK RUEHKSO RUEHNH
        DE RUEHKO #2577 2620817
        ZNY SSSSS ZZH
        O 180817Z SEP 08
        FM AMEMBASSY TOKYO
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 7334
        INFO RUEHFK/AMCONSUL FUKUOKA PRIORITY 9920
        RUEHNH/AMCONSUL NAHA PRIORITY 2280
        RUEHOK/AMCONSUL OSAKA KOBE PRIORITY 3661
        """;

    private static (RoutingHeader? Header, bool Partial, ParseContext Context) Parse(string text)
    {
        var context = new ParseContext(text);
        var (header, partial) = HeaderParser.Parse(context, new TextSpan(0, text.Length));
        return (header, partial, context);
    }

    private static RoutingHeader ParseHeader(string text) => Parse(text).Header ?? throw new Xunit.Sdk.XunitException("no header read");

    [Fact]
    public void Fl1_is_the_transmission_identifier()
    {
        Assert.Equal("VZCZCXRO5577", ParseHeader(Acp127).TransmissionId);
    }

    [Fact]
    public void Fl2_is_the_prosign_and_the_routing_indicators()
    {
        var header = ParseHeader(Acp127);
        Assert.Equal("OO", header.PrecedenceProsign);
        Assert.Equal(["RUEHFK", "RUEHKSO", "RUEHNH"], header.RoutingIndicators);
    }

    [Fact]
    public void Fl2_wraps_over_lines_and_a_blank_line_may_follow()
    {
        var header = ParseHeader("""
            VZCZCXRO6631
            RR RUEHAST RUEHDH RUEHHM
            RUEHTRO

            DE RUEHBR #1460/01 3491518
            """);
        Assert.Equal("RR", header.PrecedenceProsign);
        Assert.Equal(["RUEHAST", "RUEHDH", "RUEHHM", "RUEHTRO"], header.RoutingIndicators);
        Assert.Equal("RUEHBR", header.OriginatorRoutingIndicator);
    }

    [Theory]
    [InlineData("DE RUEHKO #2577 2620817", "RUEHKO", "2577", null, "2620817")]
    [InlineData("DE RUEHBW #1681/01 2900620", "RUEHBW", "1681", 1, "2900620")]
    [InlineData("DE RUEHTRO #0771/02 2721721 ", "RUEHTRO", "0771", 2, "2721721")]
    [InlineData("DE RUEHC #6222", "RUEHC", "6222", null, null)]
    public void Fl3_gives_originator_serial_section_and_julian_time(string line, string ri, string serial, int? section, string? julian)
    {
        var header = ParseHeader(line);
        Assert.Equal(ri, header.OriginatorRoutingIndicator);
        Assert.Equal(serial, header.StationSerial);
        Assert.Equal(section, header.Section);
        Assert.Equal(julian, header.JulianTime);
    }

    [Theory]
    [InlineData("ZNY SSSSS ZZH", "SSSSS", new[] { "ZNY", "ZZH" })]
    [InlineData("ZNR UUUUU ZZH", "UUUUU", new[] { "ZNR", "ZZH" })]
    [InlineData("ZNY CCCCC ZZH ZUI ZDK", "CCCCC", new[] { "ZNY", "ZZH", "ZUI", "ZDK" })]
    public void Fl4_gives_security_group_and_operating_signals(string line, string group, string[] signals)
    {
        var header = ParseHeader(line);
        Assert.Equal(group, header.SecurityGroup);
        Assert.Equal(signals, header.OperatingSignals);
    }

    [Theory]
    [InlineData("O 180817Z SEP 08", "O", "180817Z SEP 08", "2008-09-18T08:17")]
    [InlineData("P R 041820Z JAN 10", "P R", "041820Z JAN 10", "2010-01-04T18:20")]
    [InlineData("R 220927Z AUG 72 ", "R", "220927Z AUG 72", "1972-08-22T09:27")]
    [InlineData("P R 281848Z DEC 66", "P R", "281848Z DEC 66", "1966-12-28T18:48")]
    [InlineData("291359Z Nov 00", null, "291359Z Nov 00", "2000-11-29T13:59")]
    [InlineData("O 031401Z JUN 08 ZDS CTG RUEHSD 0020 1580042", "O", "031401Z JUN 08", "2008-06-03T14:01")]
    [InlineData("O R 041614Z FEB 10     (CCY ADX1C30B8 ICTOQ0621-623)", "O R", "041614Z FEB 10", "2010-02-04T16:14")]
    [InlineData("Z 010000Z JAN 11", "Z", "010000Z JAN 11", "1911-01-01T00:00")]
    public void Fl5_gives_precedence_and_the_date_time_in_utc(string line, string? precedence, string group, string expected)
    {
        var header = ParseHeader(line);
        Assert.Equal(precedence, header.Precedence);
        Assert.Equal(group, header.DateTimeGroup);
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), header.DateTime);
        Assert.Equal(DateTimeKind.Utc, header.DateTime!.Value.Kind);
    }

    [Fact]
    public void Fl5_trailing_operating_signals_are_kept()
    {
        Assert.Equal(["ZDK"], ParseHeader("O 071830Z SEP 07 ZDK").OperatingSignals);
    }

    [Fact]
    public void A_date_time_group_naming_no_real_time_is_kept_with_a_warning()
    {
        var (header, _, context) = Parse("O 321299Z SEP 08\nFM AMEMBASSY TOKYO");
        Assert.Equal("321299Z SEP 08", header!.DateTimeGroup);
        Assert.Null(header.DateTime);
        Assert.Contains(context.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Line == 1);
    }

    [Fact]
    public void Fm_to_and_info_are_read_with_route_precedence_and_mcn()
    {
        var header = ParseHeader(Acp127);
        Assert.Equal("AMEMBASSY TOKYO", header.From!.Name);
        var to = Assert.Single(header.To);
        Assert.Equal(("RUEHC", "SECSTATE WASHDC", "IMMEDIATE", "7334"), (to.RoutingIndicator, to.Name, to.Precedence, to.Mcn));
        Assert.Equal(["AMCONSUL FUKUOKA", "AMCONSUL NAHA", "AMCONSUL OSAKA KOBE"], header.Info.Select(a => a.Name));
        Assert.All(header.Info, a => Assert.Equal("PRIORITY", a.Precedence));
        Assert.Equal("3661", header.Info[2].Mcn);
    }

    [Fact]
    public void Routing_lines_repeated_by_a_copy_name_each_addressee_once()
    {
        var block = "O 130854Z AUG 09\nFM AMEMBASSY ULAANBAATAR\nTO SECSTATE WASHDC IMMEDIATE 2981\nINFO AMEMBASSY BEIJING PRIORITY\nAMEMBASSY MOSCOW PRIORITY\n";
        var header = ParseHeader(block + "\n>\n8/13/2009 8:54\n09ULAANBAATAR234\nEmbassy Ulaanbaatar\nSECRET\n\n" + block);

        Assert.Equal(["SECSTATE WASHDC"], header.To.Select(a => a.Name));
        Assert.Equal(["AMEMBASSY BEIJING", "AMEMBASSY MOSCOW"], header.Info.Select(a => a.Name));

        // A blank line inside a list does not end it when a full address line follows.
        var gap = ParseHeader("O 130854Z AUG 09\nFM AMEMBASSY ULAANBAATAR\nTO SECSTATE WASHDC IMMEDIATE 2981\nINFO AMEMBASSY BEIJING PRIORITY\n\nAMEMBASSY MOSCOW PRIORITY\nRUEHUL/AMEMBASSY SEOUL\n");
        Assert.Equal(["AMEMBASSY BEIJING", "AMEMBASSY MOSCOW", "AMEMBASSY SEOUL"], gap.Info.Select(a => a.Name));

        // A section keyword after a blank line opens its list whatever follows it.
        var keyword = ParseHeader("O 130854Z AUG 09\nFM AMEMBASSY ULAANBAATAR\nTO SECSTATE WASHDC IMMEDIATE 2981\n\nINFO AMEMBASSY BEIJING\n");
        Assert.Equal(["AMEMBASSY BEIJING"], keyword.Info.Select(a => a.Name));
    }

    [Fact]
    public void Every_addressee_has_a_span_on_its_line()
    {
        var (header, _, context) = Parse(Acp127);
        Assert.Equal("AMEMBASSY TOKYO", Slice(context, header!.From!.Span));
        Assert.Equal("RUEHC/SECSTATE WASHDC IMMEDIATE 7334", Slice(context, header.To[0].Span));
        Assert.Equal("RUEHFK/AMCONSUL FUKUOKA PRIORITY 9920", Slice(context, header.Info[0].Span));
        Assert.Equal("RUEHOK/AMCONSUL OSAKA KOBE PRIORITY 3661", Slice(context, header.Info[2].Span));
    }

    [Fact]
    public void Acp126_headers_start_at_the_dtg_and_names_stand_alone()
    {
        var header = ParseHeader("""
            P 131914Z DEC 89
            FM AMEMBASSY PANAMA
            TO SECSTATE WASHDC PRIORITY 7213
            INFO SECDEF WASHDC
            USIA WASHDC 8090
            USCINCSO QUARRY HTS PM
            """);
        Assert.Null(header.TransmissionId);
        Assert.Equal(new DateTime(1989, 12, 13, 19, 14, 0, DateTimeKind.Utc), header.DateTime);
        Assert.Equal(("SECSTATE WASHDC", "PRIORITY", "7213"), (header.To[0].Name, header.To[0].Precedence, header.To[0].Mcn));
        Assert.Equal(["SECDEF WASHDC", "USIA WASHDC", "USCINCSO QUARRY HTS PM"], header.Info.Select(a => a.Name));
        Assert.Equal("8090", header.Info[1].Mcn);
        Assert.All(header.Info, a => Assert.Null(a.RoutingIndicator));
    }

    [Fact]
    public void Zen_pseudo_ri_niact_immediate_and_mcn_ranges_are_read()
    {
        var header = ParseHeader("""
            FM SECSTATE WASHDC
            TO ZEN/AMEMBASSY BELMOPAN NIACT IMMEDIATE 2276-2279
            RUEHKV/AMEMBASSY KYIV NIACT IMMEDIATE 7881-7884
            INFO ZEN/AMEMBASSY ADDIS ABABA IMMEDIATE 5844-5847
            """);
        Assert.Equal(2, header.To.Count);
        var belmopan = header.To[0];
        Assert.Equal(("ZEN", "AMEMBASSY BELMOPAN", "NIACT IMMEDIATE", "2276", "2279"),
            (belmopan.RoutingIndicator, belmopan.Name, belmopan.Precedence, belmopan.Mcn, belmopan.McnEnd));
        Assert.Equal(("RUEHKV", "AMEMBASSY KYIV", "NIACT IMMEDIATE"), (header.To[1].RoutingIndicator, header.To[1].Name, header.To[1].Precedence));
        Assert.Equal(("AMEMBASSY ADDIS ABABA", "IMMEDIATE", "5844", "5847"), (header.Info[0].Name, header.Info[0].Precedence, header.Info[0].Mcn, header.Info[0].McnEnd));
    }

    [Theory]
    [InlineData("INFO AMEMBASSY BUENOS AIRES PRIOITY", "AMEMBASSY BUENOS AIRES", "PRIORITY")]
    [InlineData("INFO AMEMBASSY PARIS PIORITY 0183", "AMEMBASSY PARIS", "PRIORITY")]
    [InlineData("INFO AMEMBASSY ROME IMMEDIATE", "AMEMBASSY ROME", "IMMEDIATE")]
    [InlineData("INFO AMEMBASSY ROME ROUTINE", "AMEMBASSY ROME", "ROUTINE")]
    [InlineData("INFO WHITE HOUSE WASHDC FLASH", "WHITE HOUSE WASHDC", "FLASH")]
    public void Precedence_words_and_their_typos_are_normalised(string line, string name, string precedence)
    {
        var (header, _, context) = Parse("FM AMEMBASSY BRASILIA\n" + line);
        var info = Assert.Single(header!.Info);
        Assert.Equal((name, precedence), (info.Name, info.Precedence));
        var typo = !line.Contains(precedence, StringComparison.Ordinal);
        Assert.Equal(typo, context.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Info && d.Message.Contains(precedence, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("XMT/AMEMBASSY SOFIA")]
    [InlineData("XMT AMEMBASSY SOFIA")]
    public void Xmt_excludes_members_of_the_collective_before_it(string xmtLine)
    {
        var header = ParseHeader($"""
            FM AMEMBASSY FOOBAR
            TO RUEHC/SECSTATE WASHDC IMMEDIATE 3355
            RUEHX/EUROPEAN POLITICAL COLLECTIVE
            {xmtLine}
            AMEMBASSY BUCHAREST
            INFO AMEMBASSY ROME
            """);
        Assert.Equal(["SECSTATE WASHDC", "EUROPEAN POLITICAL COLLECTIVE"], header.To.Select(a => a.Name));
        Assert.Empty(header.To[0].Excluded);
        Assert.Equal(["AMEMBASSY SOFIA", "AMEMBASSY BUCHAREST"], header.To[1].Excluded);
        Assert.Equal("AMEMBASSY ROME", Assert.Single(header.Info).Name);
    }

    [Fact]
    public void Xmt_in_info_attaches_to_the_info_collective()
    {
        var header = ParseHeader("FM SECSTATE WASHDC\nTO AMEMBASSY ROME\nINFO ALL DIPLOMATIC AND CONSULAR POSTS PRIORITY\nXMT USINT HAVANA");
        var collective = Assert.Single(header.Info);
        Assert.Equal(("ALL DIPLOMATIC AND CONSULAR POSTS", "PRIORITY"), (collective.Name, collective.Precedence));
        Assert.Equal(["USINT HAVANA"], collective.Excluded);
    }

    [Fact]
    public void Page_lines_inside_address_lists_are_removed()
    {
        var header = ParseHeader("""
            P 182318Z FEB 09
            FM SECSTATE WASHDC
            TO PAGE 02        STATE   015113  182333Z
            ALL DIPLOMATIC POSTS COLLECTIVE PRIORITY
            PAGE 03        STATE   015113  182333Z
            AMEMBASSY TRIPOLI PRIORITY
            """);
        Assert.Equal(["ALL DIPLOMATIC POSTS COLLECTIVE", "AMEMBASSY TRIPOLI"], header.To.Select(a => a.Name));
        Assert.All(header.To, a => Assert.Equal("PRIORITY", a.Precedence));
    }

    [Fact]
    public void A_name_wrapped_over_two_lines_is_joined()
    {
        var (header, _, context) = Parse("""
            FM AMEMBASSY PARIS
            TO RUEHC/SECSTATE WASHDC IMMEDIATE 5250
            INFO RUEHZL/EUROPEAN POLITICAL
            COLLECTIVE PRIORITY
            RUEHBS/USEU BRUSSELS
            """);
        Assert.Equal(["EUROPEAN POLITICAL COLLECTIVE", "USEU BRUSSELS"], header!.Info.Select(a => a.Name));
        Assert.Equal("PRIORITY", header.Info[0].Precedence);
        Assert.Equal("RUEHZL/EUROPEAN POLITICAL\nCOLLECTIVE PRIORITY", Slice(context, header.Info[0].Span));
    }

    [Fact]
    public void A_name_broken_after_a_joining_word_is_joined()
    {
        var header = ParseHeader("FM SECSTATE WASHDC\nTO ALL DIPLOMATIC AND\nCONSULAR POSTS COLLECTIVE PRIORITY\nAMEMBASSY ROME");
        Assert.Equal(["ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE", "AMEMBASSY ROME"], header.To.Select(a => a.Name));
    }

    [Fact]
    public void A_line_without_routing_indicator_in_a_list_with_them_is_an_addressee_of_its_own()
    {
        var header = ParseHeader("FM AMEMBASSY LIMA\nTO RUEHC/SECSTATE WASHDC\nINFO RUEHMO/AMEMBASSY MOSCOW\nWHA DIPL POSTS COLLECTIVE\nRUEHNH/AMCONSUL NAHA 9246");
        Assert.Equal(["AMEMBASSY MOSCOW", "WHA DIPL POSTS COLLECTIVE", "AMCONSUL NAHA"], header.Info.Select(a => a.Name));
    }

    [Fact]
    public void Lines_of_a_list_without_routing_indicators_are_separate_addressees()
    {
        var header = ParseHeader("FM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC\nAMEMBASSY MADRID\nAMEMBASSY BONN");
        Assert.Equal(["SECSTATE WASHDC", "AMEMBASSY MADRID", "AMEMBASSY BONN"], header.To.Select(a => a.Name));
    }

    [Fact]
    public void Partial_records_are_flagged_and_office_distribution_is_not_info()
    {
        var (header, partial, _) = Parse("""
            This record is a partial extract of the original cable. The full text of the original cable is not available.
            291359Z Nov 00
                                       CONFIDENTIAL     PTQ1859
            PAGE 01        HARARE  06677  01 OF 03  291400Z
            ACTION AF-00
            INFO  LOG-00   NP-00    AID-00   ACQ-00   CEA-01   CIAE-00  COME-00
                  SAS-00   SWCI-00    /012W
                              ------------------A54E38  291401Z /38
            FM AMEMBASSY HARARE
            TO SECSTATE WASHDC IMMEDIATE 7738
            INFO NSC WASHDC IMMEDIATE
            SOUTHERN AFRICAN DEVELOPMENT COMMUNITY
            """);
        Assert.True(partial);
        Assert.NotNull(header);
        Assert.Null(header.TransmissionId);
        Assert.Equal(new DateTime(2000, 11, 29, 13, 59, 0, DateTimeKind.Utc), header.DateTime);
        Assert.Equal("AMEMBASSY HARARE", header.From!.Name);
        Assert.Equal(("SECSTATE WASHDC", "IMMEDIATE", "7738"), (header.To[0].Name, header.To[0].Precedence, header.To[0].Mcn));
        Assert.Equal(["NSC WASHDC", "SOUTHERN AFRICAN DEVELOPMENT COMMUNITY"], header.Info.Select(a => a.Name));
    }

    [Fact]
    public void Origin_office_block_before_the_dtg_is_skipped()
    {
        var (header, _, context) = Parse("""
            ORIGIN DS-00

            INFO  LOG-00   MFA-00   EEB-00   AF-00    AIT-00   A-00     CIAE-00
                  SAS-00   FA-00      /002R

            P 031812Z NOV 08
            FM SECSTATE WASHDC
            TO SECURITY OFFICER COLLECTIVE PRIORITY
            AMEMBASSY TRIPOLI PRIORITY
            INFO AMCONSUL CASABLANCA PRIORITY
            """);
        Assert.Equal(["SECURITY OFFICER COLLECTIVE", "AMEMBASSY TRIPOLI"], header!.To.Select(a => a.Name));
        Assert.Equal("AMCONSUL CASABLANCA", Assert.Single(header.Info).Name);
        Assert.DoesNotContain(context.Diagnostics, d => d.Severity > DiagnosticSeverity.Info);
    }

    [Fact]
    public void A_partial_record_notice_alone_has_no_header_but_is_partial()
    {
        var (header, partial, _) = Parse("This record is a partial extract of the original cable. The full text of the original cable is not available.");
        Assert.True(partial);
        Assert.Null(header);
    }

    [Fact]
    public void A_banner_on_top_of_the_header_is_skipped()
    {
        var (header, _, context) = Parse("UNCLASSIFIED   STATE   00100153\nO 251814Z SEP 09\nFM SECSTATE WASHDC\nTO ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE IMMEDIATE\nRUEHTRO/AMEMBASSY TRIPOLI IMMEDIATE 9888");
        Assert.Equal(["ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE", "AMEMBASSY TRIPOLI"], header!.To.Select(a => a.Name));
        Assert.Empty(context.Diagnostics);
    }

    [Fact]
    public void Body_text_inside_the_header_ends_the_addresses()
    {
        var header = ParseHeader("FM AMEMBASSY KHARTOUM\nTO SECSTATE WASHDC\nINFO AMEMBASSY CAIRO\nTAGS: PREL, PGOV\nSUBJECT: GOK/GOSS AGREE ON TIMETABLE");
        Assert.Equal("AMEMBASSY CAIRO", Assert.Single(header.Info).Name);
    }

    [Fact]
    public void Unrecognised_lines_are_reported_as_info()
    {
        var (header, _, context) = Parse("VZCZCXRO1234\nWHAT IS THIS LINE\nFM AMEMBASSY TOKYO");
        Assert.NotNull(header);
        var diagnostic = Assert.Single(context.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Info, 2), (diagnostic.Severity, diagnostic.Line));
    }

    [Fact]
    public void Text_without_routing_lines_has_no_header()
    {
        Assert.Null(Parse("Hello, this is not a header.\nNor is this.").Header);
        Assert.Null(Parse("").Header);
    }

    [Fact]
    public void Only_the_given_span_is_read()
    {
        var text = "PREFIX LINE\nFM AMEMBASSY TOKYO\nTO SECSTATE WASHDC\n\nS E C R E T TOKYO 002577";
        var context = new ParseContext(text);
        var start = text.IndexOf("FM", StringComparison.Ordinal);
        var (header, _) = HeaderParser.Parse(context, TextSpan.FromBounds(start, text.IndexOf("\n\n", StringComparison.Ordinal)));
        Assert.Equal("AMEMBASSY TOKYO", header!.From!.Name);
        Assert.Empty(context.Diagnostics);
        Assert.Equal("AMEMBASSY TOKYO", text.Substring(header.From.Span.Start, header.From.Span.Length));
    }

    [Fact]
    public void Garbage_never_throws()
    {
        var random = new Random(20101128);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 /#-\n\t:.ZNYOPR";
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 200)];
            for (var j = 0; j < chars.Length; j++)
                chars[j] = random.Next(10) == 0 ? (char)random.Next(0, 0x3000) : alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            var context = new ParseContext(text);
            HeaderParser.Parse(context, new TextSpan(0, text.Length));
            HeaderParser.Parse(context, new TextSpan(text.Length / 2, text.Length));
        }
    }

    [Theory]
    [InlineData("to")]
    [InlineData("info")]
    public void Field_cases(string field)
    {
        var cases = FieldCases.Load(field);
        if (cases.Count == 0)
            Assert.Skip($"field-cases.json has no '{field}' cases.");

        var failures = new List<string>();
        foreach (var fieldCase in cases)
        {
            var input = fieldCase.GetProperty("input").GetString()!;
            var header = Parse(input).Header;
            var actual = (field == "to" ? header?.To : header?.Info) ?? [];
            var expected = fieldCase.GetProperty("expected").EnumerateArray().ToList();
            var same = expected.Count == actual.Count && expected.Zip(actual).All(pair =>
                FieldCases.SameText(pair.First.GetProperty("routingIndicator").GetString(), pair.Second.RoutingIndicator)
                && FieldCases.SameText(pair.First.GetProperty("name").GetString(), pair.Second.Name)
                && FieldCases.SameText(pair.First.GetProperty("precedence").GetString(), pair.Second.Precedence)
                && FieldCases.SameText(pair.First.GetProperty("mcn").GetString(), pair.Second.Mcn)
                && pair.First.GetProperty("excluded").EnumerateArray().Select(e => e.GetString()).SequenceEqual(pair.Second.Excluded, StringComparer.OrdinalIgnoreCase));
            if (!same)
                failures.Add($"{input.Replace('\n', '⏎')}: got [{string.Join("; ", actual.Select(a => $"{a.RoutingIndicator}/{a.Name}/{a.Precedence}/{a.Mcn}/xmt:{string.Join(",", a.Excluded)}"))}]");
        }

        FieldCases.Report(output, field, cases.Count, failures, requiredRate: 1.0);
    }

    private static string Slice(ParseContext context, TextSpan span) => context.Text.Substring(span.Start, span.Length);
}
