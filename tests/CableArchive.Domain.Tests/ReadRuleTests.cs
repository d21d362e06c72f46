using CableArchive.Domain.Classification;

namespace CableArchive.Domain.Tests;

public class ReadRuleTests
{
    private static readonly ClassificationLabel SecretNoForn = ClassificationLabel.Parse("SECRET//NOFORN")!;

    private static PortionMarking Mark(string inner) => PortionMarking.Parse(inner, $"({inner})", default)!;

    [Fact]
    public void A_marked_portion_needs_its_level_and_every_restrictive_caveat()
    {
        var confidential = Clearance.Of(ClassificationLevel.Confidential);
        var secretNoForn = Clearance.Of(ClassificationLevel.Secret, "NOFORN");

        Assert.True(ReadRule.CanRead(confidential, Mark("C"), SecretNoForn));
        Assert.False(ReadRule.CanRead(confidential, Mark("S"), SecretNoForn));
        Assert.False(ReadRule.CanRead(confidential, Mark("C//NF"), SecretNoForn));
        Assert.True(ReadRule.CanRead(secretNoForn, Mark("S//NF"), SecretNoForn));
        Assert.False(ReadRule.CanRead(Clearance.Of(ClassificationLevel.TopSecret), Mark("S//NF"), SecretNoForn));
    }

    [Fact]
    public void SIPDIS_restricts_nothing()
    {
        Assert.True(ReadRule.CanRead(Clearance.Of(ClassificationLevel.Secret), Mark("S//SIPDIS"), null));
    }

    [Fact]
    public void An_unmarked_portion_takes_the_banner()
    {
        Assert.False(ReadRule.CanRead(Clearance.Of(ClassificationLevel.Secret), PortionMarking.Unmarked, SecretNoForn));
        Assert.True(ReadRule.CanRead(Clearance.Of(ClassificationLevel.Secret, "NOFORN"), PortionMarking.Unmarked, SecretNoForn));
    }

    [Fact]
    public void An_unreadable_mark_needs_the_banner_with_all_its_caveats()
    {
        var unreadable = Mark("S//QX");
        Assert.Equal(MarkingStatus.Unreadable, unreadable.Status);
        Assert.False(ReadRule.CanRead(Clearance.Of(ClassificationLevel.Secret), unreadable, SecretNoForn));
        Assert.True(ReadRule.CanRead(Clearance.Of(ClassificationLevel.Secret, "NOFORN"), unreadable, SecretNoForn));
    }

    [Fact]
    public void Marks_inside_the_text_raise_the_portion_and_never_lower_it()
    {
        var confidential = Clearance.Of(ClassificationLevel.Confidential);
        var secretNoForn = Clearance.Of(ClassificationLevel.Secret, "NOFORN");
        var unclassifiedHoldingSecret = Mark("U") with { Inner = ClassificationLabel.Parse("SECRET//NOFORN") };
        var secretHoldingUnclassified = Mark("S") with { Inner = ClassificationLabel.Unclassified };

        Assert.False(ReadRule.CanRead(confidential, unclassifiedHoldingSecret, SecretNoForn));
        Assert.True(ReadRule.CanRead(secretNoForn, unclassifiedHoldingSecret, SecretNoForn));
        Assert.False(ReadRule.CanRead(confidential, secretHoldingUnclassified, SecretNoForn));
        Assert.False(ReadRule.CanRead(Clearance.Of(ClassificationLevel.Secret), Mark("U") with { InnerUnreadable = true }, SecretNoForn));
    }

    [Fact]
    public void Unmarked_portions_take_the_banner_raised_to_every_portion_of_the_cable()
    {
        var secret = ClassificationLabel.Parse("SECRET")!;
        var raised = ReadRule.BannerForUnmarked(secret, [Mark("C"), Mark("S//NF"), PortionMarking.Unmarked, Mark("U") with { Inner = ClassificationLabel.Parse("S//ORCON") }]);

        Assert.Equal("SECRET//NOFORN/ORCON", raised?.ToString());
        Assert.False(ReadRule.CanRead(Clearance.Of(ClassificationLevel.Secret), PortionMarking.Unmarked, raised));
        Assert.Equal(secret, ReadRule.BannerForUnmarked(secret, [Mark("C"), Mark("U")]));
        Assert.Null(ReadRule.BannerForUnmarked(null, [Mark("S")]));
    }

    [Fact]
    public void Without_a_banner_an_unmarked_portion_is_withheld_from_everyone()
    {
        var everything = Clearance.Of(ClassificationLevel.TopSecret, "NOFORN", "ORCON", "EXDIS", "NODIS", "LIMDIS", "STADIS");
        Assert.False(ReadRule.CanRead(everything, PortionMarking.Unmarked, null));
    }
}
