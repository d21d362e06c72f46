using CableArchive.Data.Audit;
using CableArchive.Web.Accounts;
using CableArchive.Web.Hosting;

namespace CableArchive.Web.Auditing;

/// <summary>
/// Writes the audit record of the current request: who (from the request's reader), when (the database's clock),
/// what, the outcome, and how many portions were withheld. Search terms are labelled at the reader's clearance.
/// </summary>
public sealed class AuditTrail(IHttpContextAccessor http, CurrentReader readers, WebArchive archive, ILogger<AuditTrail> logger)
{
    /// <summary>Appends one record for the current request.</summary>
    /// <param name="action">What was done (<see cref="AuditActions"/>).</param>
    /// <param name="outcome">How it ended (<see cref="AuditOutcomes"/>).</param>
    /// <param name="target">The cable id or other object.</param>
    /// <param name="query">What the reader typed, if anything.</param>
    /// <param name="portionsWithheld">Portions withheld from what was shown.</param>
    /// <param name="resultCount">Results returned.</param>
    /// <param name="detail">Before and after values of a change, as JSON.</param>
    public async Task RecordAsync(string action, string outcome, string? target = null, string? query = null, int? portionsWithheld = null, long? resultCount = null, string? detail = null)
    {
        var context = http.HttpContext;
        var reader = context is null ? null : await readers.GetAsync();
        var entry = new AuditEvent
        {
            UserId = reader?.UserId,
            UserName = reader?.UserName ?? context?.User.Identity?.Name,
            Action = action,
            Target = Truncate(target, 200),
            Query = Truncate(query, 2000),
            Outcome = outcome,
            PortionsWithheld = portionsWithheld,
            ResultCount = resultCount,
            CorrelationId = context?.TraceIdentifier,
            Detail = detail,

            // What a reader typed may say what they know: it is labelled at their clearance.
            LabelLevel = query is null || reader is null ? null : reader.Sql.Level,
            LabelCaveats = query is null || reader is null ? [] : reader.Sql.Grants.ToList(),
        };

        // The audit write must not be skipped when the client goes away, so it does not take the request's token.
        await AuditLog.WriteAsync(archive.DataSource, entry, CancellationToken.None);
        logger.LogInformation("Audit {Action} {Target} {Outcome}", action, entry.Target, outcome);
    }

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}

/// <summary>Registers the audit trail and records refusals.</summary>
public static class AuditSetup
{
    /// <summary>Adds <see cref="AuditTrail"/>.</summary>
    public static IServiceCollection AddArchiveAudit(this IServiceCollection services) => services.AddScoped<AuditTrail>();

    /// <summary>
    /// Records every refused request: a 401 or 403, a redirect to the sign-in page (a page asked for without signing
    /// in), or a redirect to the "not allowed" page (a page the signed-in user's roles do not open). Placed before
    /// authorization so that it sees the answer authorization gives.
    /// </summary>
    public static WebApplication UseArchiveDenialAudit(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            await next(context);

            // A status page re-executed for the refusal is the same refusal, already recorded.
            if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
                return;
            var status = context.Response.StatusCode;
            var location = context.Response.Headers.Location.ToString();
            var refusedByRedirect = status == StatusCodes.Status302Found
                && (location.Contains("/account/sign-in", StringComparison.OrdinalIgnoreCase) || location.Contains("/account/denied", StringComparison.OrdinalIgnoreCase))
                && !context.Request.Path.StartsWithSegments("/account");
            if (status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden || refusedByRedirect)
            {
                await context.RequestServices.GetRequiredService<AuditTrail>()
                    .RecordAsync(AuditActions.Denied, AuditOutcomes.Denied, target: context.Request.Path.Value);
            }
        });
        return app;
    }
}
