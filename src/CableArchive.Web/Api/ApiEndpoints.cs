using Npgsql;
using CableArchive.Data.Audit;
using CableArchive.Data.Search;
using CableArchive.Web.Accounts;
using CableArchive.Web.Auditing;
using CableArchive.Web.Hosting;
using CableArchive.Web.Reading;

namespace CableArchive.Web.Api;

/// <summary>
/// The JSON API, under the same rules as the pages: <c>GET /api/search</c>, <c>GET /api/cables/{id}</c>,
/// <c>GET /api/cables/{id}/versions</c>; a cookie or <c>Authorization: Bearer</c> token. A cable that does not exist
/// and one whose every portion is withheld answer alike (<c>withdrawn: true</c>), the second with its envelope.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>Maps the API.</summary>
    public static WebApplication MapArchiveApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/search", SearchAsync).RequireRateLimiting(SearchLimitsSetup.SearchPolicy);
        api.MapGet("/cables/{id}", CableAsync);
        api.MapGet("/cables/{id}/versions", VersionsAsync);
        return app;
    }

    private static async Task<IResult> SearchAsync(HttpContext http, CurrentReader readers, WebArchive archive, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (await readers.GetAsync(cancellationToken) is not { } reader)
            return Results.Unauthorized();
        var problems = new List<string>();
        var query = SearchRequest.Parse(http.Request.Query, problems);
        SearchResults results;
        try
        {
            results = await ArchiveSearch.SearchAsync(archive.DataSource, reader.Sql, query, cancellationToken: cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled && !cancellationToken.IsCancellationRequested)
        {
            await audit.RecordAsync(AuditActions.Search, AuditOutcomes.TimedOut, target: "api", query: SearchRequest.Describe(query));
            return Results.Json(new { error = Pages.Search.IndexModel.TooLong }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        await audit.RecordAsync(AuditActions.Search, AuditOutcomes.Ok, target: "api", query: SearchRequest.Describe(query), resultCount: results.Total);
        return Results.Json(new
        {
            total = results.Total,
            totalIsLowerBound = results.TotalIsLowerBound,
            page = query.Page,
            pageSize = query.PageSize,
            results = results.Hits.Select(hit => new
            {
                id = hit.ReferenceId,
                date = hit.CreatedAt,
                origin = hit.Origin,
                classification = hit.Classification,
                subject = hit.Subject,
                subjectWithheld = hit.SubjectWithheld?.ToString(),
                snippet = hit.Snippet is null ? null : CableTextFormatter.SnippetText(hit.Snippet),
                snippetHtml = hit.Snippet is null ? null : CableTextFormatter.SnippetHtml(hit.Snippet),
                snippetParagraph = hit.SnippetParagraph,
                url = "/cables/" + Uri.EscapeDataString(hit.ReferenceId),
            }),
            facets = new
            {
                origins = results.Facets.Origins,
                classifications = results.Facets.Classifications,
                tags = results.Facets.Tags,
                months = results.Facets.Months,
            },
            warnings = problems,
        });
    }

    private static async Task<IResult> CableAsync(string id, HttpContext http, CurrentReader readers, CableReading reading, CancellationToken cancellationToken)
    {
        if (await readers.GetAsync(cancellationToken) is not { } reader)
            return Results.Unauthorized();
        var version = int.TryParse(http.Request.Query["version"], out var number) ? number : (int?)null;
        var view = await reading.ReadAsync(reader, id, version, AuditActions.Api, cancellationToken);
        return Results.Json(new
        {
            id = view.RequestedId,
            withdrawn = view.Withdrawn,
            envelope = view.Envelope is { } e ? Envelope(e) : null,
            version = view.VersionNumber,
            withheldPortions = view.Text?.WithheldCount,
            subject = view.Text?.Subject is { } subject ? Portion(subject) : null,
            paragraphs = view.Text?.Paragraphs.Select(Portion).ToArray() ?? [],
            citedBy = view.CitedBy.Select(c => c.ReferenceId).ToArray(),
        });
    }

    private static async Task<IResult> VersionsAsync(string id, CurrentReader readers, CableReading reading, WebArchive archive, CancellationToken cancellationToken)
    {
        if (await readers.GetAsync(cancellationToken) is not { } reader)
            return Results.Unauthorized();
        var view = await reading.ReadAsync(reader, id, null, AuditActions.Api, cancellationToken);

        // The history page's events: versions the reader can tell apart, and releases that removed or re-added the cable.
        var history = view.Withdrawn || view.HistoryWithheld ? []
            : HistoryEvent.Of(view.Versions, await CableQueries.GetReleasesAsync(archive.DataSource, view.Envelope!.ReferenceId, cancellationToken));
        return Results.Json(new
        {
            id = view.RequestedId,
            withdrawn = view.Withdrawn,
            historyWithheld = view.HistoryWithheld,
            versions = view.Versions.Select(v => new { number = v.Number, firstSeen = v.FirstSeen, format = v.Format.ToString(), current = v.IsCurrent }),
            history = history.Select(e => new { kind = e.Kind.ToString(), at = e.At, version = e.Version?.Number, release = e.Release?.Name }),
        });
    }

    private static object Envelope(CableEnvelope e) => new
    {
        id = e.ReferenceId,
        date = e.CreatedAt,
        origin = e.Origin,
        classification = e.Classification,
        precedence = e.Precedence,
        dateTimeGroup = e.DateTimeGroup,
        from = e.From,
        to = e.To,
        info = e.Info,
        captions = e.Captions,
        executiveOrder = e.ExecutiveOrder,
        declassifyOn = e.DeclassifyOn,
        partial = e.Partial,
        tags = e.Tags,
        references = e.References.Select(r => new { label = r.Label, raw = r.Raw, id = r.TargetReferenceId, inArchive = r.InArchive }),
        aliases = e.Aliases,
    };

    private static object Portion(PortionView p) => new
    {
        place = CableText.Place(p),
        number = p.Number,
        label = p.Label.ToString(),
        mark = p.Mark,
        withheld = p.Withheld,
        text = p.Text,
    };
}
