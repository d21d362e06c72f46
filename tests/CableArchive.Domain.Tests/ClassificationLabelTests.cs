using CableArchive.Domain.Classification;

namespace CableArchive.Domain.Tests;

public class ClassificationLabelTests
{
    [Theory]
    [InlineData("SECRET//NOFORN", "SECRET//NOFORN")]
    [InlineData("CONFIDENTIAL", "CONFIDENTIAL")]
    [InlineData("UNCLASSIFIED//FOR OFFICIAL USE ONLY", "UNCLASSIFIED//FOR OFFICIAL USE ONLY")]
    [InlineData("unclassified", "UNCLASSIFIED")]
    [InlineData("CONFIDENTIAL//NOFORN", "CONFIDENTIAL//NOFORN")]
    public void Metadata_labels_round_trip_in_WikiLeaks_vocabulary(string text, string expected)
    {
        var label = ClassificationLabel.Parse(text);
        Assert.NotNull(label);
        Assert.Equal(expected, label.ToWikiLeaksLabel());
    }
}
