using CableArchive.Data.Model;
using CableArchive.Data.Search;
using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;
using Microsoft.EntityFrameworkCore;

namespace CableArchive.Data.Import;

/// <summary>
/// The import as one would first write it with EF Core: per cable, look it up, add the entity graph and call
/// <c>SaveChanges</c>. Kept only as the benchmark's baseline for the bulk path; it parses on one thread and merges nothing
/// but new cables.
/// </summary>
internal static class NaiveEfImport
{
    /// <summary>Imports the given one-cable files; returns how many cables were saved.</summary>
    public static async Task<int> ImportAsync(ArchiveDatabase database, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        long runId;
        await using (var context = database.CreateDbContext())
        {
            var run = new ImportRun { Kind = "naive-ef", UserName = Environment.UserName, HostName = Environment.MachineName, StartedAt = DateTime.UtcNow };
            context.ImportRuns.Add(run);
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            runId = run.Id;
        }

        var saved = 0;
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
            foreach (var record in RecordProcessor.Process(new WorkItem(file, bytes, null)))
            {
                if (record is StagedCable staged && await SaveAsync(database, staged, runId, cancellationToken).ConfigureAwait(false))
                    saved++;
            }
        }

        return saved;
    }

    private static async Task<bool> SaveAsync(ArchiveDatabase database, StagedCable staged, long runId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        if (await context.CableVersions.AnyAsync(v => v.Cable!.ReferenceId == staged.ReferenceId && v.TextSha256 == staged.TextSha256, cancellationToken).ConfigureAwait(false))
            return false;

        var now = DateTime.UtcNow;
        var post = staged.Post is null ? null
            : await context.Posts.FirstOrDefaultAsync(p => p.Name == staged.Post, cancellationToken).ConfigureAwait(false) ?? new Post { Name = staged.Post };
        var cable = await context.Cables.FirstOrDefaultAsync(c => c.ReferenceId == staged.ReferenceId, cancellationToken).ConfigureAwait(false);
        if (cable is null)
        {
            cable = new ArchivedCable { ReferenceId = staged.ReferenceId, FirstImportedAt = now };
            context.Cables.Add(cable);
        }

        cable.UpdatedAt = now;
        cable.CreatedAt = staged.CreatedAt;
        cable.Origin = staged.Post;
        cable.Post = post;
        cable.Classification = staged.Classification;
        cable.ClassificationLevel = staged.ClassificationLevel is { } level ? (ClassificationLevel)level : null;
        cable.ClassificationCaveats = [.. staged.ClassificationCaveats];
        cable.Precedence = staged.Precedence;
        cable.DateTimeGroup = staged.DateTimeGroup;
        cable.FromAddressee = staged.FromAddressee;
        cable.ToAddressees = [.. staged.ToAddressees];
        cable.InfoAddressees = [.. staged.InfoAddressees];
        cable.Captions = [.. staged.Captions];
        cable.ExecutiveOrder = staged.ExecutiveOrder;
        cable.DeclassifyOn = staged.DeclassifyOn;
        cable.Partial = staged.Partial;
        cable.RedactionCount = staged.RedactionCount;
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var version = new CableVersion
        {
            CableId = cable.Id,
            TextSha256 = staged.TextSha256,
            Text = staged.Text,
            RawRecord = staged.RawRecord,
            SourcePath = staged.Origin.Path,
            SourceRow = staged.Origin.Row,
            SourceOffset = staged.Origin.Offset,
            SourceFormat = staged.Format,
            ReleasedAt = staged.ReleasedAt,
            ImportRunId = runId,
            ImportedAt = now,
            Diagnostics = staged.DiagnosticsJson,
        };
        context.CableVersions.Add(version);
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        context.Paragraphs.AddRange(staged.Paragraphs.Select((p, i) => Fill(
            new CableParagraph { VersionId = version.Id, CableId = cable.Id, Text = p.Text, Position = i, Number = p.Number, Depth = p.Depth, SpanStart = p.SpanStart, SpanLength = p.SpanLength, CreatedMonth = CapMonth.Of(staged.CreatedAt) }, p)));
        context.CableTags.AddRange(staged.Tags.Select((t, i) => new CableTag { VersionId = version.Id, CableId = cable.Id, Position = i, Code = t.Code, Kind = (TagKind)t.Kind }));
        context.CableReferences.AddRange(staged.References.Select((r, i) => new CableReference
        {
            VersionId = version.Id, CableId = cable.Id, Position = i, Label = r.Label, Raw = r.Raw, Kind = (ReferenceKind)r.Kind, TargetReferenceId = r.TargetReferenceId, FromContainer = r.FromContainer,
        }));
        if (staged.Subject is { } s)
            context.Subjects.Add(Fill(new CableSubject { VersionId = version.Id, CableId = cable.Id, Text = s.Text, SpanStart = s.SpanStart, SpanLength = s.SpanLength, CreatedMonth = CapMonth.Of(staged.CreatedAt) }, s));

        cable.CurrentVersionId = version.Id;
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static T Fill<T>(T portion, StagedPortion staged) where T : IPortion
    {
        portion.MarkStatus = (MarkingStatus)staged.MarkStatus;
        portion.Mark = staged.Mark;
        portion.MarkLevel = staged.MarkLevel is { } level ? (ClassificationLevel)level : null;
        portion.MarkCaveats = [.. staged.MarkCaveats];
        portion.ReadLevel = (ClassificationLevel)staged.ReadLevel;
        portion.ReadCaveats = [.. staged.ReadCaveats];
        return portion;
    }
}
