using CableArchive.Domain.Classification;
using CableArchive.Parsing.Containers;

namespace CableArchive.Parsing.Tests.Containers;

public class BannerLineTests
{
    [Theory]
    [InlineData("S E C R E T TOKYO 002577", ClassificationLevel.Secret, true, "TOKYO", "002577")]
    [InlineData("C O N F I D E N T I A L SECTION 01 OF 04 BRASILIA 004227", ClassificationLevel.Confidential, true, "BRASILIA", "004227")]
    [InlineData("SS E C R E T SECTION 01 OF 02 PARIS 001699", ClassificationLevel.Secret, true, "PARIS", "001699")]
    [InlineData("SECRET SECTION 01 of 05 ROME 000097", ClassificationLevel.Secret, false, "ROME", "000097")]
    [InlineData("S e c r e t state 068250", ClassificationLevel.Secret, true, "state", "068250")]
    [InlineData("UNCLAS SECTION 01 OF 02 RIO DE JANEIRO 001238", ClassificationLevel.Unclassified, false, "RIO DE JANEIRO", "001238")]
    [InlineData("UNCLASSIFIED BUENOS AIRES 2481", ClassificationLevel.Unclassified, false, "BUENOS AIRES", "2481")]
    [InlineData("UNCLAS EFTO LONDON 002468", ClassificationLevel.Unclassified, false, "LONDON", "002468")]
    [InlineData("  C O N F I D E N T I A L  ABU DHABI 002641 ", ClassificationLevel.Confidential, true, "ABU DHABI", "002641")]
    [InlineData("LIMITED OFFICIAL USE STATE 012345", ClassificationLevel.Sbu, false, "STATE", "012345")]
    public void Complete_banners_give_level_origin_words_and_serial(string line, ClassificationLevel level, bool spaced, string origin, string serial)
    {
        Assert.True(BannerLine.TryRead(line, out var banner));
        Assert.True(banner.IsComplete);
        Assert.Equal((level, spaced, origin, serial), (banner.Level, banner.Spaced, banner.OriginWords, banner.Serial));
    }

    [Theory]
    [InlineData("CONFIDENTIAL     PTQ1859", ClassificationLevel.Confidential)]
    [InlineData("S E C R E T", ClassificationLevel.Secret)]
    [InlineData("Secret talks were held in Geneva", ClassificationLevel.Secret)]
    [InlineData("CONFIDENTIAL", ClassificationLevel.Confidential)]
    public void A_classification_word_without_origin_and_serial_is_not_complete(string line, ClassificationLevel level)
    {
        Assert.True(BannerLine.TryRead(line, out var banner));
        Assert.False(banner.IsComplete);
        Assert.Equal(level, banner.Level);
    }

    [Theory]
    [InlineData("SECRETARY RICE MET THE MINISTER")]
    [InlineData("SIPDIS")]
    [InlineData("FM AMEMBASSY TOKYO")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("UNCLASSIFIEDX STATE 1")]
    public void Other_lines_are_not_banners(string line) => Assert.False(BannerLine.TryRead(line, out _));
}
