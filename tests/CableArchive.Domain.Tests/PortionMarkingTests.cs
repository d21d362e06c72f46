using CableArchive.Domain.Classification;

namespace CableArchive.Domain.Tests;

public class PortionMarkingTests
{
    [Theory]
    [InlineData("U", "UNCLASSIFIED")]
    [InlineData("SBU", "UNCLASSIFIED//FOR OFFICIAL USE ONLY")]
    [InlineData("C", "CONFIDENTIAL")]
    [InlineData("S", "SECRET")]
    [InlineData("TS", "TOP SECRET")]
    [InlineData("S//NF", "SECRET//NOFORN")]
    [InlineData("C/NF", "CONFIDENTIAL//NOFORN")]
    [InlineData("S/REL UK", "SECRET//REL TO UK")]
    [InlineData("C/REL LIBYA", "CONFIDENTIAL//REL TO LIBYA")]
    [InlineData("S//FGI//NF", "SECRET//FGI/NOFORN")]
    [InlineData("s//nf", "SECRET//NOFORN")]
    [InlineData(" C ", "CONFIDENTIAL")]
    [InlineData("c", "CONFIDENTIAL")]
    [InlineData("SBU/NF", "UNCLASSIFIED//FOR OFFICIAL USE ONLY//NOFORN")]
    [InlineData("U//FOUO", "UNCLASSIFIED//FOR OFFICIAL USE ONLY")]
    [InlineData("S NF", "SECRET//NOFORN")]
    [InlineData("C//NOFORN", "CONFIDENTIAL//NOFORN")]
    [InlineData("S/NF/ORCON", "SECRET//NOFORN/ORCON")]
    [InlineData("LOU", "UNCLASSIFIED//FOR OFFICIAL USE ONLY")]
    [InlineData("S-NF", "SECRET//NOFORN")]
    [InlineData("C-NF", "CONFIDENTIAL//NOFORN")]
    [InlineData("C-REL UK", "CONFIDENTIAL//REL TO UK")]
    [InlineData("s-nf", "SECRET//NOFORN")]
    public void Reads_marks(string inner, string expected)
    {
        var marking = PortionMarking.Parse(inner, $"({inner})", new TextSpan(10, inner.Length + 2));
        Assert.NotNull(marking);
        Assert.Equal(MarkingStatus.Marked, marking.Status);
        Assert.Equal(expected, marking.Label!.ToString());
        Assert.Equal(new TextSpan(10, inner.Length + 2), marking.Span);
    }

    [Theory]
    [InlineData("U.S.")]
    [InlineData("NOTE")]
    [InlineData("A")]
    [InlineData("1.4 B")]
    [InlineData("Comment: none")]
    [InlineData("and")]
    [InlineData("")]
    [InlineData("SEE-ALSO")]
    [InlineData("-NF")]
    [InlineData("S-NF-X")]
    public void Text_that_is_not_meant_as_a_mark_is_no_mark(string inner) =>
        Assert.Null(PortionMarking.Parse(inner, $"({inner})", default));

    [Theory]
    [InlineData("S//QX")]
    [InlineData("C/")]
    [InlineData("SS")]
    [InlineData("S//NF//ZZTOP")]
    [InlineData("S-QX")]
    [InlineData("C-")]
    public void A_mark_that_cannot_be_read_is_unreadable_never_unclassified(string inner)
    {
        var marking = PortionMarking.Parse(inner, $"({inner})", default);
        Assert.NotNull(marking);
        Assert.Equal(MarkingStatus.Unreadable, marking.Status);
        Assert.Null(marking.Label);
    }

    [Fact]
    public void A_dashed_mark_keeps_what_was_written_and_where()
    {
        var marking = PortionMarking.Parse("S-NF", "(S-NF)", new TextSpan(4, 6));
        Assert.NotNull(marking);
        Assert.Equal("(S-NF)", marking.Raw);
        Assert.Equal(new TextSpan(4, 6), marking.Span);
    }
}
