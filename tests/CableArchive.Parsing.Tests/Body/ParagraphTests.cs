using CableArchive.Domain;
using CableArchive.Domain.Classification;

using static CableArchive.Parsing.Tests.Body.BodyTestSupport;

namespace CableArchive.Parsing.Tests.Body;

/// <summary>§8.1–§8.2: paragraph numbering and portion marks.</summary>
public class ParagraphTests
{
    private const string Front = "S E C R E T TOKYO 002577\n\nSUBJECT: A TEST\n\nClassified By: Ambassador J. Thomas Schieffer. Reasons 1.4 (b) and (d).\n\n";

    [Fact]
    public void Numbered_paragraphs_with_and_without_anchor_and_blank()
    {
        var text = Front + Lines("\u00b61. (U) First.", "", "2. (S) Second,", "continued.", "", "3.(C//NF) Third.", "", "\u00b64.  (SBU)  Fourth.");
        var paragraphs = Parse(text, 2008).Paragraphs;

        Assert.Equal(["1", "2", "3", "4"], paragraphs.Select(p => p.Number));
        Assert.Equal(["(U)", "(S)", "(C//NF)", "(SBU)"], paragraphs.Select(p => p.Marking.Raw));
        Assert.Equal(["First.", "Second,\ncontinued.", "Third.", "Fourth."], paragraphs.Select(p => p.Text));
        Assert.True(paragraphs[2].Marking.Label?.IsNoForn);
        Assert.Equal("(C//NF)", text.At(paragraphs[2].Marking.Span));
        Assert.StartsWith("3.(C//NF)", text.At(paragraphs[2].Span));
    }

    [Fact]
    public void A_parenthesis_that_is_not_a_mark_stays_in_the_text()
    {
        var paragraph = Assert.Single(Parse(Front + "\u00b62.   (U.S.)   Failed Terrorist Attack", 2009).Paragraphs);

        Assert.Equal(MarkingStatus.Unmarked, paragraph.Marking.Status);
        Assert.Equal("(U.S.)   Failed Terrorist Attack", paragraph.Text);
    }

    [Theory]
    [InlineData("1. C) Content 1", ClassificationLevel.Confidential)]
    [InlineData("1. SBU) Content 1", ClassificationLevel.Sbu)]
    [InlineData("1. (C - ENTIRE TEXT). Content 1", ClassificationLevel.Confidential)]
    [InlineData("1.  CONFIDENTIAL - ENTIRE TEXT.  Content 1", ClassificationLevel.Confidential)]
    [InlineData("1.  Summary: (SBU) Content 1", ClassificationLevel.Sbu)]
    [InlineData("1. ( c ) Content 1", ClassificationLevel.Confidential)]
    [InlineData("1. (S-NF) Content 1", ClassificationLevel.Secret)]
    public void Malformed_and_unusual_marks(string line, ClassificationLevel level)
    {
        var paragraph = Assert.Single(Parse(Front + line, 2008).Paragraphs);

        Assert.Equal(MarkingStatus.Marked, paragraph.Marking.Status);
        Assert.Equal(level, paragraph.Marking.Label?.Level);
        Assert.EndsWith("Content 1", paragraph.Text);
    }

    [Fact]
    public void A_redacted_mark_is_unreadable_not_unclassified()
    {
        var paragraph = Assert.Single(Parse(Front + "\u00b62. XXXXXXXXXXXX\n He confirmed it.", 2007).Paragraphs);

        Assert.Equal(MarkingStatus.Unreadable, paragraph.Marking.Status);
        Assert.StartsWith("XXXXXXXXXXXX", paragraph.Text);
    }

    [Fact]
    public void An_unreadable_mark_is_reported()
    {
        var result = Parse(Front + "1. (S//QX) Text.", 2008, out var context);

        Assert.Equal(MarkingStatus.Unreadable, Assert.Single(result.Paragraphs).Marking.Status);
        Assert.Contains(context.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("(S//QX)"));
    }

    [Fact]
    public void Lettered_sub_paragraphs_with_their_own_marks()
    {
        var text = Front + Lines("1. (S) Main points:", "", "A. (C) First point.", "", "B. (S//NF) Second point.", "", "2. (U) Next.");
        var paragraphs = Parse(text, 2008).Paragraphs;

        Assert.Equal([("1", 0), ("A", 1), ("B", 1), ("2", 0)], paragraphs.Select(p => (p.Number, p.Level)));
        Assert.Equal(ClassificationLevel.Confidential, paragraphs[1].Marking.Label?.Level);
    }

    [Fact]
    public void Unnumbered_blocks_before_the_first_paragraph_are_kept()
    {
        var text = Front + Lines("(S) In a meeting on Monday the minister spoke.", "", "Another block.", "", "1. (S) Numbered.");
        var paragraphs = Parse(text, 2008).Paragraphs;

        Assert.Equal([null, null, "1"], paragraphs.Select(p => p.Number));
        Assert.Equal("(S)", paragraphs[0].Marking.Raw);
        Assert.Equal("In a meeting on Monday the minister spoke.", paragraphs[0].Text);
    }

    [Fact]
    public void An_anchored_number_going_back_after_a_wrapped_line_is_text()
    {
        // WikiLeaks' script anchors any number that starts a line, also one a wrapped sentence put there.
        var text = Front + Lines("\u00b63. (C) Three.", "", "\u00b64. (SBU) We ask guidance on the request posed in paragraph", "\u00b63. Then more.", "", "\u00b61. (C) A quoted text starts again.");
        var paragraphs = Parse(text, 2008).Paragraphs;

        Assert.Equal(["3", "4", "1"], paragraphs.Select(p => p.Number));
        Assert.EndsWith("posed in paragraph\n\u00b63. Then more.", paragraphs[1].Text);
    }

    [Fact]
    public void After_a_blank_line_a_number_out_of_sequence_starts_a_paragraph()
    {
        // 79TEHRAN8980 repeats "6."; 08LAPAZ2458 has "8. (C)" after "8. (SBU)"; a list inside ¶5 resets the count.
        var text = Front + Lines("5. (C) The terms:", "", "1. Both sides agree.", "", "2. Neither side objects.", "", "6. (S) Sixth.", "", "6. (U) Sixth again.");
        var paragraphs = Parse(text, 2008).Paragraphs;

        Assert.Equal(["5", "1", "2", "6", "6"], paragraphs.Select(p => p.Number));
        Assert.Equal(["(S)", "(U)"], paragraphs.Skip(3).Select(p => p.Marking.Raw));

        // 08BERLIN1068: "… posed in paragraph" / "" / "3. Koenig" continues the sentence.
        var wrapped = Parse(Front + Lines("3. (C) Third.", "", "4. (SBU) We ask guidance on the request posed in paragraph", "", "3. Koenig"), 2008).Paragraphs;
        Assert.Equal(["3", "4"], wrapped.Select(p => p.Number));
    }

    [Fact]
    public void An_anchored_number_after_a_wrapped_line_is_text()
    {
        // 06MADRID2335: "… Admiral Francisco Torrente on September" / "¶15. Charge told Torrente …".
        var text = Front + Lines("\u00b61. (C) Charge paid a call on the Admiral on September", "\u00b615. Charge told him more.", "", "\u00b62. (C) Second.");
        var paragraphs = Parse(text, 2006).Paragraphs;

        Assert.Equal(["1", "2"], paragraphs.Select(p => p.Number));
        Assert.EndsWith("September\n\u00b615. Charge told him more.", paragraphs[0].Text);
    }

    [Fact]
    public void A_number_that_does_not_continue_the_sequence_is_text()
    {
        var text = Front + Lines("1. (C) The meeting took place on September", "17. Bessho was there.", "", "2. (C) Next.");
        var paragraphs = Parse(text, 2008).Paragraphs;

        Assert.Equal(["1", "2"], paragraphs.Select(p => p.Number));
        Assert.Equal("The meeting took place on September\n17. Bessho was there.", paragraphs[0].Text);
    }

    [Fact]
    public void A_ref_label_in_the_front_matter_is_not_a_paragraph()
    {
        var text = "C O N F I D E N T I A L LIMA 000480\n\nREF: A. LIMA 0389\n\u00b6B. LIMA 3853\n\n1. (C) Text.";
        var result = Parse(text, 2008);

        Assert.Equal(["1"], result.Paragraphs.Select(p => p.Number));
        Assert.Equal(2, result.References.Count);
    }
}
