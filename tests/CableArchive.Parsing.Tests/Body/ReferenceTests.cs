using CableArchive.Domain.Cables;

using static CableArchive.Parsing.Tests.Body.BodyTestSupport;

namespace CableArchive.Parsing.Tests.Body;

/// <summary>§6.2–§6.3: REF items and canonical reference ids.</summary>
public class ReferenceTests
{
    private static string?[] Ids(string text, int year) => [.. Parse(text, year).References.Where(r => r.Kind == ReferenceKind.Cable).Select(r => r.CableId)];

    [Theory]
    [InlineData("REF: TOKYO 2500", 2008, new[] { "08TOKYO2500" })]
    [InlineData("REF: RIO DE JANEIRO 433 RIO DE JANEIRO 421 BRASILIA 709 2008 RIO DE JANEIRO 542", 2009, new[] { "09RIODEJANEIRO433", "09RIODEJANEIRO421", "09BRASILIA709", "08RIODEJANEIRO542" })]
    [InlineData("REF: A. TBILISI 1605 B. 06 TBILISI 2601 C. 06 TBILISI 0619", 2007, new[] { "07TBILISI1605", "06TBILISI2601", "06TBILISI619" })]
    [InlineData("REF: A. SECSTATE 74879 \n     B. RIYADH 43", 2008, new[] { "08STATE74879", "08RIYADH43" })]
    [InlineData("REF: 08 STATE 12345", 2009, new[] { "08STATE12345" })]
    [InlineData("REF: USUN NEW YORK 1092", 2008, new[] { "08USUNNEWYORK1092" })]
    [InlineData("REF: A) 05 0TTAWA 3518", 2006, new[] { "05OTTAWA3518" })]
    [InlineData("REF: (A) LAGOS O1512, (B)O4 CHENNAI 0944", 2002, new[] { "02LAGOS1512", "04CHENNAI944" })]
    [InlineData("Ref(s): A) 08 RIO DE JAN 138; B) 08 RIO DE JAN 0044 and previous", 2008, new[] { "08RIODEJANEIRO138", "08RIODEJANEIRO44" })]
    [InlineData("REF: A. ASUNCION 701 (08) \n B. ASUNCION 338 (07)", 2009, new[] { "08ASUNCION701", "07ASUNCION338" })]
    [InlineData("REF: A. QUITO 4525-91 \n B. PANAMA 00789/08", 2006, new[] { "91QUITO4525", "08PANAMA789" })]
    [InlineData("REF: AMMAN 07718 99, AMMAN 05986 00", 2002, new[] { "99AMMAN7718", "00AMMAN5986" })]
    [InlineData("Ref: 870 Ulaanbaatar", 2006, new[] { "06ULAANBAATAR870" })]
    [InlineData("REF: A) HO CHI MINH 10 B) 06 HCMC 1497 AND PREVIOUS", 2007, new[] { "07HOCHIMINHCITY10", "06HOCHIMINHCITY1497" })]
    [InlineData("REF: 10-OTTAWA-57", 2010, new[] { "10OTTAWA57" })]
    [InlineData("REF: PORT A 76; PORT A 100", 2010, new[] { "10PORTAUPRINCE76", "10PORTAUPRINCE100" })]
    [InlineData("REF: 09CAIRO0561; 08CAIRO2528", 2010, new[] { "09CAIRO561", "08CAIRO2528" })]
    [InlineData("REF: EMBASSY VIENNA 1450", 2009, new[] { "09VIENNA1450" })]
    [InlineData("REF: (A) USUNESCO PARIS FR 000087, (B) PARIS FR 00187", 2010, new[] { "10UNESCOPARISFR87", "10UNESCOPARISFR187" })]
    [InlineData("REF: A. BAGHDAD #3565 B. KUWAIT (C)02293 C. STATE (01) 201265", 2002, new[] { "02BAGHDAD3565", "02KUWAIT2293", "01STATE201265" })]
    [InlineData("REF: A. NDJAMENA 520 \u00b6B. N'DJAMENA 511", 2009, new[] { "09NDJAMENA520", "09NDJAMENA511" })]
    [InlineData("REF: A) 07 TRIPOLI 656; B) 07 TRIPOLII 695; C) BISHTEK 1194", 2009, new[] { "07TRIPOLI656", "07TRIPOLI695", "09BISHKEK1194" })]
    public void Canonical_ids_of_cited_cables(string text, int year, string[] expected)
    {
        Assert.Equal(expected, Ids(text, year));
    }

    [Fact]
    public void Each_cable_of_an_unlabelled_list_keeps_its_own_text()
    {
        var references = Parse("REF: SAO PAULO 273, SAO PAULO 90, STATE 188314, 259032 10 NAIROBI 11", 2009).References;

        Assert.Equal(
            [("09SAOPAULO273", "SAO PAULO 273"), ("09SAOPAULO90", "SAO PAULO 90"), ("09STATE188314", "STATE 188314, 259032"),
             ("09STATE259032", "STATE 188314, 259032"), ("10NAIROBI11", "10 NAIROBI 11")],
            references.Select(r => (r.CableId, r.Raw)));
    }

    [Fact]
    public void Serials_continued_with_slash_and_and()
    {
        Assert.Equal(
            ["07KABUL936", "07KABUL935", "06KABUL5353", "06KABUL5194", "07BRASILIA2799", "07BRASILIA2764"],
            Ids("Refs:  A) Kabul 936/935; B) 06 Kabul \n5353/5194 and previous; C) BRASILIA 2799 AND 2764", 2007));
    }

    [Theory]
    [InlineData("REF: A. REF A HAVANA 639 (\"A SPLENDID LITTLE VISIT\") \u00b6B. B HAVANA 772", new[] { "A", "B" })]
    [InlineData("REF: A. A) MANAMA 20 B. B) MANAMA 21", new[] { "A", "B" })]
    [InlineData("REF: A. REF A: 09 SOFIA 154\n\u00b6B. REF B: 05 SOFIA 1207", new[] { "A", "B" })]
    [InlineData("Ref: A Montreal 365, B Ottawa 406, C 05 Ottawa 2970", new[] { "A", "B", "C" })]
    [InlineData("REF: [A] LIMA 1 [B] LIMA 2", new[] { "A", "B" })]
    [InlineData("REF: A: Sao Paulo 0031; B: La Paz 0462", new[] { "A", "B" })]
    [InlineData("REF: REF (A) MADRID 3785 (B) MADRID 3566", new[] { "A", "B" })]
    [InlineData("REFS: A) ABU DHABI 199  C) 2/5/09 MONOSSON-COOPER EMAIL  D) ABU DHABI 6", new[] { "A", "C", "D" })]
    [InlineData("REF: a. State 77660 b. Berlin 1000", new[] { "A", "B" })]
    [InlineData("REF: A. SANAA 01995 b. SANAA 02079 c. SANAA 01669", new[] { "A", "B", "C" })]
    [InlineData("REF: (a) STATE 12 (b) STATE 13", new[] { "A", "B" })]
    public void Item_labels_in_their_written_forms(string text, string[] labels)
    {
        Assert.Equal(labels, Parse(text, 2010).References.Select(r => r.Label));
    }

    [Fact]
    public void Items_that_are_not_cables_get_a_kind_and_no_id()
    {
        var text = Lines(
            "REF: A) TALLINN 366",
            "B) LEE-GOLDSTEIN EMAIL 05/11/07",
            "C) HILL - OPS CENTER TELCONS 9/28 AND 29",
            "D) 2004 HUMAN RIGHTS REPORT FOR PANAMA",
            "E) PARIS POINTS JULY 15 AND SOME OTHER THINGS",
            "F) CAIRO IIR 6 899 0149 10");
        var references = Parse(text, 2007).References;

        Assert.Equal(
            [ReferenceKind.Cable, ReferenceKind.Email, ReferenceKind.Conversation, ReferenceKind.Document, ReferenceKind.Document, ReferenceKind.Document],
            references.Select(r => r.Kind));
        Assert.Equal("07TALLINN366", references[0].CableId);
        Assert.All(references.Skip(1), r => Assert.Null(r.CableId));
        Assert.Equal("LEE-GOLDSTEIN EMAIL 05/11/07", references[1].Raw);
    }

    [Fact]
    public void A_report_naming_a_country_is_not_a_cable()
    {
        Assert.Equal(["09ASUNCION338"], Ids("REF: A. ASUNCION 338 \n B. INCSR BRAZIL 2008", 2009));
    }

    [Fact]
    public void Secdef_is_not_state_and_a_dtg_is_not_a_serial()
    {
        Assert.Equal(["10SECDEF122723", "10BERLIN1045"], Ids("REF: A. SECDEF 122723 B. BERLIN 1045 C. SECDEF MSG DTG 301601z SEP 08", 2010));
    }

    [Fact]
    public void Blank_lines_between_items_do_not_end_the_block_but_the_first_paragraph_does()
    {
        var text = Lines("REF: A. OTTAWA 2258", " ", "     \u00b6B. OTTAWA 1245", "", "1. (C) We discussed OTTAWA 999 too.");

        Assert.Equal(["06OTTAWA2258", "06OTTAWA1245"], Ids(text, 2006));
    }

    [Fact]
    public void Each_reference_points_at_its_citation()
    {
        var text = "REF: A. TOKYO 2500 B. 07 STATE 12";
        var references = Parse(text, 2008).References;

        Assert.Equal(["TOKYO 2500", "07 STATE 12"], references.Select(r => text.At(r.Span)));
    }

    [Fact]
    public void Without_the_cables_year_an_id_cannot_be_made()
    {
        var reference = Assert.Single(Parse("REF: TOKYO 2500", null, out var context).References);

        Assert.Equal(ReferenceKind.Cable, reference.Kind);
        Assert.Null(reference.CableId);
        Assert.Contains(context.Diagnostics, d => d.Message.Contains("year"));
    }
}
