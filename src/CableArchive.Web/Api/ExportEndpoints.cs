using Npgsql;
using System.Globalization;
using System.Text;
using CableArchive.Data.Audit;
using CableArchive.Data.Search;
using CableArchive.Web.Accounts;
using CableArchive.Web.Auditing;
using CableArchive.Web.Hosting;
using CableArchive.Web.Reading;

namespace CableArchive.Web.Api;

/// <summary>
/// Downloads: search results as CSV (<c>/search/export.csv</c>, same parameters as the search page), a cable as text
/// (<c>/cables/{id}/export.txt</c>) and the raw text of a cable to a reader who may read all of it
/// (<c>/cables/{id}/raw</c>). A cable that is not available to the reader answers exactly like one that does not exist.
/// </summary>
public static class ExportEndpoints
{
    /// <summary>The most rows a CSV export holds.</summary>
    public const int MaxCsvRows = 1000;

    private const string NotAvailable = "No text of this cable is available to you.\n";

    /// <summary>Maps the downloads.</summary>
    public static WebApplication MapArchiveExports(this WebApplication app)
    {
        app.MapGet("/search/export.csv", SearchCsvAsync).RequireRateLimiting(SearchLimitsSetup.SearchPolicy);
        app.MapGet("/cables/{id}/export.txt", CableTextAsync);
        app.MapGet("/cables/{id}/raw", RawTextAsync);
        return app;
    }

    private static async Task<IResult> SearchCsvAsync(HttpContext http, CurrentReader readers, WebArchive archive, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (await readers.GetAsync(cancellationToken) is not { } reader)
            return Results.Unauthorized();
        var query = SearchRequest.Parse(http.Request.Query) with { PageSize = SearchQuery.MaxPageSize };
        var csv = new StringBuilder("id,date,origin,classification,subject,url\n");
        long rows = 0;
        try
        {
            for (var page = 1; rows < MaxCsvRows; page++)
            {
                var results = await ArchiveSearch.SearchAsync(archive.DataSource, reader.Sql, query with { Page = page }, cancellationToken: cancellationToken);
                foreach (var hit in results.Hits)
                {
                    csv.Append(Cell(hit.ReferenceId)).Append(',')
                        .Append(Cell(hit.CreatedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).Append(',')
                        .Append(Cell(hit.Origin)).Append(',')
                        .Append(Cell(hit.Classification)).Append(',')
                        .Append(Cell(hit.Subject ?? (hit.SubjectWithheld is { } label ? $"[subject withheld: {label}]" : ""))).Append(',')
                        .Append(Cell("/cables/" + Uri.EscapeDataString(hit.ReferenceId))).Append('\n');
                    rows++;
                }

                if (results.Hits.Count < query.PageSize || (long)page * query.PageSize >= results.Total)
                    break;
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled && !cancellationToken.IsCancellationRequested)
        {
            // The statement timeout stopped the search (Hosting/ArchiveSetup.cs): the reader is told, as on the search page.
            await audit.RecordAsync(AuditActions.SearchExport, AuditOutcomes.TimedOut, query: SearchRequest.Describe(query));
            return Results.Text(Pages.Search.IndexModel.TooLong, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        await audit.RecordAsync(AuditActions.SearchExport, AuditOutcomes.Ok, query: SearchRequest.Describe(query), resultCount: rows);
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "cablearchive-search.csv");
    }

    private static async Task<IResult> CableTextAsync(string id, CurrentReader readers, CableReading reading, CancellationToken cancellationToken)
    {
        if (await readers.GetAsync(cancellationToken) is not { } reader)
            return Results.Unauthorized();
        var view = await reading.ReadAsync(reader, id, null, AuditActions.CableExport, cancellationToken);
        if (view.Withdrawn)
            return Results.Text(NotAvailable, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        return Results.File(Encoding.UTF8.GetBytes(CableExport.Render(view)), "text/plain; charset=utf-8", view.RequestedId + ".txt");
    }

    private static async Task<IResult> RawTextAsync(string id, CurrentReader readers, CableReading reading, WebArchive archive, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (await readers.GetAsync(cancellationToken) is not { } reader)
            return Results.Unauthorized();
        var view = await reading.LoadAsync(reader, id, null, cancellationToken);
        var raw = view.FullyReadable && view.Envelope is { } envelope
            ? await CableQueries.GetRawTextAsync(archive.DataSource, reader.Sql, reader.Clearance, envelope, cancellationToken)
            : null;
        await audit.RecordAsync(AuditActions.CableRaw, raw is null ? AuditOutcomes.Denied : AuditOutcomes.Ok, target: view.RequestedId, portionsWithheld: view.Text?.WithheldCount);
        return raw is null
            ? Results.Text(NotAvailable, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound)
            : Results.Text(raw, "text/plain; charset=utf-8");
    }

    /// <summary>A CSV cell: quoted when needed, and a leading formula character neutralised for spreadsheets.</summary>
    internal static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
