using CableArchive.Domain.Classification;

using static CableArchive.Parsing.Tests.Body.BodyTestSupport;

namespace CableArchive.Parsing.Tests.Body;

/// <summary>§8.2: marks written inside a portion's text raise the label the read rule applies to it.</summary>
public class InnerMarkTests
{
    private const string Front = "S E C R E T STATE 006423\n\nSUBJECT: A TEST\n\n";

    private static readonly ClassificationLabel Banner = ClassificationLabel.Parse("SECRET//NOFORN")!;

    private static string EffectiveLabel(string body, int index = 0) =>
        Parse(Front + body, 2009).Paragraphs[index].Marking.EffectiveLabel(Banner).ToString();

    [Fact]
    public void Questions_marked_above_their_paragraph_raise_it()
    {
        // 09STATE6423: lettered paragraphs marked (U) whose numbered questions are each marked (S/NF).
        var body = Lines("1. (U) Posts are asked to answer these.", "", "A. (U) QUESTIONS FOR POSTS:", "", "1) (S/NF) WHO IN TEHRAN IS PUSHING THIS?", "", "2) (C/NF) WHAT IS THE SIZE OF IT?");

        Assert.Equal("UNCLASSIFIED", EffectiveLabel(body, 0));
        Assert.Equal("SECRET//NOFORN", EffectiveLabel(body, 1));
    }

    [Theory]
    [InlineData("21. (U) Niger Delta Freedom Fighters: (S//NF) The October 31 kidnapping went on.", "SECRET//NOFORN")]
    [InlineData("8. (SBU) Comment follows:\n8. (C) Morales is already campaigning.", "CONFIDENTIAL")]
    [InlineData("4. (U) Points:\n-- (C) The first point.\n-- (U) The second point.", "CONFIDENTIAL")]
    [InlineData("4. (U) Points:\n-- (S)The first point.", "SECRET")]
    public void Bullets_headings_and_run_in_marks_raise_the_paragraph(string body, string expected)
    {
        Assert.Equal(expected, EffectiveLabel(body));
    }

    [Theory]
    [InlineData("5. (C) The minister spoke.\n\n--------------------------\n(S) IRAN'S NUCLEAR PROGRAM\n--------------------------\n", "SECRET")]
    [InlineData("3. (C) Use these as needed.\n(S/REL NATO) CONTINGENCY POINTS FOLLOW.", "SECRET")]
    [InlineData("4. (C) Respond to queries as follows:\n\n(U) PUBLIC INQUIRIES -- IF ASKED: we have no comment.", "CONFIDENTIAL")]
    public void A_mark_first_on_a_line_where_a_portion_starts_splits_the_paragraph_never_below_it(string body, string split)
    {
        // 09DOHA728, 10STATE7810: the paragraph's own text is read at its mark; the text from the mark on at the join of
        // both, so a lower mark there ("(U) PUBLIC INQUIRIES" in a (C) paragraph) never lowers what follows it.
        var paragraphs = Parse(Front + body, 2009).Paragraphs;

        Assert.Equal(2, paragraphs.Count);
        Assert.Equal("CONFIDENTIAL", paragraphs[0].Marking.EffectiveLabel(Banner).ToString());
        Assert.Equal(split, paragraphs[1].Marking.EffectiveLabel(Banner).ToString());
        Assert.Null(paragraphs[1].Number);
    }

    [Theory]
    [InlineData("2. (U) Classified under reasons 1.4 (B) and (D) of the order.")]
    [InlineData("2. (U) The Special Envoy for the Detention Facility (S/GC), summarized the results.")]
    [InlineData("2. (U) The options: (A) wait, (B) talk, (C) act.")]
    [InlineData("2. (U) The options are these:\n(A) wait.\n(B) talk.\n(C) act.")]
    [InlineData("2. (U) Enumerated items (c) and (s) in lower case.")]
    [InlineData("2. (U) He founded the Unified Workers Confederation of Brazil\n(CUT) -- and the Workers Party (PT).")]
    public void Parentheses_that_are_not_marks_change_nothing(string body)
    {
        var paragraph = Assert.Single(Parse(Front + body, 2009).Paragraphs);

        Assert.Null(paragraph.Marking.Inner);
        Assert.False(paragraph.Marking.InnerUnreadable);
        Assert.Equal("UNCLASSIFIED", paragraph.Marking.EffectiveLabel(Banner).ToString());
    }

    [Fact]
    public void An_inner_mark_that_cannot_be_read_takes_the_banner()
    {
        Assert.Equal("SECRET//NOFORN", EffectiveLabel("2. (U) Points follow.\n-- (S//QX) A point."));
        Assert.Equal("SECRET//NOFORN", EffectiveLabel("2. (U) Points follow.\n\n(SS) A point."));
    }

    [Fact]
    public void An_unmarked_portion_joins_the_banner_with_its_inner_marks()
    {
        var label = Parse(Front + "The text has no number:\n(TS) A line above the banner.", 2009).Paragraphs[0].Marking.EffectiveLabel(Banner);

        Assert.Equal(ClassificationLevel.TopSecret, label.Level);
        Assert.True(label.IsNoForn);
    }
}
