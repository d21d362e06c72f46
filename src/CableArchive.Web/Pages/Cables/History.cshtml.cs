using System.Text.Json;
using CableArchive.Data.Audit;
using CableArchive.Data.Search;
using CableArchive.Web.Accounts;
using CableArchive.Web.Auditing;
using CableArchive.Web.Hosting;
using CableArchive.Web.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace CableArchive.Web.Pages.Cables;

/// <summary>
/// A cable's release history, in the manner of cablegatesearch.net: when it was first published, each release that
/// changed its text, removed it or re-added it, each version viewable and compared with the one before, all over the
/// portions the reader may read.
/// An admin may mark the cable sensitive, which withholds its history from everyone but admins.
/// </summary>
public sealed class HistoryModel(CurrentReader readers, CableReading reading, WebArchive archive, AuditTrail audit, ILogger<HistoryModel> logger) : PageModel
{
    private static readonly JsonSerializerOptions DetailJson = new(JsonSerializerDefaults.Web);

    /// <summary>The cable as the reader sees it.</summary>
    public CableView View { get; private set; } = null!;

    /// <summary>The events, oldest first; empty when the history is withheld or the cable withdrawn.</summary>
    public IReadOnlyList<HistoryEvent> Events { get; private set; } = [];

    /// <summary>Whether the reader is an admin, who sees every history and may set the flag.</summary>
    public bool IsAdmin { get; private set; }

    /// <summary>Shows the history.</summary>
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await readers.GetAsync(cancellationToken) is not { } reader)
            return Challenge();
        IsAdmin = CableReading.MaySeeSensitiveHistory(HttpContext);
        View = await reading.LoadAsync(reader, id, null, cancellationToken);
        if (!View.Withdrawn && !View.HistoryWithheld)
        {
            var releases = await CableQueries.GetReleasesAsync(archive.DataSource, View.Envelope!.ReferenceId, cancellationToken);
            Events = HistoryEvent.Of(View.Versions, releases);
        }

        var outcome = View.Envelope is null ? AuditOutcomes.NotFound
            : View.Withdrawn || View.HistoryWithheld ? AuditOutcomes.Withheld
            : AuditOutcomes.Ok;
        await audit.RecordAsync(AuditActions.CableHistory, outcome, target: View.RequestedId, resultCount: Events.Count);
        return Page();
    }

    /// <summary>An event's kind as the page names it.</summary>
    public static string Describe(HistoryEventKind kind) => kind switch
    {
        HistoryEventKind.FirstPublished => "First published",
        HistoryEventKind.Modified => "Modified",
        HistoryEventKind.Removed => "Removed",
        HistoryEventKind.ReAdded => "Re-added",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Where a version's date comes from: its container's release date, its run's release, or its import.</summary>
    public static string Source(VersionView version) =>
        version.ReleasedAt is not null ? "released"
        : version.ReleaseName is { } release ? "release " + release
        : "imported by run " + version.ImportRunId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sets (<paramref name="sensitive"/> true) or clears the cable's "sensitive" flag; admins only, audited.</summary>
    public async Task<IActionResult> OnPostSensitiveAsync(string id, bool sensitive, CancellationToken cancellationToken)
    {
        if (await readers.GetAsync(cancellationToken) is not { } admin)
            return Challenge();
        if (!CableReading.MaySeeSensitiveHistory(HttpContext))
            return Forbid();
        var cableId = await CableQueries.FindAsync(archive.DataSource, id, cancellationToken);
        var changed = cableId is { } found ? await SetSensitiveAsync(found, sensitive, cancellationToken) : null;
        if (changed is not (var before, var referenceId))
        {
            await audit.RecordAsync(AuditActions.CableSensitive, AuditOutcomes.NotFound, target: id.Trim().ToUpperInvariant());
            return NotFound();
        }

        var detail = JsonSerializer.Serialize(new { before = new { sensitive = before }, after = new { sensitive } }, DetailJson);
        await audit.RecordAsync(AuditActions.CableSensitive, AuditOutcomes.Ok, target: referenceId, detail: detail);
        logger.LogInformation("Cable {CableId} marked sensitive {Sensitive} by {UserName}", referenceId, sensitive, admin.UserName);
        return RedirectToPage("/Cables/History", new { id = referenceId });
    }

    /// <summary>Sets the flag; returns its value before and the cable's reference id, or null when the cable is gone.</summary>
    private async Task<(bool Before, string ReferenceId)?> SetSensitiveAsync(long cableId, bool sensitive, CancellationToken cancellationToken)
    {
        await using var command = archive.DataSource.CreateCommand(
            """
            WITH cable AS (SELECT reference_id FROM cables WHERE id = $1),
            before AS (SELECT EXISTS (SELECT 1 FROM sensitive_cables s JOIN cable c USING (reference_id)) AS flagged),
            marked AS (
                INSERT INTO sensitive_cables (reference_id, marked_at) SELECT reference_id, now() FROM cable WHERE $2
                ON CONFLICT DO NOTHING),
            cleared AS (DELETE FROM sensitive_cables s USING cable c WHERE s.reference_id = c.reference_id AND NOT $2)
            SELECT before.flagged, cable.reference_id FROM cable, before
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = cableId });
        command.Parameters.Add(new NpgsqlParameter { Value = sensitive });
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        return await row.ReadAsync(cancellationToken) ? (row.GetBoolean(0), row.GetString(1)) : null;
    }
}
