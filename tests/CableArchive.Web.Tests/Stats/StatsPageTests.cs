using CableArchive.Data.Accounts;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web.Stats;

/// <summary>The statistics page over <see cref="StatsArchive"/>: envelope counts for everyone, versions through the read rule, quarantine for archivists.</summary>
public sealed class StatsPageTests : IAsyncLifetime
{
    private ArchiveApp app = null!;
    private long[] runs = [];

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        app = await ArchiveApp.StartAsync();
        await app.ImportAsync(StatsArchive.FirstRelease);
        await app.ImportAsync(StatsArchive.SecondRelease);
        await using var command = app.Archive.Database.DataSource.CreateCommand("SELECT id FROM import_runs ORDER BY id");
        await using var rows = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await rows.ReadAsync())
            ids.Add(rows.GetInt64(0));
        runs = [.. ids];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Envelope_counts_cover_every_cable_and_version_counts_only_what_the_reader_may_read()
    {
        var analyst = await app.CreateUserAsync("stats-analyst", ClassificationLevel.Confidential);
        var charts = StatsArchive.Charts(await app.As(analyst).GetStringAsync("/stats"));

        Assert.Equal(new Dictionary<string, long> { ["2008"] = 4, ["2009"] = 1 }, charts["by-year"]);
        Assert.Equal(new Dictionary<string, long> { ["Embassy Tokyo"] = 4, ["Embassy Paris"] = 1 }, charts["by-origin"]);
        Assert.Equal(new Dictionary<string, long> { ["SECRET//NOFORN"] = 2, ["CONFIDENTIAL"] = 2, ["UNCLASSIFIED"] = 1 }, charts["by-classification"]);

        // 4003 is withdrawn for this reader (nothing readable), so neither of its versions counts; 4002's second text does.
        Assert.Equal(new Dictionary<string, long> { [$"import run {runs[0]}"] = 4, [$"import run {runs[1]}"] = 1 }, charts["versions-per-release"]);
        Assert.False(charts.ContainsKey("quarantine"));

        var cleared = await app.CreateUserAsync("stats-cleared", ClassificationLevel.TopSecret, ["NOFORN"]);
        var clearedCharts = StatsArchive.Charts(await app.As(cleared).GetStringAsync("/stats"));
        Assert.Equal(new Dictionary<string, long> { [$"import run {runs[0]}"] = 5, [$"import run {runs[1]}"] = 2 }, clearedCharts["versions-per-release"]);
        Assert.Equal(charts["by-year"], clearedCharts["by-year"]);
    }

    [Fact]
    public async Task Quarantine_counts_are_for_archivists_and_admins()
    {
        await using var command = app.Archive.Database.DataSource.CreateCommand("SELECT count(*) FROM quarantined_records WHERE status = 0");
        var open = (long)(await command.ExecuteScalarAsync())!;
        Assert.True(open > 0);

        var archivist = await app.CreateUserAsync("stats-archivist", ClassificationLevel.Unclassified, roles: [ArchiveRoles.Archivist]);
        var admin = await app.SignInAsync(await app.CreateUserAsync("stats-admin", ClassificationLevel.Unclassified, roles: [ArchiveRoles.Admin]));
        foreach (var client in new[] { await app.SignInAsync(archivist), admin })
            Assert.Equal(new Dictionary<string, long> { ["Open"] = open }, StatsArchive.Charts(await client.GetStringAsync("/stats"))["quarantine"]);
    }

    [Fact]
    public async Task The_page_is_server_drawn_svg_without_script_or_inline_style()
    {
        var analyst = await app.CreateUserAsync("stats-markup", ClassificationLevel.Confidential);
        var html = await app.As(analyst).GetStringAsync("/stats");
        Assert.Contains("<svg class=\"bar-chart\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
    }
}
