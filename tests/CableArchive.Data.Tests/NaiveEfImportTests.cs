using CableArchive.Data;
using CableArchive.Data.Import;
using CableArchive.Parsing;
using CableArchive.Parsing.Synthetic;
using CableArchive.Tests.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CableArchive.Tests.Data;

/// <summary>The naive EF Core import that <c>bench import --ef-count</c> measures the bulk path against, on real PostgreSQL.</summary>
public sealed class NaiveEfImportTests : IAsyncLifetime
{
    private readonly ArchiveFixture fixture = new();

    public ValueTask InitializeAsync() => fixture.InitializeAsync();

    public ValueTask DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task A_second_text_of_a_cable_becomes_its_new_version_and_replaces_its_tags_and_references()
    {
        // The generator repeats some ids, as the benchmark's corpus does; a known cable with references and tags.
        var cable = CableGenerator.Generate(7, 200).First(c => c.References.Count > 0 && c.Tags.Count > 1);
        var text = SyntheticRenderer.RawText(cable);
        var changed = text.TrimEnd() + "\n\nA LINE ADDED BY A LATER RELEASE.\n";
        using var folder = new TempFolder();
        var first = Path.Combine(folder.Path, "first.txt");
        var second = Path.Combine(folder.Path, "second.txt");
        await File.WriteAllTextAsync(first, text, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(second, changed, TestContext.Current.CancellationToken);

        var saved = await NaiveEfImport.ImportAsync(fixture.Archive, [first, second, second], TestContext.Current.CancellationToken);

        Assert.Equal(2, saved);
        var parsed = CableParser.ParseAll(System.Text.Encoding.UTF8.GetBytes(changed), second).Single();
        await using var context = fixture.Archive.CreateDbContext();
        var stored = await context.Cables.SingleAsync(c => c.ReferenceId == parsed.Id, TestContext.Current.CancellationToken);
        var versions = await context.CableVersions.Where(v => v.CableId == stored.Id).OrderBy(v => v.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, versions.Count);
        Assert.DoesNotContain("A LINE ADDED", versions[0].Text, StringComparison.Ordinal);
        Assert.Contains("A LINE ADDED", versions[1].Text, StringComparison.Ordinal);
        Assert.Equal(versions[1].Id, stored.CurrentVersionId);
        var tags = await context.CableTags.Where(t => t.VersionId == stored.CurrentVersionId).OrderBy(t => t.Position).Select(t => t.Code).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(parsed.Tags.Select(t => t.Code), tags);
        Assert.Equal(parsed.References.Count, await context.CableReferences.CountAsync(r => r.VersionId == stored.CurrentVersionId, TestContext.Current.CancellationToken));
    }
}
