using CableArchive.Data;
using CableArchive.Data.Model;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CableArchive.Web.Pages.Archive;

/// <summary>The quarantined records, filtered by review status, run and reason, a page at a time (the raw bytes are not read here).</summary>
public sealed class QuarantineModel(ArchiveDbContext context) : PageModel
{
    /// <summary>Records per page.</summary>
    public const int PageSize = 50;

    /// <summary>open, imported, discarded or all.</summary>
    public string Status { get; private set; } = "open";

    /// <summary>Only records of this run.</summary>
    public long? Run { get; private set; }

    /// <summary>Only records whose reason contains this (any case).</summary>
    public string? Reason { get; private set; }

    /// <summary>The page, from 1.</summary>
    public int PageNumber { get; private set; }

    /// <summary>Whether a further page exists.</summary>
    public bool HasMore { get; private set; }

    /// <summary>The records of the page.</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Lists the records.</summary>
    public async Task OnGetAsync(string? status, long? run, string? reason, int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        Status = status?.ToLowerInvariant() is "imported" or "discarded" or "all" ? status.ToLowerInvariant() : "open";
        Run = run;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        PageNumber = Math.Max(1, pageNumber);

        var query = context.QuarantinedRecords.AsNoTracking();
        query = Status switch
        {
            "imported" => query.Where(q => q.Status == QuarantineStatus.Imported),
            "discarded" => query.Where(q => q.Status == QuarantineStatus.Discarded),
            "all" => query,
            _ => query.Where(q => q.Status == QuarantineStatus.Open),
        };
        if (Run is { } runId)
            query = query.Where(q => q.ImportRunId == runId);
        if (Reason is { } text)
            query = query.Where(q => q.Reason.ToLower().Contains(text.ToLower()));

        var rows = await query.OrderBy(q => q.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(q => new Row(q.Id, q.ImportRunId, q.SourcePath, q.SourceRow, q.SourceOffset, q.Reason, q.Raw.Length, q.QuarantinedAt, q.Status, q.CableReferenceId))
            .ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }

    /// <summary>This list's address with one page number.</summary>
    public string PageLink(int pageNumber) =>
        $"/archive/quarantine?status={Status}&run={Run}&reason={Uri.EscapeDataString(Reason ?? "")}&pageNumber={pageNumber}";

    /// <summary>One record in the list.</summary>
    /// <param name="Id">The record's id.</param>
    /// <param name="RunId">The run that quarantined it.</param>
    /// <param name="SourcePath">The file or archive entry.</param>
    /// <param name="SourceRow">The cables.csv row.</param>
    /// <param name="SourceOffset">The byte offset in the file.</param>
    /// <param name="Reason">Why it was quarantined.</param>
    /// <param name="Bytes">The size of its raw bytes.</param>
    /// <param name="QuarantinedAt">When.</param>
    /// <param name="Status">Its review status.</param>
    /// <param name="CableReferenceId">The cable it became, when imported.</param>
    public sealed record Row(long Id, long RunId, string SourcePath, int? SourceRow, long? SourceOffset, string Reason, int Bytes, DateTime QuarantinedAt, QuarantineStatus Status, string? CableReferenceId)
    {
        /// <summary>Where in its source the record was, in words.</summary>
        public string Position => SourceRow is { } row ? $"row {row}" : SourceOffset is { } offset ? $"byte {offset}" : "";
    }
}
