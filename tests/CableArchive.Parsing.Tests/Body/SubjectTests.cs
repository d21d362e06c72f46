using CableArchive.Domain.Classification;

using static CableArchive.Parsing.Tests.Body.BodyTestSupport;

namespace CableArchive.Parsing.Tests.Body;

/// <summary>§6.1: SUBJECT.</summary>
public class SubjectTests
{
    [Fact]
    public void The_subjects_own_mark_is_read_and_kept_apart()
    {
        var text = "SUBJECT: (C/NF) WHO WOULD REPLACE GORDON BROWN AS UK PRIME MINISTER";
        var subject = Parse(text).Subject;

        Assert.NotNull(subject);
        Assert.Equal("WHO WOULD REPLACE GORDON BROWN AS UK PRIME MINISTER", subject.Text);
        Assert.Equal(MarkingStatus.Marked, subject.Marking.Status);
        Assert.Equal("(C/NF)", text.At(subject.Marking.Span));
        Assert.True(subject.Marking.Label?.IsNoForn);
        Assert.Equal(subject.Text, text.At(subject.Span));
    }

    [Fact]
    public void A_parenthesis_that_is_not_a_mark_stays_in_the_text()
    {
        var subject = Parse("SUBJECT: Grants Support for PD Projects (Iceland) \n \nREF:  STATE 105588").Subject;

        Assert.Equal("Grants Support for PD Projects (Iceland)", subject?.Text);
        Assert.Equal(MarkingStatus.Unmarked, subject?.Marking.Status);
    }

    [Theory]
    [InlineData("SUBJ: GUINEA - U.S./French Meeting \n\nClassified by Charge", "GUINEA - U.S./French Meeting")]
    [InlineData("UBJECT: BAHRAIN WILL REQUEST QATAR TO ACT REF: A. A) MANAMA 20", "BAHRAIN WILL REQUEST QATAR TO ACT")]
    [InlineData("SUBJECT: WHO WOULD REPLACE BROWN AS UK PRIMEREF: A. LONDON 1939", "WHO WOULD REPLACE BROWN AS UK PRIME")]
    [InlineData("SUBJECT: SCENESETTER FOR THE VISIT TO CAIROClassified By: DCM", "SCENESETTER FOR THE VISIT TO CAIRO")]
    [InlineData("SUBJECT: MEMBERS OF CONGRESS DISCUSS BONUSES AND\nOTHER REFORM MEASURES\n1. (SBU) Summary. Bonuses", "MEMBERS OF CONGRESS DISCUSS BONUSES AND OTHER REFORM MEASURES")]
    [InlineData("SUBJECT: ZIM NOTES 11-09-2009 \n----------- \n1. SUMMARY", "ZIM NOTES 11-09-2009")]
    [InlineData("SUBJECT: SWEDISH DEPUTY PM URGES VISITS\nThis is an Action request. Please see para 2.", "SWEDISH DEPUTY PM URGES VISITS")]
    [InlineData("SUBJECT:EGYPT'S 55th BIRD FLU VICTIM Sensitive but unclassified", "EGYPT'S 55th BIRD FLU VICTIM")]
    [InlineData("SUBJECT:\n\nCooperation Busts Fraud Ring\n1.(SBU) Summary: The Cairo", "Cooperation Busts Fraud Ring")]
    [InlineData("SUBJECT: RUSSIAN SCIEN...\nC O N F I D E N T I A L MOSCOW 001704 SIPDIS", "RUSSIAN SCIEN...")]
    public void Ends_at_the_first_terminator(string text, string expected)
    {
        Assert.Equal(expected, Parse(text).Subject?.Text);
    }

    [Fact]
    public void A_page_break_inside_the_subject_is_removed()
    {
        var text = Lines(
            "UNCLAS SECTION 01 OF 04 PRETORIA 000954",
            "",
            "SUBJECT: PART 3 OF 3:  THE LIFE AND TIMES OF SOUTH AFRICA'S",
            "NEW PRESIDENT",
            "PRETORIA 00000954 001.2 OF 004",
            "",
            "Classified By: Ambassador Eric M. Bost");

        Assert.Equal("PART 3 OF 3: THE LIFE AND TIMES OF SOUTH AFRICA'S NEW PRESIDENT", Parse(text, 2009).Subject?.Text);
    }

    [Fact]
    public void A_hyphen_at_a_line_end_joins_without_a_blank_and_entities_are_decoded()
    {
        Assert.Equal("THE US-LATIN AMERICAN TIES", Parse("SUBJECT: THE US- \nLATIN AMERICAN TIES").Subject?.Text);
        Assert.Equal("Bla ’ bla “ bla ” bla", Parse("SUBJECT: Bla &#8217; bla &#8220; bla &#8221; bla ").Subject?.Text);
    }

    [Fact]
    public void A_missing_subject_is_reported()
    {
        Parse("C O N F I D E N T I A L LIMA 000100\n\nE.O. 12958: DECL: 01/01/2019\n\n1. (C) Text.", 2009, out var context);

        Assert.Contains(context.Diagnostics, d => d.Message.Contains("No SUBJECT"));
    }
}
