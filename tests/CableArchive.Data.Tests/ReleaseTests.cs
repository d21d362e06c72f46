using System.Text;
using CableArchive.Data;
using CableArchive.Data.Import;
using CableArchive.Data.Model;
using CableArchive.Domain.Cables;
using CableArchive.Parsing.Synthetic;
using CableArchive.Tests.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CableArchive.Tests.Data;

/// <summary>
/// Release runs: which cables each records (in <c>release_cables</c>), which runs count as releases (the view
/// <c>releases</c>), and that membership survives a reparse and takes in a quarantined record once it is fixed.
/// </summary>
public sealed class ReleaseTests : IAsyncLifetime
{
    private static readonly DateTime September2011 = new(2011, 9, 2, 0, 0, 0, DateTimeKind.Utc);

    private readonly ArchiveFixture fixture = new();
    private readonly TempFolder folder = new();
    private readonly SyntheticCable x = CableGenerator.Create(seed: 501);
    private readonly SyntheticCable y = CableGenerator.Create(seed: 502);
    private readonly SyntheticCable z = CableGenerator.Create(seed: 503);

    private ArchiveDatabase Archive => fixture.Archive;

    public ValueTask InitializeAsync()
    {
        Assert.Equal(3, new[] { x.Id, y.Id, z.Id }.Distinct().Count());
        return fixture.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        folder.Dispose();
        await fixture.DisposeAsync();
    }

    private static string Text(SyntheticCable cable) => cable.Render(CableFormat.RawText);

    private static string Revised(SyntheticCable cable) => Text(cable) + "\nREVISED IN A LATER RELEASE.\n";

    /// <summary>A folder of one file per text, in order.</summary>
    private string Dump(params string[] texts)
    {
        var path = Path.Combine(folder.Path, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        for (var i = 0; i < texts.Length; i++)
            File.WriteAllText(Path.Combine(path, $"{i:000}.txt"), texts[i]);
        return path;
    }

    private Task<ImportSummary> ImportAsync(ImportRelease? release, params string[] paths) =>
        new ArchiveImporter(Archive, new ImportOptions { Release = release }).ImportAsync(paths, TestContext.Current.CancellationToken);

    private async Task<List<string>> MembersAsync(long runId)
    {
        await using var context = Archive.CreateDbContext();
        return await context.ReleaseCables.Where(m => m.RunId == runId).Select(m => m.ReferenceId).OrderBy(id => id).ToListAsync(TestContext.Current.CancellationToken);
    }

    private async Task<List<(long RunId, string Name, DateTime ReleasedAt)>> CountingReleasesAsync()
    {
        await using var context = Archive.CreateDbContext();
        var releases = await context.Releases.OrderBy(r => r.RunId).ToListAsync(TestContext.Current.CancellationToken);
        return releases.Select(r => (r.RunId, r.Name, r.ReleasedAt)).ToList();
    }

    private async Task<ImportRunStatus> StatusAsync(long runId)
    {
        await using var context = Archive.CreateDbContext();
        return await context.ImportRuns.Where(r => r.Id == runId).Select(r => r.Status).SingleAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_release_run_records_every_cable_it_read_new_changed_or_unchanged_and_an_ordinary_run_records_none()
    {
        var ordinary = await ImportAsync(null, Dump(Text(x), Text(z)));
        Assert.Empty(await MembersAsync(ordinary.RunId));

        // x unchanged, z with a new text, y new and read twice.
        var release = await ImportAsync(new ImportRelease("cablegate", September2011), Dump(Text(x), Revised(z), Text(y), Text(y)));

        Assert.Equal((1L, 2L, 2L), (release.NewCables, release.NewVersions, release.Unchanged));
        Assert.Equal(new[] { x.Id, y.Id, z.Id }.Order(), await MembersAsync(release.RunId));
        Assert.Equal([(release.RunId, "cablegate", September2011)], await CountingReleasesAsync());
    }

    [Fact]
    public async Task A_release_without_a_date_is_dated_when_its_run_started()
    {
        var before = DateTime.UtcNow;
        var release = await ImportAsync(new ImportRelease("undated", null), Dump(Text(x)));

        var (_, _, releasedAt) = Assert.Single(await CountingReleasesAsync());
        Assert.InRange(releasedAt, before.AddSeconds(-1), DateTime.UtcNow);
        await using var context = Archive.CreateDbContext();
        Assert.Equal(releasedAt, (await context.ImportRuns.SingleAsync(r => r.Id == release.RunId, TestContext.Current.CancellationToken)).StartedAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_failed_release_run_keeps_the_members_it_committed_but_does_not_count()
    {
        var dump = Dump(Text(x), Text(y));
        var broken = folder.File("broken.7z");
        await File.WriteAllTextAsync(broken, "not a 7z at all", TestContext.Current.CancellationToken);

        var failed = await ImportAsync(new ImportRelease("cablegate", null), dump, broken);

        Assert.Equal(ImportRunStatus.Failed, await StatusAsync(failed.RunId));
        Assert.Equal(new[] { x.Id, y.Id }.Order(), await MembersAsync(failed.RunId));
        Assert.Empty(await CountingReleasesAsync());

        // Imported again whole, the release counts.
        var again = await ImportAsync(new ImportRelease("cablegate", null), dump);
        Assert.Equal(again.RunId, Assert.Single(await CountingReleasesAsync()).RunId);
    }

    [Fact]
    public async Task A_release_run_stopped_after_its_first_commit_keeps_that_batch_but_does_not_count()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var importer = new ArchiveImporter(Archive, new ImportOptions { Release = new ImportRelease("cablegate", null), BatchRecords = 1 });
        var bytes = Encoding.UTF8.GetBytes(Text(x));

        var summary = await importer.RunAsync(
            ["(test)"],
            (emit, _, _) =>
            {
                // Many records, so that the first are parsed and committed while this callback still runs.
                for (var i = 0; i < 200; i++)
                    emit(new WorkItem($"{i}.txt", bytes, null));
                Assert.True(SpinWait.SpinUntil(() => importer.Progress.RecordsCommitted > 0, TimeSpan.FromMinutes(1)), "nothing was committed");
                stop.Cancel();
            },
            stop.Token);

        Assert.True(summary.Cancelled);
        Assert.Equal(ImportRunStatus.Cancelled, await StatusAsync(summary.RunId));
        Assert.Equal([x.Id], await MembersAsync(summary.RunId));
        Assert.Empty(await CountingReleasesAsync());
    }

    [Fact]
    public async Task A_release_imported_again_replaces_the_earlier_run_of_its_name()
    {
        var first = await ImportAsync(new ImportRelease("cablegate", September2011), Dump(Text(x), Text(y)));
        var other = await ImportAsync(new ImportRelease("other", September2011), Dump(Text(z)));
        var second = await ImportAsync(new ImportRelease("cablegate", September2011), Dump(Text(x)));

        Assert.Equal([(other.RunId, "other", September2011), (second.RunId, "cablegate", September2011)], await CountingReleasesAsync());
        Assert.Equal(new[] { x.Id, y.Id }.Order(), await MembersAsync(first.RunId));
    }

    [Fact]
    public async Task A_reparse_rebuilds_the_cables_and_keeps_the_membership()
    {
        var release = await ImportAsync(new ImportRelease("cablegate", September2011), Dump(Text(x), Text(y)));
        await ImportAsync(null, Dump(Text(z)));
        var idsBefore = await CableIdsAsync();

        var reparse = await new ArchiveReparser(Archive).ReparseAsync(TestContext.Current.CancellationToken);

        Assert.Null(reparse.Fatal);
        Assert.NotEqual(idsBefore, await CableIdsAsync());
        Assert.Equal(new[] { x.Id, y.Id }.Order(), await MembersAsync(release.RunId));
        Assert.Equal([(release.RunId, "cablegate", September2011)], await CountingReleasesAsync());
    }

    [Fact]
    public async Task A_record_a_release_quarantined_joins_that_release_once_an_archivist_fixes_it()
    {
        var release = await ImportAsync(new ImportRelease("cablegate", September2011), Dump(Text(x), "This file lost its header.\n\n1. Nothing here is a cable.\n"));
        Assert.Equal(1, release.Quarantined);
        Assert.Equal(ImportRunStatus.SucceededWithQuarantine, await StatusAsync(release.RunId));
        Assert.Equal([x.Id], await MembersAsync(release.RunId));

        long recordId;
        await using (var context = Archive.CreateDbContext())
            recordId = await context.QuarantinedRecords.Where(q => q.ImportRunId == release.RunId).Select(q => q.Id).SingleAsync(TestContext.Current.CancellationToken);
        var fixedRecord = await new QuarantineReview(Archive).ReparseAsync(recordId, Text(y), "archivist", TestContext.Current.CancellationToken);

        Assert.Equal(ReviewOutcome.Imported, fixedRecord.Outcome);
        Assert.Equal(new[] { x.Id, y.Id }.Order(), await MembersAsync(release.RunId));
        Assert.Empty(await MembersAsync(fixedRecord.RunId!.Value));
    }

    [Fact]
    public async Task The_command_line_imports_a_release_and_refuses_a_date_without_a_name()
    {
        var dump = Dump(Text(x));
        var (exitCode, _, error) = await CliProcess.RunAsync("import", dump, "--release", "cablegate", "--released-at", "2011-09-02", "--json", "--connection", fixture.ConnectionString);
        Assert.True(exitCode == 0, error);
        var (runId, name, releasedAt) = Assert.Single(await CountingReleasesAsync());
        Assert.Equal(("cablegate", September2011), (name, releasedAt));
        Assert.Equal([x.Id], await MembersAsync(runId));

        var refused = await CliProcess.RunAsync("import", dump, "--released-at", "2011-09-02", "--connection", fixture.ConnectionString);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("error: --release: a release date needs a release name.", refused.Error.Trim());
    }

    private async Task<List<long>> CableIdsAsync()
    {
        await using var context = Archive.CreateDbContext();
        return await context.Cables.OrderBy(c => c.ReferenceId).Select(c => c.Id).ToListAsync(TestContext.Current.CancellationToken);
    }
}
