using CableArchive.Domain.Cables;

using static CableArchive.Parsing.Tests.Body.BodyTestSupport;

namespace CableArchive.Parsing.Tests.Body;

/// <summary>§3.2: captions and FOR lines; §8.8: nested telegrams.</summary>
public class CaptionTests
{
    [Fact]
    public void Reads_captions_on_their_own_lines_and_for_lines()
    {
        var text = Lines(
            "C O N F I D E N T I A L SECTION 01 OF 02 REYKJAVIK 000195",
            "",
            "SIPDIS",
            "NOFORN",
            "",
            "DEPT FOR EUR/NB, EUR/RPM, SCA/A",
            "OSLO FOR DATT",
            "",
            "E.O. 12958: DECL: 09/08/2013",
            "TAGS: MOPS PGOV IC",
            "SUBJECT: ICELAND");
        var captions = Parse(text, 2008).Captions;

        Assert.Equal([CaptionKind.Sipdis, CaptionKind.NoForn, CaptionKind.For, CaptionKind.For], captions.Select(c => c.Kind));
        Assert.Equal("DEPT FOR EUR/NB, EUR/RPM, SCA/A", captions[2].Text);
        Assert.Equal("OSLO FOR DATT", text.At(captions[3].Span));
    }

    [Fact]
    public void A_for_line_sharing_its_line_with_the_eo_line()
    {
        var text = Lines("C O N F I D E N T I A L TRIPOLI 000220", "", "SIPDIS SIPDIS", "", "DEPT FOR NEA/MAG AND DRL E.O. 12958: DECL: 3/13/2018", "TAGS: PGOV LY");
        var result = Parse(text, 2008);

        Assert.Equal([CaptionKind.Sipdis, CaptionKind.Sipdis, CaptionKind.For], result.Captions.Select(c => c.Kind));
        Assert.Equal("DEPT FOR NEA/MAG AND DRL", result.Captions[2].Text);
        Assert.Equal(new DateOnly(2018, 3, 13), result.ExecutiveOrder?.DeclassifyOn);
    }

    [Fact]
    public void The_whole_block_on_one_line()
    {
        var text = "C O N F I D E N T I A L SECTION 01 OF 02 STATE 000284 SIPDIS E.O. 12958: DECL: 01/04/2020 TAGS: MASS PREL LY SUBJECT: ARMS TRANSFERS TO LIBYA REF: STATE 1234 Classified By: Assistant Secretary Jeffrey Feltman, Reasons 1.4 (b) and (d)";
        var result = Parse(text, 2010);

        Assert.Equal(CaptionKind.Sipdis, Assert.Single(result.Captions).Kind);
        Assert.Equal(new DateOnly(2020, 1, 4), result.ExecutiveOrder?.DeclassifyOn);
        Assert.Equal(["MASS", "PREL", "LY"], result.Tags.Select(t => t.Code));
        Assert.Equal("ARMS TRANSFERS TO LIBYA", result.Subject?.Text);
        Assert.Equal(["10STATE1234"], result.References.Select(r => r.CableId));
        Assert.Equal("Jeffrey Feltman", result.ClassifiedBy?.Name);
    }

    [Theory]
    [InlineData("SENSITIVE", "SENSITIVE")]
    [InlineData("SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY", "SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY")]
    [InlineData("Sensitive But Unclassified. Please Protect Accordingly.", "Sensitive But Unclassified. Please Protect Accordingly.")]
    [InlineData("SENSITIVE BUT UNCLASSIFED--PLEASE PROTECT ACCORDINGLY", "SENSITIVE BUT UNCLASSIFED--PLEASE PROTECT ACCORDINGLY")]
    public void Sbu_statements_are_sensitive_captions(string line, string caption)
    {
        var text = Lines("UNCLAS SECTION 01 OF 03 MADRID 002164", "", "SIPDIS", line, "", "E.O. 12958: N/A");
        var sensitive = Assert.Single(Parse(text, 2004).Captions, c => c.Kind == CaptionKind.Sensitive);

        Assert.Equal(caption, sensitive.Text);
    }

    [Theory]
    [InlineData("EXDIS", CaptionKind.Exdis)]
    [InlineData("NODIS", CaptionKind.Nodis)]
    [InlineData("LIMDIS", CaptionKind.Limdis)]
    [InlineData("STADIS", CaptionKind.Stadis)]
    [InlineData("NOTAL", CaptionKind.Notal)]
    [InlineData("NOFORN", CaptionKind.NoForn)]
    public void Distribution_captions(string word, CaptionKind kind)
    {
        var text = Lines("S E C R E T STATE 000100", "", word, "", "E.O. 12958: DECL: 01/01/2019");

        Assert.Equal(kind, Assert.Single(Parse(text, 2009).Captions).Kind);
    }

    [Fact]
    public void Several_captions_and_a_for_line_on_one_line()
    {
        var text = Lines("S E C R E T SECTION 01 OF 02 STATE 083673", "", "NOFORN, SIPDIS, FOR DCMS AND ALL CABLE DRAFTERS", "", "E.O. 12958: DECL: 06/01/2031");
        var captions = Parse(text, 2006).Captions;

        Assert.Equal([CaptionKind.NoForn, CaptionKind.Sipdis, CaptionKind.For], captions.Select(c => c.Kind));
        Assert.Equal("FOR DCMS AND ALL CABLE DRAFTERS", captions[2].Text);
    }

    [Fact]
    public void A_wrapped_correction_notice_is_one_caption()
    {
        var text = Lines(
            "C O N F I D E N T I A L BUENOS AIRES 000071",
            "C O R R E C T E D C O P Y - ADDED AMEMBASSY LONDON AS ADDITIONAL",
            "ADDRESSEE.",
            "SIPDIS",
            "",
            "E.O. 12958: DECL: 01/22/2020");
        var captions = Parse(text, 2010).Captions;

        Assert.Equal([CaptionKind.Correction, CaptionKind.Sipdis], captions.Select(c => c.Kind));
        Assert.Equal("ADDED AMEMBASSY LONDON AS ADDITIONAL ADDRESSEE.", captions[0].Text);
    }

    [Fact]
    public void A_correction_of_the_subject_line_is_not_the_subject()
    {
        var text = Lines(
            "S E C R E T OTTAWA 000918",
            "C O R R E C T E D COPY//SUBJECT LINE//////////////////////////////////",
            "NOFORN",
            "SIPDIS",
            "EO 12958 DECL: 07/09/2018",
            "TAGS PTER PREL CA",
            "SUBJECT: COUNSELOR, CSIS DIRECTOR DISCUSS CT THREATS,",
            "PAKISTAN, AFGHANISTAN, IRAN",
            "REF: A. OTTAWA 360");
        var result = Parse(text, 2008);

        Assert.Equal("SUBJECT LINE", result.Captions[0].Text);
        Assert.Equal("COUNSELOR, CSIS DIRECTOR DISCUSS CT THREATS, PAKISTAN, AFGHANISTAN, IRAN", result.Subject?.Text);
    }

    [Fact]
    public void A_repeated_telegram_keeps_the_outer_captions_and_the_first_eo_and_tags()
    {
        var text = Lines(
            "S E C R E T STATE 127892",
            "NOFORN",
            "FOLLOWING STATE 127892 DATED 150910Z DEC 09 SENT ACTION RIGA, TALLINN, VILNIUS, USNATO INFO ALL NATO POST COLLECTIVE IS BEING",
            "REPEATED FOR YOUR ACTION.",
            "QUOTE:",
            "",
            "S E C R E T STATE 127892",
            "SIPDIS",
            "NOFORN",
            "E.O. 12958: DECL: 12/03/2019",
            "TAGS: PREL NATO MARR",
            "SUBJECT: BALTIC CONTINGENCY PLANNING",
            "",
            "1. (S) Text.",
            "",
            "E.O. 12958: DECL: 01/01/2030",
            "TAGS: ECON",
            "CLINTON UNQUOTE CLINTON");
        var result = Parse(text, 2009, out var context);

        Assert.Equal(0, result.ClassificationLine?.Span.Start);
        Assert.Equal([CaptionKind.NoForn], result.Captions.Select(c => c.Kind));
        Assert.Equal(new DateOnly(2019, 12, 3), result.ExecutiveOrder?.DeclassifyOn);
        Assert.Equal(["PREL", "NATO", "MARR"], result.Tags.Select(t => t.Code));
        Assert.Equal(["CLINTON", "CLINTON"], result.Signers.Select(s => s.Name));
    }

    [Fact]
    public void A_duplicated_banner_block_still_gives_its_captions()
    {
        var text = Lines(
            "S E C R E T SECTION 01 OF 05 LA PAZ 003400",
            "",
            "SIPDIS",
            "",
            "S E C R E T SECTION 01 OF 05 LA PAZ 003400",
            "",
            "NOFORN",
            "",
            "E.O. 12958: DECL: 08/18/2036");

        Assert.Equal([CaptionKind.Sipdis, CaptionKind.NoForn], Parse(text, 2006).Captions.Select(c => c.Kind));
    }

    [Fact]
    public void A_media_wrappers_fields_are_not_for_lines()
    {
        var text = Lines("ID: 245489", "ORIGIN: XXXXXXXXXXXX", "SOURCE: Embassy Beijing", "CLASSIFICATION: SECRET", "", "XXXXXXXXXXXX", "", "SIPDIS", "", "NSC FOR BADER", "", "E.O. 12958: DECL: 01/26/2030");

        Assert.Equal([CaptionKind.Sipdis, CaptionKind.For], Parse(text, 2010).Captions.Select(c => c.Kind));
    }

    [Fact]
    public void Sipdis_inside_running_text_is_removed_from_the_text_and_flagged()
    {
        var text = Lines(
            "C O N F I D E N T I A L HARARE 006677",
            "",
            "E.O. 12958: DECL: 11/29/10",
            "SUBJECT: TALKS",
            "",
            "1. (C) TSVANGIRAI OFFERED FOUR",
            "SIPDIS SCENARIOS UNDER WHICH HE WOULD TALK.");
        var result = Parse(text, 2000);

        Assert.Equal("TSVANGIRAI OFFERED FOUR\nSCENARIOS UNDER WHICH HE WOULD TALK.", Assert.Single(result.Paragraphs).Text);
        Assert.Contains(result.Captions, c => c.Kind == CaptionKind.Sipdis);
    }
}
