using CableArchive.Domain.Cables;

using static CableArchive.Parsing.Tests.Body.BodyTestSupport;

namespace CableArchive.Parsing.Tests.Body;

/// <summary>§5: TAGS.</summary>
public class TagTests
{
    private static string[] Codes(string text) => [.. Parse(text, 2009).Tags.Select(t => t.Code)];

    [Fact]
    public void Kinds_follow_the_code_shape_and_tables()
    {
        var tags = Parse("TAGS: PGOV KTIP JA NATO OVIP (CLINTON, HILLARY) HUMAN RIGHTS", 2009).Tags;

        Assert.Equal(
            [("PGOV", TagKind.Subject), ("KTIP", TagKind.Program), ("JA", TagKind.Geographic), ("NATO", TagKind.Organization),
             ("OVIP", TagKind.Subject), ("CLINTON, HILLARY", TagKind.Person), ("HUMAN RIGHTS", TagKind.Unknown)],
            tags.Select(t => (t.Code, t.Kind)));
    }

    [Theory]
    [InlineData("TAGS: PREL ECON EFIN ELAB PGOV FR")]
    [InlineData("TAGS PREL ECON EFIN ELAB PGOV FR")]
    [InlineData("TAGS: PREL, ECON, EFIN, ELAB, PGOV, FR")]
    [InlineData("TAGS, PREL, ECON, EFIN, ELAB, PGOV, FR")]
    [InlineData("TAGS;  PREL, ECON EFIN ELAB, PGOV, FR")]
    [InlineData("tAgs: prel, econ, efin, elab, pgov, fr")]
    [InlineData("TAS: PREL, ECON, EFIN, ELAB, PGOV, FR")]
    [InlineData("TAGES:  PREL, ECON, EFIN, ELAB, PGOV, FR")]
    [InlineData("E.O. 12958: DECL: 08/22/2017 AGS: PREL, ECON, EFIN, ELAB, PGOV, FR")]
    [InlineData("E.O. 12958:  DECL: 03/20/2019 TAG PREL, ECON, EFIN, ELAB, PGOV, FR")]
    public void Keyword_variants_and_separators(string line)
    {
        Assert.Equal(["PREL", "ECON", "EFIN", "ELAB", "PGOV", "FR"], Codes(line));
    }

    [Fact]
    public void Run_together_tags_are_split_into_known_codes()
    {
        Assert.Equal(["KFRD", "KIRF", "CVIS", "CMGT", "KOCI", "ASEC", "PHUM", "SMIG", "EG"], Codes("TAGS: KFRDKIRFCVISCMGTKOCIASECPHUMSMIGEG"));
        Assert.Equal(["KCRM", "KWMN", "ASEC", "PHUM", "BA"], Codes("TAGS: KCRM KWMN ASEC PHUMBA"));
        Assert.Equal(["MASS", "MNUC", "NPT", "PARM", "PREL"], Codes("TAGS: MASSMNUC NPT PARM PREL"));
    }

    [Fact]
    public void A_word_such_as_panama_is_not_split_into_countries()
    {
        Assert.Equal(["PANAMA"], Codes("TAGS: PANAMA"));
    }

    [Fact]
    public void Free_text_phrases_and_phrases_glued_to_codes()
    {
        Assert.Equal(["MARR", "PM", "LABOR", "HUMAN RIGHTS", "POL", "MIL"], Codes("TAGS: MARR PM LABOR HUMAN RIGHTSPOLMIL"));
        Assert.Equal(["IS", "ISRAELI PALESTINIAN AFFAIRS", "GOI EXTERNAL"], Codes("TAGS: IS ISRAELI PALESTINIAN AFFAIRS GOI EXTERNAL"));
        Assert.Equal(["PGOV", "POLITICS FOREIGN POLICY", "POL", "FOREIGN POL"], Codes("TAGS: PGOV POLITICS FOREIGN POLICY POL FOREIGN POL"));
    }

    [Fact]
    public void Unknown_acronyms_side_by_side_are_separate_tags()
    {
        // 10KABUL62: "TAGS: FBI JUS PGOV PINR PREL"; 10STATE8675: "… PARM OTR TC"; TC is the UAE's FIPS code.
        Assert.Equal(["FBI", "JUS", "PGOV", "PINR", "PREL"], Codes("TAGS: FBI JUS PGOV PINR PREL"));
        Assert.Equal(["ENRG", "PARM", "OTR", "TC"], Codes("TAGS: ENRG PARM OTR TC"));
        Assert.Equal(["PREL", "OTR", "QQ"], Codes("TAGS: PREL OTR QQ"));
    }

    [Fact]
    public void Known_phrases_hold_words_that_are_also_codes()
    {
        // "IN" is India's code, but "TIP IN TURKEY" is one free-text tag (§5.2); an unknown phrase with a word of
        // three letters stays one tag too.
        Assert.Equal(["PTER", "TIP IN TURKEY", "TU"], Codes("TAGS: PTER TIP IN TURKEY TU"));
        Assert.Equal(["EAID", "ECONOMY AND FINANCE"], Codes("TAGS: EAID ECONOMY AND FINANCE"));
        Assert.Equal(["ENRG", "OIL AND GAS", "RS"], Codes("TAGS: ENRG OIL AND GAS RS"));
    }

    [Fact]
    public void Person_tags_after_ovip_without_parentheses()
    {
        Assert.Equal(["OVIP", "CLINTON, HILLARY", "PREL"], Codes("TAGS: OVIP CLINTON HILLARY PREL"));
        Assert.Equal(["OVIP", "STEINBERG, JAMES B.", "PREL"], Codes("TAGS: OVIP STEINBERG JAMES PREL"));
        Assert.Equal(["OVIP", "STEINBERG, JAMES B.", "PREL"], Codes("Tags: ovip (steinberg, james b.), prel"));
    }

    [Fact]
    public void Continuation_lines_after_a_comma_or_before_the_next_field()
    {
        Assert.Equal(["OVIP", "CLINTON, HILLARY", "PGOV", "ECON", "NL", "IS"], Codes("TAGS OVIP (CLINTON, HILLARY), PGOV, ECON,\nNL, IS"));
        Assert.Equal(["KU", "COUNTRY CLEARANCE"], Codes("TAGS: KU COUNTRY\nCLEARANCE \nSUBJECT: KUWAIT GRANTS COUNTRY CLEARANCE"));
        Assert.Equal(["SP", "EINV"], Codes("TAGS: SP\nEINV\nSUBJECT: A MADRID WEEKLY"));
        Assert.Equal(["SOMETHING"], Codes("tAgs something\nhere"));
    }

    [Fact]
    public void Sipdis_a_repeated_keyword_and_duplicates_are_dropped()
    {
        Assert.Equal(["ECON", "ETRD", "CA"], Codes("TAGS: ECON ETRD CA SIPDIS"));
        Assert.Equal(["EAID", "BA", "EFIN"], Codes("TAGS: EAID, BA, TAGS: EFIN "));
        Assert.Equal(["PHUM", "OPRC", "IT"], Codes("TAGS PHUM, OPRC, OPRC, IT, ITPHUM"));
    }

    [Fact]
    public void An_old_page_header_ends_the_tags()
    {
        var text = "TAGS: PREL, ETRD, IT                          SECRET       PAGE 02        ROME  03067  211833Z \nSUBJECT: ITALY ON LIBYA";

        Assert.Equal(["PREL", "ETRD", "IT"], Codes(text));
    }

    [Fact]
    public void Typos_one_letter_away_from_a_known_tag_are_repaired()
    {
        Assert.Equal(["PTER", "MOPS", "PGOV", "KWMN"], Codes("TAGS PTER MOPPS, POGOV KWWMN"));
    }

    [Fact]
    public void Organisation_forms_with_slashes_and_hyphens()
    {
        var tags = Parse("TAGS: PREL, UNGA/C-6, ZANU-PF", 2008).Tags;

        Assert.Equal([("PREL", TagKind.Subject), ("UNGA/C-6", TagKind.Organization), ("ZANU-PF", TagKind.Organization)], tags.Select(t => (t.Code, t.Kind)));
    }

    [Fact]
    public void Each_tag_points_at_its_text()
    {
        var text = "TAGS: PGOV, KTIP";
        var tags = Parse(text).Tags;

        Assert.Equal(["PGOV", "KTIP"], tags.Select(t => text.At(t.Span)));
    }
}
