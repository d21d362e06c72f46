using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web.Stats;

/// <summary>
/// Two archives whose second releases differ only in portions a CONFIDENTIAL reader may not read (in A nothing changes,
/// in B two SECRET//NOFORN paragraphs do) give that reader the same statistics page, byte for byte once per-request
/// values are removed; a reader cleared for those paragraphs sees the difference.
/// </summary>
public sealed class StatsDifferentialTests : IAsyncLifetime
{
    private ArchiveApp a = null!;
    private ArchiveApp b = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        a = await ArchiveApp.StartAsync();
        b = await ArchiveApp.StartAsync();
        await a.ImportAsync(StatsArchive.FirstRelease);
        await b.ImportAsync(StatsArchive.FirstRelease);
        await a.ImportAsync([StatsArchive.Mixed(4005, "Echo withheld paragraph, first text.")]);
        await b.ImportAsync(
        [
            StatsArchive.Mixed(4005, "Echo withheld paragraph, replaced in the second release."),
            TestCableText.Tokyo(4003, "SECRET", ["NOFORN"], new("(S//NF)", "SOURCES"), [new("(S//NF)", "Charlie paragraph on sources, second text.")]),
        ]);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
    }

    [Fact]
    public async Task A_difference_in_withheld_portions_only_does_not_change_the_readers_statistics()
    {
        var readerA = await a.CreateUserAsync("stats-reader", ClassificationLevel.Confidential);
        var readerB = await b.CreateUserAsync("stats-reader", ClassificationLevel.Confidential);
        var pageA = await ResponseNormalizer.WholeAsync(await a.As(readerA).GetAsync("/stats"));
        var pageB = await ResponseNormalizer.WholeAsync(await b.As(readerB).GetAsync("/stats"));
        Assert.Equal(pageA, pageB);

        // The same comparison for a cleared reader does tell the archives apart, so the page is sensitive to versions at all.
        var clearedA = await a.CreateUserAsync("stats-cleared", ClassificationLevel.TopSecret, ["NOFORN"]);
        var clearedB = await b.CreateUserAsync("stats-cleared", ClassificationLevel.TopSecret, ["NOFORN"]);
        Assert.NotEqual(
            StatsArchive.Charts(await a.As(clearedA).GetStringAsync("/stats"))["versions-per-release"],
            StatsArchive.Charts(await b.As(clearedB).GetStringAsync("/stats"))["versions-per-release"]);
    }
}
