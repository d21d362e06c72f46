using CableArchive.Domain;

using static CableArchive.Parsing.Tests.Body.BodyTestSupport;

namespace CableArchive.Parsing.Tests.Body;

/// <summary>§3.3, §3.4, §2.8, §1.4, §10: the body pre-pass.</summary>
public class PageBreakTests
{
    [Fact]
    public void A_modern_page_break_line_is_recorded_and_the_text_around_it_joins()
    {
        var text = Lines(
            "S E C R E T SECTION 01 OF 02 TOKYO 002577",
            "",
            "SUBJECT: A TEST",
            "",
            "1. (S) The minister said that the growth rates of the",
            " ",
            "TOKYO 00002577  002 OF 002",
            " ",
            " ",
            "last three years would hold.",
            "SCHIEFFER");
        var result = Parse(text, 2008);

        var pageBreak = Assert.Single(result.PageBreaks);
        Assert.Equal("TOKYO 00002577  002 OF 002", text.At(pageBreak));
        var paragraph = Assert.Single(result.Paragraphs);
        Assert.Equal("The minister said that the growth rates of the\nlast three years would hold.", paragraph.Text);
    }

    [Fact]
    public void An_inline_page_break_is_cut_out_of_the_sentence()
    {
        var text = Lines(
            "C O N F I D E N T I A L TRIPOLI 000220",
            "",
            "1. (C) The MFA had no objection to a TRIPOLI 00000220 002 OF 003 visit by Emboffs.");
        var paragraph = Assert.Single(Parse(text, 2008).Paragraphs);

        Assert.Equal("The MFA had no objection to a visit by Emboffs.", paragraph.Text);
    }

    [Fact]
    public void A_page_break_split_over_two_lines_is_found_and_is_not_a_reference()
    {
        var text = Lines("REF: A) TRIPOLI 199, B) TRIPOLI 227 TRIPOLI 00000402 ", "", "001.2 OF 003 ");
        var result = Parse(text, 2008);

        Assert.Single(result.PageBreaks);
        Assert.Equal(["08TRIPOLI199", "08TRIPOLI227"], result.References.Select(r => r.CableId));
    }

    [Fact]
    public void A_truncated_origin_in_a_page_break_matches_the_banner()
    {
        var text = Lines(
            "UNCLAS SECTION 01 OF 02 PORT AU PRINCE 002230",
            "",
            "1. (U) The first part of the text",
            "PORT AU PR 00002230 002 OF 002",
            "and its second part.");
        var result = Parse(text, 2006);

        Assert.Equal("PORT AU PR 00002230 002 OF 002", text.At(Assert.Single(result.PageBreaks)));
        Assert.Equal("The first part of the text\nand its second part.", Assert.Single(result.Paragraphs).Text);
    }

    [Fact]
    public void An_old_page_header_goes_with_its_centred_classification_lines()
    {
        var text = Lines(
            "C O N F I D E N T I A L SOFIA 003382",
            "",
            "5.  BIO NOTE:  HE MENTIONED THAT, DURING A PREVIOUS TOUR OF DUTY IN",
            "CONFIDENTIAL",
            "",
            "SIPDIS",
            "",
            "CONFIDENTIAL",
            "",
            "PAGE 03        SOFIA  03382  111320Z",
            "",
            "IRAN, HE WAS SENT BY HIS AMBASSADOR.",
            "RICKERT");
        var result = Parse(text, 2000);

        Assert.Equal("PAGE 03        SOFIA  03382  111320Z", text.At(Assert.Single(result.PageBreaks)));
        Assert.Equal("BIO NOTE:  HE MENTIONED THAT, DURING A PREVIOUS TOUR OF DUTY IN\nIRAN, HE WAS SENT BY HIS AMBASSADOR.", Assert.Single(result.Paragraphs).Text);
        Assert.Equal(["RICKERT"], result.Signers.Select(s => s.Name));
    }

    [Fact]
    public void An_old_page_header_inside_a_subject_line_lets_the_subject_continue()
    {
        var text = Lines(
            "SUBJECT: ASSISTANT SECRETARY MEETS WITH ZIMBABWE",
            " CONFIDENTIAL",
            "PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER",
            "",
            "1. (C) Text.");

        Assert.Equal("ASSISTANT SECRETARY MEETS WITH ZIMBABWE OPPOSITION LEADER", Parse(text, 2000).Subject?.Text);
    }

    [Fact]
    public void Text_after_nnnn_is_cut()
    {
        var text = Lines("C O N F I D E N T I A L CARACAS 002200", "", "1. (C) Text.", "MCFARLAND", "", "NNNN", "2004CARACA02200 - CONFIDENTIAL");
        var result = Parse(text, 2004, out var context);

        Assert.Equal(["MCFARLAND"], result.Signers.Select(s => s.Name));
        Assert.Contains(context.Diagnostics, d => d.Message.Contains("NNNN"));
    }

    [Fact]
    public void A_backslash_ending_a_line_is_not_text()
    {
        var text = "SUBJECT: LITTLE PROGRESS AND MUCH CONFUSION \\\nLEAD TO ADJOURNMENT \\\n \\\nClassified By: Pol";

        Assert.Equal("LITTLE PROGRESS AND MUCH CONFUSION LEAD TO ADJOURNMENT", Parse(text).Subject?.Text);
    }

    [Fact]
    public void Redactions_of_any_length_from_four_letters_are_recorded()
    {
        var text = Lines("C O N F I D E N T I A L KABUL 002246", "", "1. (C) XXXXXXXXXXXXX told xxxxx he was ashamed,, of the XXX president.");
        var result = Parse(text, 2009);

        Assert.Equal(["XXXXXXXXXXXXX", "xxxxx"], result.Redactions.Select(r => text.At(r)));
    }

    [Fact]
    public void Another_cables_page_break_ends_the_body_as_a_foreign_record()
    {
        var text = Lines(
            "S E C R E T SECTION 01 OF 02 BERN 000881",
            "",
            "1. (S) Our text.",
            "CONEWAY",
            "",
            "TBILISI 00002290  006 OF 006",
            "",
            "6. (C) Their text.",
            "TEFFT");
        var result = Parse(text, 2007, out var context);

        Assert.Equal(["CONEWAY"], result.Signers.Select(s => s.Name));
        Assert.DoesNotContain(result.Paragraphs, p => p.Number == "6");
        Assert.Contains(context.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("another cable"));
    }
}
