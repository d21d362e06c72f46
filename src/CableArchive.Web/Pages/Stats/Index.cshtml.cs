using CableArchive.Data.Accounts;
using CableArchive.Data.Audit;
using CableArchive.Data.Search;
using CableArchive.Web.Accounts;
using CableArchive.Web.Auditing;
using CableArchive.Web.Hosting;
using CableArchive.Web.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CableArchive.Web.Pages.Stats;

/// <summary>
/// Site statistics as bar charts. Cables by year, origin and classification count envelopes, which every signed-in
/// reader may see; versions per release count what the reader's own version lists show (read rule in SQL); quarantine
/// counts are for archivists and admins. See docs/decisions/web-history-and-statistics.md.
/// </summary>
public sealed class IndexModel(CurrentReader readers, WebArchive archive, AuditTrail audit) : PageModel
{
    /// <summary>How many origins the origin chart shows.</summary>
    public const int TopOrigins = 20;

    /// <summary>Cables by year, by origin (top 20), by classification, and versions per release, in that order.</summary>
    public IReadOnlyList<BarChart> Charts { get; private set; } = [];

    /// <summary>Quarantined records by review status; null when the reader is neither archivist nor admin.</summary>
    public BarChart? Quarantine { get; private set; }

    /// <summary>Computes the charts for the reader.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await readers.GetAsync(cancellationToken) is not { } reader)
            return Challenge();
        var data = archive.DataSource;
        Charts =
        [
            new("by-year", "Cables by year", await CableQueries.CountYearsAsync(data, cancellationToken)),
            new("by-origin", $"Cables by origin (top {TopOrigins})", await CableQueries.CountTopOriginsAsync(data, TopOrigins, cancellationToken)),
            new("by-classification", "Cables by classification", await CableQueries.CountClassificationsAsync(data, cancellationToken)),
            new("versions-per-release", "Versions per release (as your version lists show them)",
                await CableQueries.CountVersionsPerReleaseAsync(data, reader.Sql, CableReading.MaySeeSensitiveHistory(HttpContext), cancellationToken)),
        ];
        if (User.IsInRole(ArchiveRoles.Archivist) || User.IsInRole(ArchiveRoles.Admin))
            Quarantine = new("quarantine", "Quarantined records by review status", await CableQueries.CountQuarantinedAsync(data, cancellationToken));

        await audit.RecordAsync(AuditActions.Statistics, AuditOutcomes.Ok);
        return Page();
    }
}
