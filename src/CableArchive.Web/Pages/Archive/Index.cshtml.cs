using CableArchive.Data;
using CableArchive.Data.Model;
using CableArchive.Web.Importing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CableArchive.Web.Pages.Archive;

/// <summary>One release that counts, with the number of cables it contains.</summary>
/// <param name="Name">The release's name.</param>
/// <param name="ReleasedAt">When it was published (or imported, when no date was given).</param>
/// <param name="RunId">The run that imported it.</param>
/// <param name="Cables">Cables it contains.</param>
public sealed record ReleaseRow(string Name, DateTime ReleasedAt, long RunId, int Cables);

/// <summary>
/// The archivists' start page: the upload form, the uploads waiting or running, the releases, and every import run
/// (CLI runs too).
/// </summary>
public sealed class IndexModel(ArchiveDbContext context, ImportQueue queue, IOptions<UploadOptions> uploads) : PageModel
{
    /// <summary>Runs per page of the history.</summary>
    public const int PageSize = 50;

    /// <summary>The largest upload accepted.</summary>
    public long MaxBytes => uploads.Value.MaxBytes;

    /// <summary>Uploads queued or being imported on this server.</summary>
    public IReadOnlyList<ImportJob> Active { get; private set; } = [];

    /// <summary>The releases that count (completed release runs, the latest of each name), newest first.</summary>
    public IReadOnlyList<ReleaseRow> Releases { get; private set; } = [];

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
        Releases = await context.Releases.OrderByDescending(r => r.ReleasedAt).ThenByDescending(r => r.RunId)
            .Select(r => new ReleaseRow(r.Name, r.ReleasedAt, r.RunId, context.ReleaseCables.Count(m => m.RunId == r.RunId)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The file names of a run's inputs (an upload's folder is its own, so the name is what says something).</summary>
    public static string Inputs(ImportRun run) => string.Join(", ", run.Inputs.Select(Path.GetFileName));
}
