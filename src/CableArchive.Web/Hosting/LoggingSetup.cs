using System.Globalization;
using CableArchive.Data.Embedded;
using Serilog;
using Serilog.Formatting.Compact;

namespace CableArchive.Web.Hosting;

/// <summary>
/// Logging in two stages: a bootstrap console logger from the first line of <see cref="Program.Main"/>, then the
/// host's logger, read from configuration (<c>Serilog</c> section), writing structured lines to the console and
/// compact JSON to a file that rolls daily.
/// </summary>
public static class LoggingSetup
{
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}";

    /// <summary>The first-stage logger: console only, until the host has read its configuration.</summary>
    public static Serilog.ILogger CreateBootstrapLogger() => new LoggerConfiguration()
        .MinimumLevel.Information()
        .Enrich.FromLogContext()
        .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture)
        .CreateBootstrapLogger();

    /// <summary>
    /// The second stage: the host's own logger. The static logger is left alone (<c>preserveStaticLogger</c>), so that
    /// several hosts in one process (the tests, <c>bench web</c>) each have theirs.
    /// </summary>
    public static WebApplicationBuilder AddArchiveLogging(this WebApplicationBuilder builder)
    {
        var folder = builder.Configuration["Logging:Folder"];
        if (string.IsNullOrWhiteSpace(folder))
            folder = Path.Combine(EmbeddedPostgres.DefaultDataDirectory(), "logs");
        var file = Path.Combine(Path.GetFullPath(folder, builder.Environment.ContentRootPath), "cablearchive-web-.log");

        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture)
                .WriteTo.File(new CompactJsonFormatter(), file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14,
                    fileSizeLimitBytes: 64L << 20, rollOnFileSizeLimit: true),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One log line per request, with its correlation id and user. The query string is not logged: search terms are as
    /// sensitive as the reader's clearance, and they go to the audit table, labelled, instead.
    /// </summary>
    public static WebApplication UseArchiveRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            // The host's logger, not the static bootstrap one (which the host leaves alone).
            options.Logger = app.Services.GetService<Serilog.ILogger>();
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("CorrelationId", http.TraceIdentifier);
                diagnostics.Set("UserName", http.User.Identity?.Name ?? "(anonymous)");
            };
        });
        return app;
    }
}
