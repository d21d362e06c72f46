using Npgsql;
using System.Globalization;
using CableArchive.Data.Audit;
using CableArchive.Data.Search;
using CableArchive.Parsing.Identity;
using CableArchive.Web.Accounts;
using CableArchive.Web.Auditing;
using CableArchive.Web.Hosting;
using CableArchive.Web.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CableArchive.Web.Pages.Search;

/// <summary>
/// The search page: one box in web search syntax, filters, facets, a year/month histogram, sorting, paging and
/// highlighted snippets, all of it in the URL. A reference id typed in the box opens its cable.
/// </summary>
[EnableRateLimiting(SearchLimitsSetup.SearchPolicy)]
public sealed class IndexModel(CurrentReader readers, WebArchive archive, AuditTrail audit) : PageModel
{
    /// <summary>The search in the URL.</summary>
    public SearchQuery Search { get; private set; } = new();

    /// <summary>The results; null before anything was asked.</summary>
    public SearchResults? Results { get; private set; }

    /// <summary>Parameters that could not be read.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>What a search that ran out of time is told.</summary>
    public const string TooLong = "This search took too long and was stopped. Add a word, a phrase or a filter (dates, origin, tags) to narrow it.";

    /// <summary>Runs the search in the query string, if any.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await readers.GetAsync(cancellationToken) is not { } reader)
            return Challenge();
        Search = SearchRequest.Parse(Request.Query, Problems);
        if (Request.Query.Count == 0)
            return Page();

        // A reference id jumps to its cable (ids are part of every cable's envelope, so this reveals nothing withheld).
        if (Search.HasText && !Search.Text!.Contains(' ', StringComparison.Ordinal) && Search.Text.Any(char.IsDigit)
            && ReferenceIds.Canonicalize(Search.Text) is { } id
            && await CableQueries.FindAsync(archive.DataSource, id, cancellationToken) is not null)
        {
            return Redirect("/cables/" + Uri.EscapeDataString(id));
        }

        try
        {
            Results = await ArchiveSearch.SearchAsync(archive.DataSource, reader.Sql, Search, cancellationToken: cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled && !cancellationToken.IsCancellationRequested)
        {
            // The server's statement timeout (Hosting/ArchiveSetup.cs) stopped it: say so, rather than an error page.
            Problems.Add(TooLong);
            await audit.RecordAsync(AuditActions.Search, AuditOutcomes.TimedOut, target: "page", query: SearchRequest.Describe(Search));
            return Page();
        }

        await audit.RecordAsync(AuditActions.Search, AuditOutcomes.Ok, target: "page", query: SearchRequest.Describe(Search), resultCount: Results.Total);
        return Page();
    }

    /// <summary>The link to this search with some values changed (always back to page 1 unless the page is given).</summary>
    public string Link(Func<SearchQuery, SearchQuery> change) => "/search?" + SearchRequest.ToQueryString(change(Search with { Page = 1 }));

    /// <summary>The link that adds or removes one value of a repeatable filter.</summary>
    public string Toggle(IReadOnlyList<string> values, string value, Func<SearchQuery, IReadOnlyList<string>, SearchQuery> set) =>
        Link(search => set(search, values.Contains(value) ? values.Where(v => v != value).ToList() : [.. values, value]));

    /// <summary>The link that narrows the search to one month of the histogram.</summary>
    public string MonthLink(MonthCount month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        return Link(search => search with { From = first, To = first.AddMonths(1).AddDays(-1) });
    }

    /// <summary>A month as <c>2008-09</c>.</summary>
    public static string MonthLabel(MonthCount month) => string.Create(CultureInfo.InvariantCulture, $"{month.Year:D4}-{month.Month:D2}");
}
