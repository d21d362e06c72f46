using System.Net;
using CableArchive.Data.Accounts;
using CableArchive.Data.Audit;
using CableArchive.Data.Import;
using CableArchive.Data.Model;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;
using CableArchive.Web.Importing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CableArchive.Tests.Web.Archive;

/// <summary>
/// Reviewing quarantined records: a fixed text is imported as a normal record and the record marked imported; a discard
/// needs a reason; the raw bytes never change, no row is deleted, and every action is audited.
/// </summary>
public sealed class QuarantineReviewTests : IAsyncLifetime
{
    private const string Payload = "<script>alert('quarantine')</script>";

    private static readonly (string FileName, string Text) Fixed = TestCableText.Tokyo(
        4001, "CONFIDENTIAL", [], new("(U)", "A CABLE THAT LOST ITS HEADER"), [new("(C)", "Oscar paragraph, restored by an archivist.")]);

    private ArchiveApp app = null!;
    private TestUser archivist = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        app = await ArchiveApp.StartAsync();
        archivist = await app.CreateUserAsync("quarantine-archivist", ClassificationLevel.TopSecret, [.. AccountClearance.Grantable], [ArchiveRoles.Archivist]);
        var summary = await app.ImportAsync(
        [
            ("08TOKYO4001.txt", Broken(Fixed.Text)),
            ("08TOKYO4002.txt", "Nothing but a note.\n" + Payload + "\n"),
        ]);
        Assert.Equal(2, summary.Quarantined);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_fixed_record_is_imported_and_its_quarantine_row_resolved_with_a_link_and_an_audit_record()
    {
        var record = await RecordAsync("08TOKYO4001.txt");
        var client = await app.SignInAsync(archivist);
        var marker = await ArchiveClient.LastAuditIdAsync(app);

        Assert.Contains($"href=\"/archive/quarantine/{record.Id}\"", await client.GetStringAsync("/archive/quarantine"));

        // Browsers send a textarea's lines with CRLF.
        using var response = await PostAsync(client, record.Id, "Reparse", ("Text", Fixed.Text.ReplaceLineEndings("\r\n")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var resolved = await RecordAsync("08TOKYO4001.txt");
        Assert.Equal((QuarantineStatus.Imported, "08TOKYO4001", archivist.Name), (resolved.Status, resolved.CableReferenceId, resolved.ReviewedBy));
        Assert.NotNull(resolved.ReviewedAt);
        Assert.Equal(Fixed.Text, resolved.EditedText);
        Assert.Equal(record.Raw, resolved.Raw);

        await using var context = app.Archive.Database.CreateDbContext();
        var version = await context.CableVersions.SingleAsync(v => v.Text == Fixed.Text);
        var run = await context.ImportRuns.SingleAsync(r => r.Id == resolved.ReviewRunId);
        Assert.Equal((QuarantineReview.RunKind, archivist.Name, run.Id), (run.Kind, run.UserName, version.ImportRunId));
        Assert.Equal((1L, 1L), (run.NewCables, run.NewVersions));
        Assert.EndsWith("08TOKYO4001.txt", version.SourcePath);
        Assert.Equal(2, await context.QuarantinedRecords.CountAsync());

        var page = await client.GetStringAsync($"/archive/quarantine/{record.Id}");
        Assert.Contains("href=\"/cables/08TOKYO4001\"", page);
        Assert.DoesNotContain("name=\"Text\"", page);
        Assert.Contains(await ArchiveClient.AuditRowsAfterAsync(app, marker), Audited(AuditActions.QuarantineReparse, "ok", record.Id));
    }

    [Fact]
    public async Task A_text_that_still_does_not_parse_keeps_the_record_open_with_the_edit_and_quarantines_nothing_new()
    {
        var record = await RecordAsync("08TOKYO4002.txt");
        var client = await app.SignInAsync(archivist);
        var marker = await ArchiveClient.LastAuditIdAsync(app);

        using var response = await PostAsync(client, record.Id, "Reparse", ("Text", "Still just a note."));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("still does not parse", await response.Content.ReadAsStringAsync());

        var after = await RecordAsync("08TOKYO4002.txt");
        Assert.Equal((QuarantineStatus.Open, "Still just a note."), (after.Status, after.EditedText));
        await using var context = app.Archive.Database.CreateDbContext();
        Assert.Equal(2, await context.QuarantinedRecords.CountAsync());
        Assert.Contains(await ArchiveClient.AuditRowsAfterAsync(app, marker), Audited(AuditActions.QuarantineReparse, "invalid", record.Id));
    }

    [Fact]
    public async Task An_archivist_below_the_top_clearance_sees_the_envelope_but_not_the_text_and_cannot_review_it()
    {
        // Quarantined text has no label the archive could read: it is held at the top one (fail closed).
        var secret = await app.CreateUserAsync("quarantine-secret-archivist", ClassificationLevel.Secret, ["NOFORN"], [ArchiveRoles.Archivist]);
        var record = await RecordAsync("08TOKYO4002.txt");
        var client = await app.SignInAsync(secret);
        var marker = await ArchiveClient.LastAuditIdAsync(app);

        var page = await client.GetStringAsync($"/archive/quarantine/{record.Id}");
        Assert.Contains("withheld", page);
        Assert.DoesNotContain("Nothing but a note", page);
        Assert.DoesNotContain("alert(", page);
        Assert.DoesNotContain("name=\"Text\"", page);

        // A refusal sends a signed-in browser to the "not allowed" page.
        using (var reparse = await PostAsync(client, record.Id, "Reparse", ("Text", "Still just a note.")))
            Assert.Contains("/account/denied", reparse.Headers.Location?.ToString() ?? "");
        using (var discard = await PostAsync(client, record.Id, "Discard", ("DiscardReason", "Not needed.")))
            Assert.Contains("/account/denied", discard.Headers.Location?.ToString() ?? "");
        var after = await RecordAsync("08TOKYO4002.txt");
        Assert.Equal((QuarantineStatus.Open, null), (after.Status, after.EditedText));

        var audited = await ArchiveClient.AuditRowsAfterAsync(app, marker);
        Assert.Contains(audited, Audited(AuditActions.QuarantineView, "withheld", record.Id, secret));
        Assert.Contains(audited, Audited(AuditActions.QuarantineReparse, "denied", record.Id, secret));
        Assert.Contains(audited, Audited(AuditActions.QuarantineDiscard, "denied", record.Id, secret));
    }

    [Fact]
    public async Task The_raw_text_is_shown_encoded_and_the_view_is_audited()
    {
        var record = await RecordAsync("08TOKYO4002.txt");
        var marker = await ArchiveClient.LastAuditIdAsync(app);
        var page = await (await app.SignInAsync(archivist)).GetStringAsync($"/archive/quarantine/{record.Id}");
        Assert.DoesNotContain(Payload, page);
        Assert.Contains("&lt;script&gt;alert(", page);
        Assert.Contains(await ArchiveClient.AuditRowsAfterAsync(app, marker), Audited(AuditActions.QuarantineView, "ok", record.Id));
    }

    [Fact]
    public async Task A_discard_needs_a_reason_and_both_attempts_are_audited()
    {
        var record = await RecordAsync("08TOKYO4002.txt");
        var client = await app.SignInAsync(archivist);
        var marker = await ArchiveClient.LastAuditIdAsync(app);

        using (var refused = await PostAsync(client, record.Id, "Discard", ("DiscardReason", "   ")))
            Assert.Contains("Say why", await refused.Content.ReadAsStringAsync());
        Assert.Equal(QuarantineStatus.Open, (await RecordAsync("08TOKYO4002.txt")).Status);

        using (var discarded = await PostAsync(client, record.Id, "Discard", ("DiscardReason", "A covering note, not a cable.")))
            Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        var after = await RecordAsync("08TOKYO4002.txt");
        Assert.Equal((QuarantineStatus.Discarded, "A covering note, not a cable.", archivist.Name), (after.Status, after.ReviewNote, after.ReviewedBy));
        Assert.Equal(record.Raw, after.Raw);

        var audit = await ArchiveClient.AuditRowsAfterAsync(app, marker);
        Assert.Contains(audit, Audited(AuditActions.QuarantineDiscard, "invalid", record.Id));
        Assert.Contains(audit, Audited(AuditActions.QuarantineDiscard, "ok", record.Id));
        var link = $"href=\"/archive/quarantine/{record.Id}\"";
        Assert.Contains(link, await client.GetStringAsync("/archive/quarantine?status=discarded&reason=NOT+A+CABLE"));
        Assert.DoesNotContain(link, await client.GetStringAsync("/archive/quarantine"));
    }

    [Fact]
    public async Task The_database_refuses_a_review_without_who_when_and_why()
    {
        var record = await RecordAsync("08TOKYO4002.txt");
        foreach (var sql in new[]
        {
            "UPDATE quarantined_records SET status = 2, reviewed_by = 'x', reviewed_at = now() WHERE id = $1",
            "UPDATE quarantined_records SET status = 1, cable_reference_id = '08TOKYO4002' WHERE id = $1",
        })
        {
            await using var command = app.Archive.Database.DataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = record.Id });
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.CheckViolation, refused.SqlState);
        }
    }

    [Fact]
    public async Task A_reparse_of_the_archive_keeps_reviewed_records_and_their_cables()
    {
        var client = await app.SignInAsync(archivist);
        var fixedRecord = await RecordAsync("08TOKYO4001.txt");
        using (await PostAsync(client, fixedRecord.Id, "Reparse", ("Text", Fixed.Text)))
        {
        }

        var summary = await new ArchiveReparser(app.Archive.Database).ReparseAsync();
        Assert.Null(summary.Fatal);

        await using var context = app.Archive.Database.CreateDbContext();
        var afterFixed = await RecordAsync("08TOKYO4001.txt");
        Assert.Equal((fixedRecord.Id, QuarantineStatus.Imported), (afterFixed.Id, afterFixed.Status));
        Assert.True(await context.Cables.AnyAsync(c => c.ReferenceId == "08TOKYO4001"));
        Assert.Equal(QuarantineStatus.Open, (await RecordAsync("08TOKYO4002.txt")).Status);
    }

    /// <summary>Whether an audit record says the archivist did <paramref name="action"/> to the record, with <paramref name="outcome"/>.</summary>
    private Predicate<AuditRow> Audited(string action, string outcome, long recordId, TestUser? user = null) =>
        row => row == new AuditRow(action, $"quarantine/{recordId}", outcome, (user ?? archivist).Name, null);

    /// <summary>The cable with its routing header and classification line cut off: nothing says it is a cable any more.</summary>
    private static string Broken(string text) => text[text.IndexOf("E.O. 12958", StringComparison.Ordinal)..];

    private async Task<QuarantinedRecord> RecordAsync(string fileName)
    {
        await using var context = app.Archive.Database.CreateDbContext();
        return await context.QuarantinedRecords.AsNoTracking().SingleAsync(q => q.SourcePath.EndsWith("/" + fileName));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, long id, string handler, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync($"/archive/quarantine/{id}");
        var form = fields.ToDictionary(f => f.Name, f => f.Value);
        form["__RequestVerificationToken"] = ArchiveApp.AntiforgeryToken(page);
        return await client.PostAsync($"/archive/quarantine/{id}?handler={handler}", new FormUrlEncodedContent(form));
    }
}
