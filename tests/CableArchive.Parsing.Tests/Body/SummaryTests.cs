using static CableArchive.Parsing.Tests.Body.BodyTestSupport;

namespace CableArchive.Parsing.Tests.Body;

/// <summary>§8.3–§8.4: summary and comment spans.</summary>
public class SummaryTests
{
    private const string Front = "C O N F I D E N T I A L PARIS 000123\n\nSUBJECT: A TEST\n\n";

    [Theory]
    [InlineData("1. (C) Summary: The talks went well.  End Summary.\n\n2. (C) More.", "The talks went well.")]
    [InlineData("1. (C) SuMMary: The talks went well.  End summary.\n\n2. (C) More.", "The talks went well.")]
    [InlineData("1. (C) SUMMARY AND COMMENT: The talks went well. END SUMMARY AND COMMENT.", "The talks went well.")]
    [InlineData("------- SUMMARY -------\n\n1. Summary: On March 21 the talks went well. End Summary.", "On March 21 the talks went well.")]
    [InlineData("SUMMARY\n-------\n\n1. (C/NF) The talks went well. END SUMMARY.", "The talks went well.")]
    [InlineData("1.  Summary: (SBU) Japanese talks went well. End Summary", "Japanese talks went well.")]
    [InlineData("BEGIN SUMMARY: THE TALKS WENT WELL. END SUMMARY.", "THE TALKS WENT WELL.")]
    [InlineData("1. (C) Summary: The talks went well.\n\nWHAT WE KNOW\n\n2. (C) More.", "The talks went well.")]
    [InlineData("1. (C) The talks went well. End\nSummary.\n\n2. (C) More.", "The talks went well.")]
    public void Summary_forms(string body, string summary)
    {
        Assert.Equal(summary, Parse(Front + body, 2009).Summary?.Text);
    }

    [Fact]
    public void A_summary_over_several_paragraphs_leaves_out_their_numbers_and_marks()
    {
        var text = Front + Lines(
            "1. (S//NF) SUMMARY AND COMMENT: During a March 2-3 visit.",
            "",
            "2. (C) EU officials praised the plan.",
            "",
            "3. (S) Summary continued: The content. END SUMMARY AND COMMENT.",
            "",
            "4. (C) Body.");
        var summary = Parse(text, 2009).Summary;

        Assert.NotNull(summary);
        Assert.Equal("During a March 2-3 visit.\n\nEU officials praised the plan.\n\nThe content.", summary.Text);
        Assert.StartsWith("During", text.At(summary.Span));
        Assert.EndsWith("The content.", text.At(summary.Span));
    }

    [Fact]
    public void Comments_to_end_comment_and_inline()
    {
        var text = Front + Lines(
            "1. (C) Text.",
            "",
            "2. (C) Comment: Progress is slow.  End Comment.",
            "",
            "3. (C) More (Comment: a side note. End comment.) text.",
            "",
            "4. (C) The minister declined to comment.");
        var comments = Parse(text, 2009).Comments;

        Assert.Equal(["Progress is slow.", "a side note."], comments.Select(c => c.Text));
    }

    [Fact]
    public void No_summary_when_there_is_none()
    {
        Assert.Null(Parse(Front + "1. (C) A summary of the talks follows in septel.", 2009).Summary);
    }
}
