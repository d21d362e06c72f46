using System.Security.Cryptography;
using System.Text;
using CableArchive.Data;
using CableArchive.Data.Import;
using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;
using CableArchive.Parsing;
using CableArchive.Parsing.Synthetic;
using CableArchive.Tests.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CableArchive.Tests.Data;

/// <summary>Real inputs through the whole import, read back from real PostgreSQL.</summary>
public sealed class CorpusImportTests : IAsyncLifetime
{
    private readonly ArchiveFixture fixture = new();

    public ValueTask InitializeAsync() => fixture.InitializeAsync();

    public ValueTask DisposeAsync() => fixture.DisposeAsync();

    private ArchiveDatabase Archive => fixture.Archive;

    [Fact]
    public async Task The_shared_pages_read_back_equal_their_parse_and_importing_them_again_adds_nothing()
    {
        var folder = SharedCorpus.RequireDirectory("corpus/wikileaks-2010-12");
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var summary = await new ArchiveImporter(Archive).ImportAsync([folder], TestContext.Current.CancellationToken);

        Assert.Null(summary.Fatal);
        Assert.Empty(summary.Errors);
        Assert.Equal(files.Count, summary.Read);
        Assert.Equal(summary.Read, summary.NewVersions + summary.Unchanged + summary.Quarantined);
        Assert.Equal(0, await SearchIndexer.CountPendingAsync(Archive.DataSource, TestContext.Current.CancellationToken));

        await using (var context = Archive.CreateDbContext())
        {
            var quarantined = 0;
            foreach (var file in files)
            {
                await using var stream = File.OpenRead(file);
                var parsed = Assert.Single(CableParser.ParseAll(stream, file).ToList());
                if (!parsed.IsCable || parsed.Id is null)
                {
                    quarantined++;
                    var sha = SHA256.HashData(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
                    Assert.True(await context.QuarantinedRecords.AnyAsync(q => q.RawSha256 == sha, TestContext.Current.CancellationToken), $"{file} is neither imported nor quarantined");
                    continue;
                }

                await AssertStoredAsync(context, parsed, file);
            }

            Assert.Equal(quarantined, summary.Quarantined);
        }

        var before = await ArchiveFingerprint.TakeAsync(fixture.ConnectionString);
        var again = await new ArchiveImporter(Archive).ImportAsync([folder], TestContext.Current.CancellationToken);

        Assert.Equal((files.Count, 0L, 0L, files.Count - summary.Quarantined, summary.Quarantined), (again.Read, again.NewCables, again.NewVersions, again.Unchanged, again.Quarantined));
        Assert.Equal(before, await ArchiveFingerprint.TakeAsync(fixture.ConnectionString));
    }

    [Fact]
    public async Task A_changed_text_makes_a_new_version_of_the_same_cable()
    {
        using var folder = new TempFolder();
        var cable = CableGenerator.Create(seed: 42);
        var original = cable.Render(CableFormat.RawText);
        var changed = original.Replace(cable.Portions[^1].Text, cable.Portions[^1].Text + " XXXXXXXXXXXX added in a later release.", StringComparison.Ordinal);
        Assert.NotEqual(original, changed);
        var first = folder.File("release1/" + cable.FileName(CableFormat.RawText));
        var second = folder.File("release2/" + cable.FileName(CableFormat.RawText));
        await File.WriteAllTextAsync(first, original, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(second, changed, TestContext.Current.CancellationToken);

        var one = await new ArchiveImporter(Archive).ImportAsync([first], TestContext.Current.CancellationToken);
        var two = await new ArchiveImporter(Archive).ImportAsync([second], TestContext.Current.CancellationToken);

        Assert.Equal((1L, 1L, 1L), (one.Read, one.NewCables, one.NewVersions));
        Assert.Equal((1L, 0L, 1L, 0L), (two.Read, two.NewCables, two.NewVersions, two.Unchanged));
        await using var context = Archive.CreateDbContext();
        var stored = await context.Cables.Include(c => c.Versions).Include(c => c.CurrentVersion).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(cable.Id, stored.ReferenceId);
        Assert.Equal(2, stored.Versions.Count);
        Assert.Contains("added in a later release", stored.CurrentVersion!.Text, StringComparison.Ordinal);
        Assert.Equal(stored.RedactionCount, cable.RedactionCount + 1);

        // The same two releases in one import: one cable, two versions, the later current; nothing new the second time.
        var both = await new ArchiveImporter(Archive).ImportAsync([folder.Path], TestContext.Current.CancellationToken);
        Assert.Equal((2L, 0L, 0L, 2L), (both.Read, both.NewCables, both.NewVersions, both.Unchanged));
    }

    [Fact]
    public async Task Reparse_rebuilds_the_same_archive_from_the_raw_records()
    {
        using var folder = new TempFolder();
        foreach (var cable in CableGenerator.Generate(seed: 7, count: 40))
            await File.WriteAllTextAsync(folder.File(cable.FileName(CableFormat.WikiLeaksHtml)), cable.Render(CableFormat.WikiLeaksHtml), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(folder.File("junk.txt"), "no cable here", TestContext.Current.CancellationToken);
        var imported = await new ArchiveImporter(Archive).ImportAsync([folder.Path], TestContext.Current.CancellationToken);
        Assert.Equal(1, imported.Quarantined);
        var before = await ArchiveFingerprint.TakeAsync(fixture.ConnectionString);

        var reparsed = await new ArchiveReparser(Archive).ReparseAsync(TestContext.Current.CancellationToken);

        Assert.Null(reparsed.Fatal);
        Assert.Equal(imported.Read, reparsed.Read);
        Assert.Equal(before, await ArchiveFingerprint.TakeAsync(fixture.ConnectionString));
        Assert.Equal(0, await EmbeddedPostgresTests.ScalarAsync(fixture.ConnectionString, "SELECT count(*)::int FROM pg_tables WHERE tablename = 'reparse_source'"));
    }

    private static async Task AssertStoredAsync(ArchiveDbContext context, Cable parsed, string file)
    {
        var sha = SHA256.HashData(Encoding.UTF8.GetBytes(parsed.Text));
        var version = await context.CableVersions.Include(v => v.Cable).SingleOrDefaultAsync(v => v.Cable!.ReferenceId == parsed.Id && v.TextSha256 == sha);
        Assert.True(version is not null, $"{file}: no version of {parsed.Id} with its text");
        Assert.Equal(parsed.Text, version.Text);
        Assert.Equal(parsed.Source.Format, version.SourceFormat);
        Assert.Equal(parsed.Metadata?.Released, version.ReleasedAt);

        // The page's bytes are kept whole: they are never the bare cable text.
        Assert.Equal(await File.ReadAllBytesAsync(file), version.RawRecord);

        var paragraphs = await context.Paragraphs.Where(p => p.VersionId == version.Id).OrderBy(p => p.Position).ToListAsync();
        var subject = await context.Subjects.SingleOrDefaultAsync(s => s.VersionId == version.Id);
        Assert.All(paragraphs, p => Assert.Equal(version.CableId, p.CableId));
        Assert.Equal(parsed.Paragraphs.Count, paragraphs.Count);
        var unmarkedBanner = ReadRule.BannerForUnmarked(parsed.Classification, parsed.Paragraphs.Select(p => p.Marking).Concat(parsed.Subject is { } s ? [s.Marking] : []));
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var (expected, actual) = (parsed.Paragraphs[i], paragraphs[i]);
            Assert.Equal(expected.Text, actual.Text);
            Assert.Equal(expected.Number, actual.Number);
            Assert.Equal(expected.Marking.Raw, actual.Mark);
            Assert.Equal(expected.Marking.Status, actual.MarkStatus);
            var label = expected.Marking.EffectiveLabel(unmarkedBanner);
            Assert.Equal(label.Level, actual.ReadLevel);
            Assert.Equal(label.RestrictiveCaveats.Select(c => c.Code), actual.ReadCaveats);
            Assert.Equal((expected.Span.Start, expected.Span.Length), (actual.SpanStart, actual.SpanLength));
        }

        Assert.Equal(parsed.Subject?.Text, subject?.Text);
        Assert.Equal(parsed.Subject?.Marking.Raw, subject?.Mark);

        var tags = await context.CableTags.Where(t => t.VersionId == version.Id).OrderBy(t => t.Position).Select(t => new { t.Code, t.Kind }).ToListAsync();
        Assert.Equal(parsed.Tags.Select(t => (t.Code, t.Kind)), tags.Select(t => (t.Code, t.Kind)));
        var references = await context.CableReferences.Where(r => r.VersionId == version.Id && !r.FromContainer).OrderBy(r => r.Position).Select(r => r.Raw).ToListAsync();
        Assert.Equal(parsed.References.Select(r => r.Raw), references);

        var cable = await context.Cables.SingleAsync(c => c.Id == version.CableId);
        if (cable.CurrentVersionId != version.Id)
            return;
        Assert.Equal(parsed.Classification?.ToString(), cable.Classification);
        Assert.Equal(parsed.Created, cable.CreatedAt);
        Assert.Equal(parsed.Origin, cable.Origin);
    }
}
