using CableArchive.Data.Import;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Admin;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web.History;

/// <summary>
/// A reparse empties the cables and rebuilds them from their raw records; the admins' "sensitive" flags are keyed by
/// reference id beside the cables, so a rebuilt cable is withheld again from the moment it is back.
/// </summary>
public sealed class SensitiveFlagReparseTests
{
    [Fact]
    public async Task A_sensitive_cable_stays_sensitive_after_a_reparse_and_the_others_stay_unflagged()
    {
        await using var app = await ArchiveApp.StartAsync();
        await app.ImportAsync(ReadingFixture.Cables);
        await ExecuteAsync(app, "INSERT INTO sensitive_cables (reference_id, marked_at) VALUES ('08TOKYO1001', now())");

        var summary = await new ArchiveReparser(app.Archive.Database).ReparseAsync(TestContext.Current.CancellationToken);
        Assert.Null(summary.Fatal);

        var flagged = await app.QueryTextsAsync(
            "SELECT c.reference_id FROM cables c WHERE EXISTS (SELECT 1 FROM sensitive_cables s WHERE s.reference_id = c.reference_id) ORDER BY 1");
        Assert.Equal(["08TOKYO1001"], flagged);
        var analyst = await app.CreateAnalystAsync(ClassificationLevel.TopSecret, "NOFORN");
        Assert.Contains("\"historyWithheld\":true", await app.As(analyst).GetStringAsync("/api/cables/08TOKYO1001/versions"), StringComparison.Ordinal);
        Assert.Contains("\"historyWithheld\":false", await app.As(analyst).GetStringAsync("/api/cables/08TOKYO1002/versions"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sensitive_cable_rebuilt_in_the_middle_of_a_reparse_is_already_withheld()
    {
        await using var app = await ArchiveApp.StartAsync();
        await app.ImportAsync(ReadingFixture.Cables);
        await ExecuteAsync(app, "INSERT INTO sensitive_cables (reference_id, marked_at) VALUES ('08TOKYO1001', now())");
        var analyst = await app.CreateAnalystAsync(ClassificationLevel.TopSecret, "NOFORN");

        // A reparse stopped before its replay ends: the archive emptied by the reparser's own first step, then the cable
        // merged back by the import path. Nothing runs after it to put a flag back.
        await new ArchiveReparser(app.Archive.Database).SnapshotAsync(TestContext.Current.CancellationToken);
        await app.ImportAsync(ReadingFixture.Cables.Where(c => c.Text.Contains("TOKYO 001001", StringComparison.Ordinal)));

        Assert.Equal(["08TOKYO1001"], await app.QueryTextsAsync("SELECT reference_id FROM cables"));
        Assert.Contains("\"historyWithheld\":true", await app.As(analyst).GetStringAsync("/api/cables/08TOKYO1001/versions"), StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(ArchiveApp app, string sql)
    {
        await using var command = app.Archive.Database.DataSource.CreateCommand(sql);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }
}
