using System.IO.Compression;
using System.Net;
using System.Text;
using CableArchive.Data.Accounts;
using CableArchive.Data.Audit;
using CableArchive.Data.Model;
using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;
using CableArchive.Parsing.Synthetic;
using CableArchive.Tests.Web.Infrastructure;
using CableArchive.Web.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CableArchive.Tests.Web.Archive;

/// <summary>Uploading a dump in the browser's way: streamed to disk, imported in the background, its run credited and audited.</summary>
public sealed class UploadTests : IAsyncLifetime
{
    private ArchiveApp app = null!;
    private TestUser archivist = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        app = await ArchiveApp.StartAsync();
        archivist = await app.CreateUserAsync("upload-archivist", ClassificationLevel.Secret, roles: [ArchiveRoles.Archivist]);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_zip_of_cables_is_imported_in_the_background_with_its_counts_its_archivist_and_audit_records()
    {
        var zip = Zip(
            TestCableText.Tokyo(3001, "CONFIDENTIAL", [], new("(U)", "FIRST UPLOADED CABLE"), [new("(C)", "Kilo paragraph.")]),
            TestCableText.Tokyo(3002, "SECRET", ["NOFORN"], new("(S//NF)", "SECOND UPLOADED CABLE"), [new("(S//NF)", "Lima paragraph.")]),
            TestCableText.Tokyo(3003, "UNCLASSIFIED", [], new("(U)", "THIRD UPLOADED CABLE"), [new("(U)", "Mike paragraph.")]),
            ("notes/08TOKYO3004.txt", "This file lost its header and its classification line.\n\n1. Nothing here is a cable.\n"));
        var client = await app.SignInAsync(archivist);
        var marker = await ArchiveClient.LastAuditIdAsync(app);

        using var upload = await ArchiveClient.UploadAsync(client, "dump.zip", new ByteArrayContent(zip));
        var (runId, status) = await ArchiveClient.WaitForRunAsync(client, upload);

        Assert.Equal("succeeded, some quarantined", status.GetProperty("fields").GetProperty("state").GetString());
        Assert.Equal((4L, 3L, 3L, 0L, 1L), (
            ArchiveClient.Figure(status, "read"), ArchiveClient.Figure(status, "newCables"), ArchiveClient.Figure(status, "newVersions"),
            ArchiveClient.Figure(status, "unchanged"), ArchiveClient.Figure(status, "quarantined")));

        await using var context = app.Archive.Database.CreateDbContext();
        var run = await context.ImportRuns.SingleAsync(r => r.Id == runId);
        Assert.Equal((ImportWorker.RunKind, archivist.Name, ImportRunStatus.SucceededWithQuarantine), (run.Kind, run.UserName, run.Status));
        Assert.EndsWith("/dump.zip", Assert.Single(run.Inputs));
        Assert.True(await context.Cables.AnyAsync(c => c.ReferenceId == "08TOKYO3002"));
        var quarantined = await context.QuarantinedRecords.SingleAsync(q => q.ImportRunId == runId);
        Assert.EndsWith("dump.zip!notes/08TOKYO3004.txt", quarantined.SourcePath);

        // The upload is gone from disk once its records are in the archive.
        var job = app.Services.GetRequiredService<ImportQueue>().FindByRun(runId)!;
        Assert.False(File.Exists(job.FilePath));

        var audit = await ArchiveClient.AuditRowsAfterAsync(app, marker);
        Assert.Contains(audit, row => row == new AuditRow(AuditActions.ArchiveUpload, "dump.zip", "ok", archivist.Name, zip.Length));
        Assert.Contains(audit, row => row == new AuditRow(AuditActions.ArchiveImport, $"import-run/{runId}", "ok", archivist.Name, 4));

        // The history lists the run with who started it.
        var history = await client.GetStringAsync("/archive");
        Assert.Contains($"href=\"/archive/imports/{runId}\"", history);
        Assert.Contains(archivist.Name, history);
    }

    [Fact]
    public async Task The_run_page_shows_the_counts_and_the_status_json_the_script_polls()
    {
        var client = await app.SignInAsync(archivist);
        using var upload = await ArchiveClient.UploadAsync(client, "one.zip", new ByteArrayContent(Zip(
            TestCableText.Tokyo(3101, "CONFIDENTIAL", [], new("(U)", "RUN PAGE CABLE"), [new("(C)", "November paragraph.")]))));
        var (runId, _) = await ArchiveClient.WaitForRunAsync(client, upload);

        var page = await client.GetStringAsync($"/archive/imports/{runId}");
        Assert.Contains($"data-import-status=\"/archive/imports/{runId}/status\"", page);
        Assert.Matches("data-field=\"newCables\">1<", page);
        Assert.Contains("succeeded", page);

        // A finished run's page neither polls nor refreshes itself.
        Assert.DoesNotContain("import-progress.js", page);
        Assert.DoesNotContain("http-equiv=\"refresh\"", page);
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_first_is_refused_before_anything_is_stored()
    {
        var client = await app.SignInAsync(archivist);
        await client.GetStringAsync("/archive");
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "dump", "dump.zip" } };
        using var response = await client.PostAsync("/archive/uploads", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(app.Services.GetRequiredService<ImportQueue>().Active);
    }

    [Fact]
    public async Task An_upload_named_as_a_complete_release_is_imported_as_one_and_its_audit_records_say_so()
    {
        var zip = Zip(
            TestCableText.Tokyo(3301, "CONFIDENTIAL", [], new("(U)", "FIRST RELEASED CABLE"), [new("(C)", "Oscar paragraph.")]),
            TestCableText.Tokyo(3302, "CONFIDENTIAL", [], new("(U)", "SECOND RELEASED CABLE"), [new("(C)", "Papa paragraph.")]));
        var client = await app.SignInAsync(archivist);
        var marker = await ArchiveClient.LastAuditIdAsync(app);

        using var upload = await ArchiveClient.UploadAsync(
            client, "release.zip", new ByteArrayContent(zip), (UploadEndpoints.ReleaseNameField, " cablegate-upload "), (UploadEndpoints.ReleasedAtField, "2011-09-02"));
        var (runId, _) = await ArchiveClient.WaitForRunAsync(client, upload);

        await using var context = app.Archive.Database.CreateDbContext();
        var run = await context.ImportRuns.SingleAsync(r => r.Id == runId);
        Assert.Equal(("cablegate-upload", new DateTime(2011, 9, 2, 0, 0, 0, DateTimeKind.Utc)), (run.ReleaseName, run.ReleasedAt));
        Assert.Equal(["08TOKYO3301", "08TOKYO3302"], await context.ReleaseCables.Where(m => m.RunId == runId).Select(m => m.ReferenceId).OrderBy(id => id).ToListAsync());
        Assert.Equal(runId, (await context.Releases.SingleAsync(r => r.Name == "cablegate-upload")).RunId);

        await using var audit = app.Archive.Database.DataSource.CreateCommand(
            "SELECT action, detail->>'release' FROM audit_events WHERE id > $1 AND action IN ($2, $3) ORDER BY id");
        audit.Parameters.Add(new() { Value = marker });
        audit.Parameters.Add(new() { Value = AuditActions.ArchiveUpload });
        audit.Parameters.Add(new() { Value = AuditActions.ArchiveImport });
        var details = new List<(string, string?)>();
        await using (var rows = await audit.ExecuteReaderAsync())
        {
            while (await rows.ReadAsync())
                details.Add((rows.GetString(0), rows.IsDBNull(1) ? null : rows.GetString(1)));
        }

        Assert.Equal([(AuditActions.ArchiveUpload, "cablegate-upload"), (AuditActions.ArchiveImport, "cablegate-upload")], details);
        Assert.Contains("cablegate-upload", await client.GetStringAsync($"/archive/imports/{runId}"));
    }

    [Fact]
    public async Task A_release_date_without_a_release_name_is_refused_before_anything_is_stored()
    {
        var client = await app.SignInAsync(archivist);
        using var response = await ArchiveClient.UploadAsync(client, "dump.zip", new ByteArrayContent([1, 2, 3]), (UploadEndpoints.ReleasedAtField, "2011-09-02"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(app.Services.GetRequiredService<ImportQueue>().Active);
    }

    [Fact]
    public async Task An_upload_larger_than_the_configured_limit_is_refused()
    {
        using var limited = app.WithWebHostBuilder(builder => builder.UseSetting("Archive:Upload:MaxBytes", "1000"));
        var client = limited.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        await ArchiveApp.SignInResponseAsync(client, archivist.Name, archivist.Password);
        using var response = await ArchiveClient.UploadAsync(client, "big.zip", new ByteArrayContent(new byte[5000]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_cancelled_import_keeps_what_it_committed_and_is_marked_cancelled()
    {
        // Enough small batches that the import is still going when the cancel arrives after the first commit.
        var cables = CableGenerator.Generate(seed: 7, count: 3000).Select(c => (c.FileName(CableFormat.RawText), c.Render(CableFormat.RawText))).ToArray();
        var client = await app.SignInAsync(archivist);
        using var upload = await ArchiveClient.UploadAsync(client, "many.zip", new ByteArrayContent(Zip(cables)));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);

        var queue = app.Services.GetRequiredService<ImportQueue>();
        var job = queue.Find(Guid.Parse(upload.Headers.Location!.OriginalString.Split('/')[^1]))!;
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (job.Progress is not { RecordsCommitted: > 0 })
        {
            Assert.True(DateTime.UtcNow < deadline, "Nothing was committed.");
            await Task.Delay(5);
        }

        var runId = job.RunId!.Value;
        var runPage = await client.GetStringAsync($"/archive/imports/{runId}");
        using var cancel = await client.PostAsync($"/archive/imports/{runId}?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ArchiveApp.AntiforgeryToken(runPage),
        }));
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        var (_, status) = await ArchiveClient.WaitForRunAsync(client, upload);

        Assert.Equal("cancelled", status.GetProperty("fields").GetProperty("state").GetString());
        await using var context = app.Archive.Database.CreateDbContext();
        var run = await context.ImportRuns.SingleAsync(r => r.Id == runId);
        Assert.Equal(ImportRunStatus.Cancelled, run.Status);
        Assert.InRange(run.RecordsRead, 1, cables.Length - 1);
        Assert.Equal(run.RecordsRead, run.NewVersions + run.Unchanged + run.Quarantined);
        Assert.Equal(run.NewVersions, await context.CableVersions.CountAsync(v => v.ImportRunId == runId));
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }
}
