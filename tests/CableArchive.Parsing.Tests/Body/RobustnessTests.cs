using CableArchive.Domain;
using CableArchive.Parsing.Body;

using static CableArchive.Parsing.Tests.Body.BodyTestSupport;

namespace CableArchive.Parsing.Tests.Body;

/// <summary>The parser never throws and every span it returns points inside the body (§12: "Parsers must not throw").</summary>
public class RobustnessTests
{
    private const string Sample = """
        S E C R E T SECTION 01 OF 02 TOKYO 002577

        SIPDIS

        E.O. 12958: DECL: 09/17/2018
        TAGS: PGOV PREL JA KTIP
        SUBJECT: JAPAN CONSIDERING WITHDRAWING COOPERATION ON TIP
        REF: A. TOKYO 2500 B. 07 STATE 12345

        Classified By: Ambassador J. Thomas Schieffer. Reasons 1.4 (b) and (d).

        1. (U) Summary: The Charge met the Deputy Vice-Minister. End Summary.

        TOKYO 00002577  002 OF 002

        2. (S) XXXXXXXXXXXX deferred to the DDG. Comment: Not a surprise. End Comment.
        SCHIEFFER
        """;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_text_never_throws(int seed)
    {
        var random = new Random(seed);
        var alphabet = "SECRTUNLAIFDOBJ0123456789 .:;,()/\\-\n\n¶XxPAGEOF#'\"\u00A0\t";
        var chars = new char[random.Next(0, 3000)];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = random.Next(10) == 0 ? (char)random.Next(0, 0xFFFF) : alphabet[random.Next(alphabet.Length)];

        AssertSound(new string(chars));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Cut_and_shuffled_cables_never_throw(int seed)
    {
        var random = new Random(seed);
        var lines = Sample.Split('\n');
        var picked = Enumerable.Range(0, random.Next(1, 40)).Select(_ => lines[random.Next(lines.Length)]).ToArray();
        var text = string.Join('\n', picked);
        AssertSound(text[..random.Next(text.Length + 1)]);
    }

    [Fact]
    public void Every_prefix_of_a_cable_parses()
    {
        for (var length = 0; length <= Sample.Length; length += 7)
            AssertSound(Sample[..length]);
    }

    [Fact]
    public void A_body_span_inside_a_larger_text_gives_spans_into_that_text()
    {
        var header = "VZCZCXRO5577\nOO RUEHFK\n\n";
        var text = header + Sample;
        var context = new ParseContext(text);
        var result = BodyParser.Parse(context, TextSpan.FromBounds(header.Length, text.Length), 2008);

        Assert.Equal("S E C R E T SECTION 01 OF 02 TOKYO 002577", text.At(result.ClassificationLine!.Span));
        Assert.Equal("TOKYO 00002577  002 OF 002", text.At(Assert.Single(result.PageBreaks)));
        Assert.Equal("JAPAN CONSIDERING WITHDRAWING COOPERATION ON TIP", text.At(result.Subject!.Span));
        Assert.Equal(["PGOV", "PREL", "JA", "KTIP"], result.Tags.Select(t => text.At(t.Span)));
        Assert.Equal("SCHIEFFER", text.At(Assert.Single(result.Signers).Span));
        Assert.Equal("XXXXXXXXXXXX", text.At(Assert.Single(result.Redactions)));
    }

    [Fact]
    public void Out_of_range_body_spans_are_clamped()
    {
        var context = new ParseContext("S E C R E T TOKYO 002577");
        var result = BodyParser.Parse(context, new TextSpan(-5, 500), 2008);

        Assert.NotNull(result.ClassificationLine);
    }

    private static void AssertSound(string text)
    {
        var result = Parse(text, 2008, out var context);

        Assert.DoesNotContain(context.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        foreach (var span in Spans(result))
            Assert.True(span.Start >= 0 && span.End <= text.Length, $"span {span} outside a text of {text.Length} characters");
    }

    private static IEnumerable<TextSpan> Spans(BodyParseResult result)
    {
        if (result.ClassificationLine is { } banner)
            yield return banner.Span;
        foreach (var caption in result.Captions)
            yield return caption.Span;
        if (result.ExecutiveOrder is { } eo)
            yield return eo.Span;
        foreach (var tag in result.Tags)
            yield return tag.Span;
        if (result.Subject is { } subject)
        {
            yield return subject.Span;
            yield return subject.Marking.Span;
        }

        foreach (var reference in result.References)
            yield return reference.Span;
        if (result.ClassifiedBy is { } classifiedBy)
            yield return classifiedBy.Span;
        foreach (var paragraph in result.Paragraphs)
        {
            yield return paragraph.Span;
            yield return paragraph.Marking.Span;
        }

        if (result.Summary is { } summary)
            yield return summary.Span;
        foreach (var comment in result.Comments)
            yield return comment.Span;
        foreach (var signer in result.Signers)
            yield return signer.Span;
        foreach (var span in result.Redactions.Concat(result.PageBreaks))
            yield return span;
    }
}
