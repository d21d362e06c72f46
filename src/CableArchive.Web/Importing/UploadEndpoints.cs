using System.Text.Json;
using CableArchive.Data.Audit;
using CableArchive.Data;
using CableArchive.Data.Import;
using CableArchive.Web.Accounts;
using CableArchive.Web.Auditing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CableArchive.Web.Importing;

/// <summary>
/// <c>POST /archive/uploads</c>, which streams an uploaded dump to a file and queues its import, and
/// <c>GET /archive/imports/{runId}/status</c>, the JSON the progress page polls.
/// </summary>
/// <remarks>
/// The upload is read section by section with <see cref="MultipartReader"/>, never as a form: ASP.NET's form reading
/// would buffer the file and stop at 128 MB. The antiforgery token is therefore the form's first field (the page puts it
/// there), read before a single byte of the file is written, and handed to antiforgery as the header it checks first.
/// </remarks>
public static class UploadEndpoints
{
    /// <summary>The form field of the uploaded file.</summary>
    public const string FileField = "dump";

    /// <summary>The form field naming the release the upload is a complete snapshot of (empty for a partial dump).</summary>
    public const string ReleaseNameField = "releaseName";

    /// <summary>The form field of the release's publication date (optional).</summary>
    public const string ReleasedAtField = "releasedAt";

    private const string TokenField = "__RequestVerificationToken";
    private const int MaxTokenBytes = 4096;
    private const int MaxReleaseFieldBytes = 1024;

    /// <summary>Maps the upload and status endpoints, for archivists and admins only.</summary>
    public static WebApplication MapArchiveUploads(this WebApplication app)
    {
        app.MapPost("/archive/uploads", UploadAsync).RequireAuthorization(Hosting.AccountsSetup.ArchivistPolicy);
        app.MapGet("/archive/imports/{runId:long}/status", StatusAsync).RequireAuthorization(Hosting.AccountsSetup.ArchivistPolicy);
        return app;
    }

    private static async Task<IResult> StatusAsync(long runId, ArchiveDbContext context, ImportQueue queue, CancellationToken cancellationToken)
    {
        var status = await ImportStatus.ReadAsync(context, queue, runId, cancellationToken);
        return status is null
            ? Results.NotFound()
            : Results.Json(new { finished = status.Finished, percent = status.Percent, canCancel = status.CanCancel, fields = status.Display() });
    }

    private static async Task<IResult> UploadAsync(
        HttpContext context,
        IAntiforgery antiforgery,
        IOptions<AntiforgeryOptions> antiforgeryOptions,
        IOptions<UploadOptions> uploadOptions,
        ImportQueue queue,
        CurrentReader readers,
        AuditTrail audit,
        ILogger<ImportQueue> logger)
    {
        var options = uploadOptions.Value;
        var cancellationToken = context.RequestAborted;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = options.MaxBytes;
        if (context.Request.ContentLength > options.MaxBytes)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Results.BadRequest("Send the dump as multipart/form-data.");
        }

        var multipart = new MultipartReader(boundary, context.Request.Body, 64 * 1024) { BodyLengthLimit = options.MaxBytes };
        var tokenSection = await multipart.ReadNextSectionAsync(cancellationToken);
        var token = tokenSection?.AsFormDataSection() is { Name: TokenField } ? await ReadFieldAsync(tokenSection, MaxTokenBytes, cancellationToken) : null;
        if (string.IsNullOrEmpty(token))
            return Results.BadRequest("The form's first field must be its antiforgery token.");
        context.Request.Headers[antiforgeryOptions.Value.HeaderName!] = token;
        if (!await antiforgery.IsRequestValidAsync(context))
            return Results.BadRequest("The form has expired; open the upload page again.");

        // The release fields come before the file, so that they are known before a byte of it is stored.
        var section = await multipart.ReadNextSectionAsync(cancellationToken);
        string? releaseName = null;
        string? releasedAt = null;
        while (section?.AsFormDataSection() is { Name: ReleaseNameField or ReleasedAtField } field)
        {
            var value = await ReadFieldAsync(section, MaxReleaseFieldBytes, cancellationToken);
            if (value is null)
                return Results.BadRequest("The release's name or date is too long.");
            if (field.Name == ReleaseNameField)
                releaseName = value;
            else
                releasedAt = value;
            section = await multipart.ReadNextSectionAsync(cancellationToken);
        }

        var release = ImportRelease.Parse(releaseName, releasedAt, out var releaseError);
        if (releaseError is not null)
            return Results.BadRequest($"The release: {releaseError}.");

        var file = section?.AsFileSection();
        if (file is null || file.Name != FileField || string.IsNullOrEmpty(file.FileName))
            return Results.BadRequest("Choose a file to upload.");
        var uploader = await readers.GetAsync(cancellationToken);
        if (uploader is null)
            return Results.Unauthorized();

        var fileName = SafeFileName(file.FileName);
        var path = Path.Combine(options.ResolvedFolder, Guid.NewGuid().ToString("N"), fileName);
        long bytes;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous))
            {
                await file.FileStream!.CopyToAsync(target, 1 << 20, cancellationToken);
                bytes = target.Length;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
            logger.LogWarning("The upload of {FileName} by {UserName} stopped: {Reason}", fileName, uploader.UserName, e.Message);
            await audit.RecordAsync(AuditActions.ArchiveUpload, Data.Audit.AuditOutcomes.Invalid, target: fileName);
            return e is BadHttpRequestException bad ? Results.StatusCode(bad.StatusCode) : Results.BadRequest("The upload did not arrive whole.");
        }

        var job = queue.Enqueue(fileName, path, bytes, uploader.UserId, uploader.UserName, release);
        logger.LogInformation(
            "Upload {FileName} ({Bytes} bytes) by {UserName} queued as {JobId}, release {ReleaseName}", fileName, bytes, uploader.UserName, job.Id, release?.Name);
        var detail = release is null ? null : JsonSerializer.Serialize(new { release = release.Name, releasedAt = release.ReleasedAt });
        await audit.RecordAsync(AuditActions.ArchiveUpload, Data.Audit.AuditOutcomes.Ok, target: fileName, resultCount: bytes, detail: detail);
        return Results.Redirect($"/archive/uploads/{job.Id}");
    }

    /// <summary>The value of a form field (UTF-8) when it is shorter than <paramref name="maxBytes"/>, else null: never read whole.</summary>
    private static async Task<string?> ReadFieldAsync(MultipartSection section, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[maxBytes];
        var read = await section.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return read < maxBytes ? System.Text.Encoding.UTF8.GetString(buffer, 0, read) : null;
    }

    /// <summary>
    /// The uploaded file's own name, reduced to letters, digits and <c>.-_</c>: it is kept because its extension is the
    /// importer's hint (<c>.tar.gz</c>, <c>cables.csv</c>), and it must not name a place outside the upload's folder.
    /// </summary>
    internal static string SafeFileName(string name)
    {
        var last = name.Replace('\\', '/').Split('/')[^1];
        var safe = string.Concat(last.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')).TrimStart('.');
        if (safe.Length > 120)
            safe = safe[^120..];
        return safe.Length == 0 ? "upload" : safe;
    }
}
