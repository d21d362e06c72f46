using System.Text;
using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CableArchive.Data.Import;

/// <summary>How a review action on a quarantined record ended.</summary>
public enum ReviewOutcome
{
    /// <summary>The edited text parsed and was imported; the record is marked imported.</summary>
    Imported,

    /// <summary>The record is marked discarded.</summary>
    Discarded,

    /// <summary>The edited text still does not parse as one cable; the record stays open (the edit is kept).</summary>
    StillQuarantined,

    /// <summary>Someone already imported or discarded the record.</summary>
    AlreadyReviewed,

    /// <summary>No record has that id.</summary>
    NotFound,
}

/// <summary>What a review action did.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="ReferenceId">The cable the edited text became (<see cref="ReviewOutcome.Imported"/>).</param>
/// <param name="Reason">Why the edited text still does not parse (<see cref="ReviewOutcome.StillQuarantined"/>).</param>
/// <param name="RunId">The import run that imported the edited text.</param>
public sealed record ReviewResult(ReviewOutcome Outcome, string? ReferenceId = null, string? Reason = null, long? RunId = null);

/// <summary>
/// An archivist's review of quarantined records: re-parse an edited text (imported through the same merge as any
/// import, in a run of its own credited to the reviewer), or discard the record with a reason. The raw bytes are never
/// changed and no row is deleted: the record gets a status, who, when and why.
/// </summary>
public sealed class QuarantineReview(ArchiveDatabase database)
{
    /// <summary>The <see cref="ImportRun.Kind"/> of a run that imports a fixed record.</summary>
    public const string RunKind = "quarantine";

    /// <summary>
    /// Parses <paramref name="editedText"/> as the record at its original place (same container hint); when it is one
    /// cable, imports it and marks the record imported with a link to the cable, else keeps the edit and says why not.
    /// </summary>
    public async Task<ReviewResult> ReparseAsync(long recordId, string editedText, string reviewer, CancellationToken cancellationToken = default)
    {
        var record = await FindAsync(recordId, cancellationToken).ConfigureAwait(false);
        if (record is null)
            return new ReviewResult(ReviewOutcome.NotFound);
        if (record.Status != QuarantineStatus.Open)
            return new ReviewResult(ReviewOutcome.AlreadyReviewed, record.CableReferenceId);

        var origin = new RecordOrigin(record.SourcePath, record.SourceRow, record.SourceOffset);
        var item = new WorkItem(origin.ReaderHint, Encoding.UTF8.GetBytes(editedText), null, new Provenance(origin, null, null));

        // Parsed here first so that a text that still fails is not quarantined a second time as a record of its own.
        var processed = RecordProcessor.Process(item);
        var failure = processed switch
        {
            [StagedCable] => null,
            [StagedQuarantine quarantine] => quarantine.Reason,
            _ => $"the text holds {processed.Length} records; a quarantined record is fixed as one cable",
        };
        if (failure is not null)
        {
            await UpdateOpenAsync(recordId, set => set.SetProperty(q => q.EditedText, editedText), cancellationToken).ConfigureAwait(false);
            return new ReviewResult(ReviewOutcome.StillQuarantined, Reason: failure);
        }

        var referenceId = ((StagedCable)processed[0]).ReferenceId;
        var importer = new ArchiveImporter(database, new ImportOptions { RunKind = RunKind, UserName = reviewer, Parallelism = 1 });
        var summary = await importer.RunAsync([record.SourcePath], (emit, _, _) => emit(item), cancellationToken).ConfigureAwait(false);
        if (summary.Fatal is not null)
            throw new ArchiveUnavailableException($"The fixed record could not be imported: {summary.Fatal}");

        // A record quarantined by a release run belongs to that release; added before the record is marked, so that
        // fixing it again after a crash in between adds it then.
        await ReleaseMembership.AddFixedRecordAsync(database.DataSource, record.ImportRunId, referenceId, cancellationToken).ConfigureAwait(false);

        // Marked after the import committed: if the process dies in between, the record is still open and fixing it
        // again finds its text unchanged and marks it then.
        var now = DateTime.UtcNow;
        var marked = await UpdateOpenAsync(
            recordId,
            set => set.SetProperty(q => q.Status, QuarantineStatus.Imported).SetProperty(q => q.EditedText, editedText)
                .SetProperty(q => q.ReviewedBy, reviewer).SetProperty(q => q.ReviewedAt, now)
                .SetProperty(q => q.CableReferenceId, referenceId).SetProperty(q => q.ReviewRunId, summary.RunId),
            cancellationToken).ConfigureAwait(false);
        return new ReviewResult(marked ? ReviewOutcome.Imported : ReviewOutcome.AlreadyReviewed, referenceId, RunId: summary.RunId);
    }

    /// <summary>Marks the record discarded for <paramref name="reason"/>, which must say something.</summary>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    public async Task<ReviewResult> DiscardAsync(long recordId, string reason, string reviewer, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var record = await FindAsync(recordId, cancellationToken).ConfigureAwait(false);
        if (record is null)
            return new ReviewResult(ReviewOutcome.NotFound);

        var now = DateTime.UtcNow;
        var marked = await UpdateOpenAsync(
            recordId,
            set => set.SetProperty(q => q.Status, QuarantineStatus.Discarded).SetProperty(q => q.ReviewNote, reason.Trim())
                .SetProperty(q => q.ReviewedBy, reviewer).SetProperty(q => q.ReviewedAt, now),
            cancellationToken).ConfigureAwait(false);
        return new ReviewResult(marked ? ReviewOutcome.Discarded : ReviewOutcome.AlreadyReviewed);
    }

    private async Task<QuarantinedRecord?> FindAsync(long recordId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        return await context.QuarantinedRecords.AsNoTracking().FirstOrDefaultAsync(q => q.Id == recordId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies <paramref name="set"/> to the record if it is still open; whether it was.</summary>
    private async Task<bool> UpdateOpenAsync(
        long recordId,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<QuarantinedRecord>> set,
        CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        var rows = await context.QuarantinedRecords.Where(q => q.Id == recordId && q.Status == QuarantineStatus.Open)
            .ExecuteUpdateAsync(set, cancellationToken).ConfigureAwait(false);
        return rows == 1;
    }
}
