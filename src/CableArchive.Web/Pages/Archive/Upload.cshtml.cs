using CableArchive.Data.Audit;
using CableArchive.Web.Auditing;
using CableArchive.Web.Importing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CableArchive.Web.Pages.Archive;

/// <summary>
/// An upload before its run exists: queued behind another import (an upload has a page from the moment it is stored;
/// its run, from the moment its import starts). Once the run has started, this page sends the archivist to the run's.
/// </summary>
public sealed class UploadModel(ImportQueue queue, AuditTrail audit) : PageModel
{
    /// <summary>The upload.</summary>
    public ImportJob Job { get; private set; } = null!;

    /// <summary>Imports ahead of this one.</summary>
    public int Ahead { get; private set; }

    /// <summary>Shows the upload, or the run's page once it has one.</summary>
    public IActionResult OnGet(Guid jobId)
    {
        if (queue.Find(jobId) is not { } job)
            return NotFound();
        if (job.RunId is { } runId)
            return Redirect($"/archive/imports/{runId}");
        Job = job;
        Ahead = queue.Active.TakeWhile(j => j.Id != job.Id).Count();
        return Page();
    }

    /// <summary>Cancels the upload before (or as) its import starts.</summary>
    public async Task<IActionResult> OnPostCancelAsync(Guid jobId)
    {
        if (queue.Find(jobId) is not { } job)
            return NotFound();
        job.Cancel();
        await audit.RecordAsync(AuditActions.ArchiveCancel, AuditOutcomes.Ok, target: job.RunId is { } runId ? $"import-run/{runId}" : job.FileName);
        return RedirectToPage(new { jobId });
    }
}
