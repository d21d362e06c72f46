using static CableArchive.Parsing.Tests.Body.BodyTestSupport;

namespace CableArchive.Parsing.Tests.Body;

/// <summary>§7: the Classified By line.</summary>
public class ClassifiedByTests
{
    [Theory]
    [InlineData("Classified By: Ambassador J. Thomas Schieffer. Reasons 1.4 (b) and (d).", "J. Thomas Schieffer")]
    [InlineData("CLASSIFIED BY: Bodde Peter, Ambassador; REASON: 1.4(B)", "Bodde Peter")]
    [InlineData("CLASSIFIED BY: Rose E. Gottemoeller, Assistant Secretary, Department of State, VCI; REASON: 1.4(B), (D)", "Rose E. Gottemoeller")]
    [InlineData("Classified By: Acting Deputy Chief of Mission Marc Wall for Reasons 1.4\n (b) and (d)", "Marc Wall")]
    [InlineData("Classified By: Classified by DCM Liz Dibble for reasons 1.4 (b) and (d)", "Liz Dibble")]
    [InlineData("Classified By: (C) CLASSIFIED BY MINISTER COUNSELOR FOR ECONOMIC AFFAIR \nS ROBERT LUKE; REASON 1.4 (B) AND (D).", "ROBERT LUKE")]
    [InlineData("Classified By: 1. CLASSIFIED BY NEA ASSISTANT SECRETARY DAVID WELCH \nREASONS: 1.4 (B) AND (D)", "DAVID WELCH")]
    [InlineData("Classified By: Ambassadro Glyn T. Davies, reasons 1.4 (b) and (d)", "Glyn T. Davies")]
    [InlineData("Classified By: Charge d'Afairs (AI) Thomas Vajda for Reasons 1.4 (b) & \n (d", "Thomas Vajda")]
    [InlineData("1.  CLASSIFIED BY AMBASSADOR TO SUDAN TIMOTHY CARNEY.\nREASON 1.5(D).", "TIMOTHY CARNEY")]
    [InlineData("1.  (U) CLASSIFIED BY THOMAS W. SIMONS, JR., AMBASSADOR.\nREASON:  1.5 (B), (C) AND (D).", "THOMAS W. SIMONS, JR.")]
    [InlineData("Classified By: Interagency Provincial Affairs Deputy Coordinator Hoyt Y\nee for reasons 1.4 (b) and (d)", "Hoyt Yee")]
    [InlineData("Classified By: Classified by Deputy Political Counselor Charles O. Blah \na, E.O. 12958, reasons 1.4 (b) and (d).", "Charles O. Blaha")]
    [InlineData("(U)  CLASSIFIED BY AMBASSAD0R R0BIN L. RAPHEL BASED 0N 1.5 (B) \nAND (D).", "R0BIN L. RAPHEL")]
    [InlineData("Classified By: AMB:RCROCKER, Reasons 1.4 (b) and (c)", "RCROCKER")]
    [InlineData("Classified By: CDA: Charles Barclay for reQ#8$UQ8ML#C may choke", "Charles Barclay")]
    [InlineData("Classified By: ConGen Istanbul DPO Sandra Oudkirk; Reason 1.5 (d)", "Sandra Oudkirk")]
    [InlineData("Classified By: Classified by Econ M/C Westerfield for Reasons 1.4 b and d.", "Westerfield")]
    [InlineData("Classified By: Special Representative for Afghanistan and Pakistan \nRichard C. Holbrooke \n \n1.  (U)  Text.", "Richard C. Holbrooke")]
    public void Reads_the_name_without_the_title(string line, string name)
    {
        Assert.Equal([name], Parse(line, 2009).ClassifiedBy?.Names ?? []);
    }

    [Fact]
    public void Two_officers()
    {
        var classifiedBy = Parse("CLASSIFIED BY AF KARL WYCOFF, ACTING AND S/CT DAS SHARI \nVILLAROSA ; E.O. 12958 REASON: 1.4 (B) AND (D)", 2009).ClassifiedBy;

        Assert.Equal(["KARL WYCOFF", "SHARI VILLAROSA"], classifiedBy?.Names ?? []);
        Assert.Equal("KARL WYCOFF", classifiedBy?.Name);
    }

    [Theory]
    [InlineData("Classified By: Ambassador for reasons 1.4 (b) and (d)")]
    [InlineData("1.  CONFIDENTIAL - ENTIRE TEXT.  CLASSIFIED BY SECTION 1.5 (B)\nAND (D).")]
    [InlineData("Classified By: Derived from Multiple Sources")]
    public void Lines_that_name_no_officer(string line)
    {
        var classifiedBy = Parse(line, 2009).ClassifiedBy;

        Assert.NotNull(classifiedBy);
        Assert.Empty(classifiedBy.Names);
        Assert.Null(classifiedBy.Name);
    }

    [Theory]
    [InlineData("Reasons 1.4 (b) and (d).", new[] { "1.4(b)", "1.4(d)" })]
    [InlineData("REASON: 1.4(B), (D)", new[] { "1.4(b)", "1.4(d)" })]
    [InlineData("reasons 1.4 (b/d).", new[] { "1.4(b)", "1.4(d)" })]
    [InlineData("Reasons 1.4 b and d.", new[] { "1.4(b)", "1.4(d)" })]
    [InlineData("REASONS 1.4 (B & D)", new[] { "1.4(b)", "1.4(d)" })]
    [InlineData("reasons 1.4 (b+d).", new[] { "1.4(b)", "1.4(d)" })]
    [InlineData("reason 1.4(G)(E)", new[] { "1.4(g)", "1.4(e)" })]
    [InlineData("REASON 1.5.D.", new[] { "1.5(d)" })]
    [InlineData("for reasons 1/4 (B), (D), (E), and (G)", new[] { "1.4(b)", "1.4(d)", "1.4(e)", "1.4(g)" })]
    [InlineData("DUE TO 1,4 (C) AND (D).", new[] { "1.4(c)", "1.4(d)" })]
    [InlineData("for reasons 1. \n4 (b) and (d)", new[] { "1.4(b)", "1.4(d)" })]
    [InlineData("for REASO\nNS 1.4 (B)", new[] { "1.4(b)" })]
    [InlineData("Reasons: 1.4 (b) an\nd (d).", new[] { "1.4(b)", "1.4(d)" })]
    [InlineData("Reasons: 1.4 (b) a\nnd (d).", new[] { "1.4(b)", "1.4(d)" })]
    [InlineData("; reasons: E.O. 12958 1.4 (b,d).", new[] { "1.4(b)", "1.4(d)" })]
    public void Reasons_are_normalised(string tail, string[] reasons)
    {
        var classifiedBy = Parse("Classified By: Ambassador John Smith " + tail, 2009).ClassifiedBy;

        Assert.Equal(reasons, classifiedBy?.Reasons ?? []);
        Assert.Equal(["John Smith"], classifiedBy?.Names ?? []);
    }

    [Fact]
    public void A_label_that_names_no_one_gives_way_to_a_later_one()
    {
        var text = Lines("Classified By: ADANA 222 ", "ADANA 216 ", "ADANA 207 ", "ANKARA 6772 ", " ", "Classified by DCM Nancy McEldowney; reasons 1.4 b and d.");

        Assert.Equal(["Nancy McEldowney"], Parse(text, 2005).ClassifiedBy?.Names ?? []);
    }

    [Fact]
    public void The_line_inside_paragraph_one()
    {
        var text = Lines("C O N F I D E N T I A L RIYADH 001234", "", "SUBJECT:  CROWN PRINCE ABDULLAH THE DIPLOMAT", "", "1.  (U) CLASSIFIED BY CDA THEODORE KATTOUF, REASON 1.5.D.", "", "2.  (C) Text.");
        var result = Parse(text, 1999);

        Assert.Equal(["THEODORE KATTOUF"], result.ClassifiedBy?.Names ?? []);
        Assert.Equal("CDA", result.ClassifiedBy?.Title);
        Assert.Contains(result.Paragraphs, p => p.Number == "1");
    }

    [Theory]
    [InlineData("for reasons 1.4 (b) and (d\n).")]
    [InlineData("Reasons: 1.4 (b) an\nd (d).")]
    [InlineData("; reasons: E.O. 12958 1.4 (b,d).")]
    public void A_line_wrapped_in_its_reasons_leaves_no_fragment_in_the_text(string tail)
    {
        var text = Lines("C O N F I D E N T I A L PARIS 005335", "", "E.O. 12958: DECL: 08/03/2015", "TAGS: ECON FR", "SUBJECT: A CALL", "",
            "Classified By: Ambassador John Smith " + tail, "", "1. (C) The Ambassador met the minister.");
        var result = Parse(text, 2005);

        Assert.Equal(["1.4(b)", "1.4(d)"], result.ClassifiedBy?.Reasons ?? []);
        Assert.Equal(["The Ambassador met the minister."], result.Paragraphs.Select(p => p.Text));
        Assert.Equal("12958", result.ExecutiveOrder?.Order);
    }

    [Fact]
    public void The_record_keeps_its_raw_text_and_span()
    {
        var text = "Classified By: Ambassador J. Thomas Schieffer. Reasons 1.4 (b) and (d).\n\n1. (U) Text.";
        var classifiedBy = Parse(text, 2008).ClassifiedBy;

        Assert.NotNull(classifiedBy);
        Assert.Equal("Classified By: Ambassador J. Thomas Schieffer. Reasons 1.4 (b) and (d).", text.At(classifiedBy.Span));
        Assert.Equal("Ambassador", classifiedBy.Title);
    }
}
