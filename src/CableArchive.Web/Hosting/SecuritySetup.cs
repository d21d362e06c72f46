using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Serilog.Context;

namespace CableArchive.Web.Hosting;

/// <summary>
/// Security headers on every answer (a CSP without <c>unsafe-inline</c>: the pages have no inline script or style),
/// antiforgery with strict cookies, and error pages that show a correlation id and never a stack trace.
/// </summary>
public static class SecuritySetup
{
    /// <summary>The response header that carries the request's correlation id.</summary>
    public const string CorrelationHeader = "X-Correlation-Id";

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>
    /// Adds antiforgery with strict, secure, HTTP-only cookies, and lets the HTML encoder keep non-Latin letters as they
    /// are (it still encodes every character that means something to HTML).
    /// </summary>
    public static IServiceCollection AddArchiveSecurity(this IServiceCollection services)
    {
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "cablearchive.antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    /// <summary>
    /// The error pages: an unhandled exception re-runs the request on <c>/error</c>, which shows the correlation id (also in
    /// the log line and the <see cref="CorrelationHeader"/> header); status codes without a body get a small page.
    /// </summary>
    public static WebApplication UseArchiveErrorPages(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            // Set when the answer starts, so that it survives the exception handler clearing the headers.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[CorrelationHeader] = context.TraceIdentifier;
                return Task.CompletedTask;
            });
            using (LogContext.PushProperty("CorrelationId", context.TraceIdentifier))
                await next(context);
        });
        app.UseExceptionHandler("/error");

        // The API answers bare status codes; pages get a page.
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api"),
            pages => pages.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        return app;
    }

    /// <summary>
    /// Treats plain HTTP between two loopback addresses (<c>cablearchive serve</c> on 127.0.0.1) as the secure context
    /// browsers already take it for, so that the cookies keep their <c>Secure</c> flag there too; every other request
    /// needs real HTTPS (directly or through a proxy) for the cookies to be set.
    /// </summary>
    public static WebApplication UseArchiveLoopbackAsSecure(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var connection = context.Connection;
            if (!context.Request.IsHttps && connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
                && connection.LocalIpAddress is { } local && IPAddress.IsLoopback(local))
            {
                context.Request.Scheme = "https";
            }

            return next(context);
        });
        return app;
    }

    /// <summary>Adds the security headers to every answer.</summary>
    public static WebApplication UseArchiveSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Cross-Origin-Resource-Policy"] = "same-origin";

                // Cable text must not linger in shared caches or the browser's back-forward cache after sign-out.
                if (!context.Request.Path.StartsWithSegments("/css") && !context.Request.Path.StartsWithSegments("/js"))
                    headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
