using CableArchive.Domain;
using CableArchive.Domain.Classification;

using static CableArchive.Parsing.Tests.Body.BodyTestSupport;

namespace CableArchive.Parsing.Tests.Body;

/// <summary>§3.1: the banner classification line.</summary>
public class BannerTests
{
    [Theory]
    [InlineData("S E C R E T SECTION 01 OF 02 TOKYO 002577", ClassificationLevel.Secret, 1, 2, "TOKYO", "002577")]
    [InlineData("C O N F I D E N T I A L MADRID 000583", ClassificationLevel.Confidential, null, null, "MADRID", "000583")]
    [InlineData("SS E C R E T SECTION 01 OF 02 PARIS 001699", ClassificationLevel.Secret, 1, 2, "PARIS", "001699")]
    [InlineData("SECRET SECTION 01 of 05 ROME 000097", ClassificationLevel.Secret, 1, 5, "ROME", "000097")]
    [InlineData("S e c r e t state 068250", ClassificationLevel.Secret, null, null, "state", "068250")]
    [InlineData("UNCLAS SECTION 01 OF 02 RIO DE JANEIRO 001238", ClassificationLevel.Unclassified, 1, 2, "RIO DE JANEIRO", "001238")]
    [InlineData("UNCLASSIFIED SECTION 01 OF 01 TEHRAN 1164", ClassificationLevel.Unclassified, 1, 1, "TEHRAN", "1164")]
    [InlineData("C o n f i d e n t i a l section 01 of 02 khartoum 000881", ClassificationLevel.Confidential, 1, 2, "khartoum", "000881")]
    [InlineData("LIMITED OFFICIAL USE BEIJING 025961", ClassificationLevel.Sbu, null, null, "BEIJING", "025961")]
    public void Reads_level_section_origin_and_serial(string line, ClassificationLevel level, int? section, int? count, string origin, string serial)
    {
        var text = Lines(line, "", "SIPDIS", "", "E.O. 12958: DECL: 09/17/2018");
        var banner = Parse(text).ClassificationLine;

        Assert.NotNull(banner);
        Assert.Equal(level, banner.Level);
        Assert.Equal(section, banner.Section);
        Assert.Equal(count, banner.SectionCount);
        Assert.Equal(origin, banner.OriginWords);
        Assert.Equal(serial, banner.Serial);
        Assert.Equal(line, text.At(banner.Span));
    }

    [Fact]
    public void Unclas_efto_is_unclassified_with_the_efto_caveat()
    {
        var banner = Parse("UNCLAS EFTO LONDON 002468\n\nE.O. 12958: N/A").ClassificationLine;

        Assert.NotNull(banner);
        Assert.Equal(ClassificationLevel.Unclassified, banner.Level);
        Assert.Equal("LONDON", banner.OriginWords);
        Assert.Contains(banner.Caveats, c => c.Code == "EFTO");
    }

    [Fact]
    public void A_media_date_line_before_the_banner_is_skipped_with_a_note()
    {
        var text = Lines("Wednesday, 29 November 2000, 13:59", "C O N F I D E N T I A L HARARE 006677", "", "E.O. 12958: DECL: 11/29/10");
        var result = Parse(text, 2000, out var context);

        Assert.Equal("HARARE", result.ClassificationLine?.OriginWords);
        Assert.Contains(context.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Message.Contains("before the classification line"));
    }

    [Fact]
    public void The_first_banner_wins_when_the_block_is_repeated()
    {
        var text = Lines("S E C R E T SECTION 01 OF 02 STATE 083673", "", "SIPDIS", "", "S E C R E T SECTION 01 OF 02 STATE 083673", "E.O. 12958: DECL: 06/01/2031");

        Assert.Equal(0, Parse(text).ClassificationLine?.Span.Start);
    }

    [Fact]
    public void A_body_without_a_banner_is_reported_and_still_read()
    {
        var text = Lines("XXXXXXXXXXXXXXXXXXXXXXX In the Russian view, the talks stalled.", "", "1. (S) The delegation left early.");
        var result = Parse(text, 2010, out var context);

        Assert.Null(result.ClassificationLine);
        Assert.Contains(context.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("No classification line"));
        Assert.Contains(result.Paragraphs, p => p.Number == "1");
    }

    [Fact]
    public void A_media_wrappers_classification_field_stands_in_for_a_redacted_banner()
    {
        var text = Lines("ID: 245489", "CLASSIFICATION: SECRET//NOFORN", "", "XXXXXXXXXXXX", "", "E.O. 12958: DECL: 01/26/2030");
        var result = Parse(text, 2010, out var context);

        Assert.Equal(ClassificationLevel.Secret, result.ClassificationLine?.Level);
        Assert.Contains(result.ClassificationLine!.Caveats, c => c == Caveat.NoForn);
        Assert.Null(result.ClassificationLine.OriginWords);
        Assert.Contains(context.Diagnostics, d => d.Message.Contains("CLASSIFICATION field"));
    }

    [Fact]
    public void A_lone_level_word_further_down_is_not_a_banner()
    {
        Assert.Null(Parse(Lines("1. (C) TEXT OF THE CABLE.", "STEIGMAN", "CONFIDENTIAL")).ClassificationLine);
    }

    [Fact]
    public void A_secretary_line_is_not_a_secret_banner()
    {
        Assert.Null(Parse("SECRETARY RICE MET THE MINISTER 0900 HOURS\n\nTEXT FOLLOWS").ClassificationLine);
    }
}
