using CableArchive.Data;
using CableArchive.Data.Audit;
using CableArchive.Web.Auditing;
using CableArchive.Web.Importing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CableArchive.Web.Pages.Archive;

/// <summary>
/// One import run: its live progress while it runs (the page polls its JSON status every second, or refreshes itself
/// without script), its summary once it ends; the archivist who can see it running here can cancel it.
/// </summary>
public sealed class RunModel(ArchiveDbContext context, ImportQueue queue, AuditTrail audit, ILogger<RunModel> logger) : PageModel
{
    /// <summary>Where the run stands.</summary>
    public ImportStatus Status { get; private set; } = null!;

    /// <summary>Shows the run.</summary>
    public async Task<IActionResult> OnGetAsync(long runId, CancellationToken cancellationToken)
    {
        var status = await ImportStatus.ReadAsync(context, queue, runId, cancellationToken);
        if (status is null)
            return NotFound();
        Status = status;
        return Page();
    }

    /// <summary>Asks the run's import to stop; the batches already committed stay, and the run is marked cancelled.</summary>
    public async Task<IActionResult> OnPostCancelAsync(long runId)
    {
        var job = queue.FindByRun(runId);
        if (job is not { State: ImportJobState.Running })
            return RedirectToPage(new { runId });
        job.Cancel();
        logger.LogInformation("Import run {RunId} cancelled by {UserName}", runId, User.Identity?.Name);
        await audit.RecordAsync(AuditActions.ArchiveCancel, AuditOutcomes.Ok, target: $"import-run/{runId}");
        return RedirectToPage(new { runId });
    }
}
