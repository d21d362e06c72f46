using System.Text.Json;
using CableArchive.Data.Audit;
using CableArchive.Data.Import;
using CableArchive.Web.Hosting;

namespace CableArchive.Web.Importing;

/// <summary>
/// Imports the queued uploads one at a time, in the background, through the same importer as <c>cablearchive import</c>
/// (as the archive's owner: the web role may not write the archive), with the run credited to the archivist who uploaded
/// the dump. An upload's file is deleted once its import ends, whichever way: its records are in the archive then.
/// </summary>
public sealed class ImportWorker(ImportQueue queue, IServiceProvider services, ILogger<ImportWorker> logger) : BackgroundService
{
    /// <summary>The <c>import_runs.kind</c> of an upload's run.</summary>
    public const string RunKind = "upload";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.Waiting.ReadAllAsync(stoppingToken))
                await RunAsync(job, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // Uploads that never started are not resumed by the next start: their files go.
        foreach (var job in queue.DrainWaiting())
        {
            job.Finish(null);
            DeleteUpload(job);
        }
    }

    private async Task RunAsync(ImportJob job, CancellationToken stoppingToken)
    {
        if (job.CancelRequested)
        {
            job.Finish(null);
            DeleteUpload(job);
            logger.LogInformation("Upload {FileName} by {UserName} was cancelled before its import started", job.FileName, job.UserName);
            return;
        }

        var archive = services.GetRequiredService<WebArchive>();
        var importer = new ArchiveImporter(archive.Database, new ImportOptions { RunKind = RunKind, UserName = job.UserName, Release = job.Release });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(job.CancellationToken, stoppingToken);
        job.Start(importer.Progress);
        ImportSummary? summary = null;
        try
        {
            logger.LogInformation("Importing upload {FileName} ({Bytes} bytes) for {UserName}", job.FileName, job.Bytes, job.UserName);
            summary = await importer.ImportAsync([job.FilePath], stop.Token);
            logger.LogInformation(
                "Upload {FileName} imported in run {RunId}: {Read} read, {NewCables} new cables, {NewVersions} new versions, {Quarantined} quarantined",
                job.FileName, summary.RunId, summary.Read, summary.NewCables, summary.NewVersions, summary.Quarantined);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            logger.LogInformation("The import of upload {FileName} was cancelled before its run started", job.FileName);
        }
        catch (Exception e)
        {
            // The importer reports what goes wrong during a run in its summary; this is a failure before the run
            // started (or a bug). Either way the next upload must still be imported, so the worker carries on.
            logger.LogError(e, "The import of upload {FileName} failed before its run started", job.FileName);
        }

        DeleteUpload(job);
        var outcome = summary is null ? (stop.IsCancellationRequested ? AuditOutcomes.Cancelled : AuditOutcomes.Failed)
            : summary.Cancelled ? AuditOutcomes.Cancelled
            : summary.Fatal is not null || summary.Errors.Count > 0 ? AuditOutcomes.Failed
            : AuditOutcomes.Ok;
        await AuditAsync(archive, job, summary, outcome);

        // Last, so that whoever sees the job finished finds its file gone and its audit record written.
        job.Finish(summary);
    }

    private async Task AuditAsync(WebArchive archive, ImportJob job, ImportSummary? summary, string outcome)
    {
        var entry = new AuditEvent
        {
            UserId = job.UserId,
            UserName = job.UserName,
            Action = AuditActions.ArchiveImport,
            Target = summary is { RunId: > 0 } ? $"import-run/{summary.RunId}" : job.FileName,
            Outcome = outcome,
            ResultCount = summary?.Read,
            Detail = summary is null ? null : JsonSerializer.Serialize(new
            {
                file = job.FileName,
                release = job.Release?.Name,
                newCables = summary.NewCables,
                newVersions = summary.NewVersions,
                unchanged = summary.Unchanged,
                quarantined = summary.Quarantined,
                errors = summary.Errors.Concat(summary.Fatal is null ? [] : [summary.Fatal]),
            }),
        };
        try
        {
            await AuditLog.WriteAsync(archive.DataSource, entry);
        }
        catch (Npgsql.NpgsqlException e)
        {
            logger.LogError(e, "The audit record of upload {FileName} could not be written", job.FileName);
        }
    }

    private void DeleteUpload(ImportJob job)
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(job.FilePath)!, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "The uploaded file {FilePath} could not be deleted", job.FilePath);
        }
    }
}
