using System.Globalization;
using System.Reflection;
using System.Text;
using CableArchive.Data.Audit;
using CableArchive.Web.Accounts;
using CableArchive.Web.Api;
using CableArchive.Web.Auditing;
using CableArchive.Web.Hosting;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CableArchive.Web.Pages.Admin.Audit;

/// <summary>
/// The audit log: filtered by user, target, action, outcome and time, newest first, a page at a time, or exported as
/// CSV. Records labelled above the admin's own clearance show their envelope only (<see cref="AuditLogReader"/>).
/// Looking at the log is itself audited, with the filter as the query.
/// </summary>
public sealed class IndexModel(CurrentReader readers, WebArchive archive, AuditTrail audit) : PageModel
{
    /// <summary>Records per page.</summary>
    public const int PageSize = 50;

    /// <summary>Every action the archive records, for the filter's list.</summary>
    public static IReadOnlyList<string> Actions { get; } = Constants(typeof(AuditActions));

    /// <summary>Every outcome, for the filter's list.</summary>
    public static IReadOnlyList<string> Outcomes { get; } = Constants(typeof(AuditOutcomes));

    /// <summary>Who acted.</summary>
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? ByUser { get; set; }

    /// <summary>What it was done to.</summary>
    [BindProperty(SupportsGet = true, Name = "target")]
    public string? Target { get; set; }

    /// <summary>The action.</summary>
    [BindProperty(SupportsGet = true, Name = "action")]
    public string? Action { get; set; }

    /// <summary>The outcome.</summary>
    [BindProperty(SupportsGet = true, Name = "outcome")]
    public string? Outcome { get; set; }

    /// <summary>The earliest time (UTC), included.</summary>
    [BindProperty(SupportsGet = true, Name = "since")]
    public DateTime? Since { get; set; }

    /// <summary>The time (UTC) the range stops before.</summary>
    [BindProperty(SupportsGet = true, Name = "until")]
    public DateTime? Until { get; set; }

    /// <summary>Show the records older than this id.</summary>
    [BindProperty(SupportsGet = true, Name = "older")]
    public long? Older { get; set; }

    /// <summary>Show the records newer than this id.</summary>
    [BindProperty(SupportsGet = true, Name = "newer")]
    public long? Newer { get; set; }

    /// <summary>The records of this page, newest first.</summary>
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>The link to the next older page, if there is one.</summary>
    public string? OlderLink { get; private set; }

    /// <summary>The link to the next newer page, if there is one.</summary>
    public string? NewerLink { get; private set; }

    /// <summary>The link to the CSV of every record the filter matches.</summary>
    public string ExportLink => "/admin/audit/csv" + FilterQuery().ToQueryString();

    /// <summary>The link to the newest records the filter matches.</summary>
    public string NewestLink => "/admin/audit" + FilterQuery().ToQueryString();

    /// <summary>Shows a page of records.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await readers.GetAsync(cancellationToken) is not { } admin)
            return Challenge();
        var filter = Filter();
        var towardsNewest = Newer is not null;
        var rows = await AuditLogReader.ReadAsync(
            archive.DataSource, admin.Sql, filter, new AuditPosition(towardsNewest ? null : Older, Newer), PageSize + 1, cancellationToken).ToListAsync(cancellationToken);
        var more = rows.Count > PageSize;
        var shown = rows.Take(PageSize).ToList();
        if (towardsNewest)
            shown.Reverse();
        Entries = shown;
        if (shown.Count > 0)
        {
            if (towardsNewest || more)
                OlderLink = PageLink("older", shown[^1].Id);
            if ((towardsNewest && more) || (!towardsNewest && Older is not null))
                NewerLink = PageLink("newer", shown[0].Id);
        }

        await audit.RecordAsync(AuditActions.AuditView, AuditOutcomes.Ok, query: filter.Describe(), resultCount: shown.Count);
        return Page();
    }

    /// <summary>Sends every record the filter matches (up to <see cref="AuditLogReader.MaxExportRows"/>) as CSV, newest first.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await readers.GetAsync(cancellationToken) is not { } admin)
            return Challenge();
        var filter = Filter();

        // Recorded before the download starts, so that an interrupted download is on the record too.
        await audit.RecordAsync(AuditActions.AuditExport, AuditOutcomes.Ok, query: filter.Describe());

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"cablearchive-audit.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await writer.WriteAsync("id,at,user,action,outcome,label,withheld,target,query,detail,portions_withheld,result_count,correlation_id\n");
        await foreach (var entry in AuditLogReader.ReadAsync(archive.DataSource, admin.Sql, filter, default, AuditLogReader.MaxExportRows, cancellationToken))
        {
            string?[] cells =
            [
                entry.Id.ToString(CultureInfo.InvariantCulture), entry.At.ToString("O", CultureInfo.InvariantCulture), entry.UserName, entry.Action,
                entry.Outcome, entry.Label, entry.Withheld ? "yes" : "no", entry.Target, entry.Query, entry.Detail,
                entry.PortionsWithheld?.ToString(CultureInfo.InvariantCulture), entry.ResultCount?.ToString(CultureInfo.InvariantCulture), entry.CorrelationId,
            ];
            await writer.WriteAsync(string.Join(',', cells.Select(ExportEndpoints.Cell)) + "\n");
        }

        return new EmptyResult();
    }

    private AuditFilter Filter() => new(ByUser, Target, Action, Outcome, AsUtc(Since), AsUtc(Until));

    private QueryBuilder FilterQuery()
    {
        var query = new QueryBuilder();
        Add("user", ByUser);
        Add("target", Target);
        Add("action", Action);
        Add("outcome", Outcome);
        Add("since", Since?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        Add("until", Until?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        return query;

        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
                query.Add(name, value);
        }
    }

    private string PageLink(string direction, long id)
    {
        var query = FilterQuery();
        query.Add(direction, id.ToString(CultureInfo.InvariantCulture));
        return "/admin/audit" + query.ToQueryString();
    }

    // The form's times have no zone: the page says they are UTC.
    private static DateTime? AsUtc(DateTime? time) => time is { } value ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : null;

    private static List<string> Constants(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .ToList();
}
