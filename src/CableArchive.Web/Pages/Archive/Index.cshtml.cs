using CableArchive.Data;
using CableArchive.Data.Model;
using CableArchive.Web.Importing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CableArchive.Web.Pages.Archive;

/// <summary>The archivists' start page: the upload form, the uploads waiting or running, and every import run (CLI runs too).</summary>
public sealed class IndexModel(ArchiveDbContext context, ImportQueue queue, IOptions<UploadOptions> uploads) : PageModel
{
    /// <summary>Runs per page of the history.</summary>
    public const int PageSize = 50;

    /// <summary>The largest upload accepted.</summary>
    public long MaxBytes => uploads.Value.MaxBytes;

    /// <summary>Uploads queued or being imported on this server.</summary>
    public IReadOnlyList<ImportJob> Active { get; private set; } = [];

    /// <summary>The runs of this page, newest first.</summary>
    public IReadOnlyList<ImportRun> Runs { get; private set; } = [];

    /// <summary>The page of the history, from 1.</summary>
    public int PageNumber { get; private set; }

    /// <summary>Whether there are older runs.</summary>
    public bool HasOlder { get; private set; }

    /// <summary>Shows the page.</summary>
    public async Task OnGetAsync(int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        PageNumber = Math.Max(1, pageNumber);
        Active = queue.Active;
        var runs = await context.ImportRuns.AsNoTracking().OrderByDescending(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasOlder = runs.Count > PageSize;
        Runs = runs.Take(PageSize).ToList();
    }

    /// <summary>The file names of a run's inputs (an upload's folder is its own, so the name is what says something).</summary>
    public static string Inputs(ImportRun run) => string.Join(", ", run.Inputs.Select(Path.GetFileName));
}
