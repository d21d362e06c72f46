using CableArchive.Data.Audit;
using CableArchive.Data.Search;
using CableArchive.Web.Accounts;
using CableArchive.Web.Auditing;
using CableArchive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CableArchive.Web.Pages.Browse;

/// <summary>
/// Browsing by tag (with meanings), origin, month and classification: counts of cables by envelope fields, which every
/// signed-in reader may see; each value links to the search filtered by it.
/// </summary>
public sealed class IndexModel(CurrentReader readers, WebArchive archive, AuditTrail audit) : PageModel
{
    /// <summary>tags, origins, months or classifications.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The values and their counts.</summary>
    public IReadOnlyList<BrowseCount> Counts { get; private set; } = [];

    /// <summary>Lists the values of <paramref name="kind"/>.</summary>
    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken cancellationToken)
    {
        if (await readers.GetAsync(cancellationToken) is null)
            return Challenge();
        Kind = kind.ToLowerInvariant();
        Counts = Kind switch
        {
            "tags" => await CableQueries.CountTagsAsync(archive.DataSource, cancellationToken),
            "origins" => await CableQueries.CountOriginsAsync(archive.DataSource, cancellationToken),
            "months" => await CableQueries.CountMonthsAsync(archive.DataSource, cancellationToken),
            "classifications" => await CableQueries.CountClassificationsAsync(archive.DataSource, cancellationToken),
            _ => [],
        };
        if (Counts.Count == 0 && Kind is not ("tags" or "origins" or "months" or "classifications"))
            return NotFound();
        await audit.RecordAsync(AuditActions.Browse, AuditOutcomes.Ok, target: Kind, resultCount: Counts.Count);
        return Page();
    }

    /// <summary>The search link for one value.</summary>
    public string SearchLink(BrowseCount count)
    {
        var value = Uri.EscapeDataString(count.Value);
        return Kind switch
        {
            "tags" => "/search?tag=" + value,
            "origins" => "/search?origin=" + value,
            "classifications" => "/search?classification=" + value,
            _ => MonthSearch(count.Value),
        };
    }

    private static string MonthSearch(string month)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var first))
            return "/search";
        var last = first.AddMonths(1).AddDays(-1);
        return $"/search?from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}&sort=oldest";
    }
}
