using CableArchive.Web.Api;
using CableArchive.Web.Auditing;
using CableArchive.Web.Hosting;
using CableArchive.Web.Importing;
using Serilog;

namespace CableArchive.Web;

/// <summary>
/// The analysts' web application. <see cref="Build"/> is its table of contents: one <c>AddXxx</c> per service group and
/// one <c>UseXxx</c>/<c>MapXxx</c> per stage of the request pipeline, each defined in <c>Hosting/</c>.
/// <c>dotnet run</c> starts it through <see cref="Main"/>; <c>cablearchive serve</c> hosts the same application in-process.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    /// <summary>Runs the application until it is stopped; returns the process exit code.</summary>
    public static async Task<int> Main(string[] args)
    {
        // Stage one of logging: a console logger for what happens before the host (and its configured logger) exists.
        Log.Logger = LoggingSetup.CreateBootstrapLogger();
        try
        {
            var app = Build(args);
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (e is not HostAbortedException)
        {
            Log.Fatal(e, "The web application stopped on an error");
            return 1;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    /// <summary>Builds the application; <paramref name="configure"/> may add settings first (the <c>serve</c> command's options).</summary>
    /// <param name="args">Command-line arguments (ASP.NET Core configuration syntax).</param>
    /// <param name="configure">Called on the builder before anything is added.</param>
    /// <param name="contentRoot">The folder of appsettings.json and wwwroot; the current folder when null (<c>dotnet run</c>).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
        configure?.Invoke(builder);

        builder.AddArchiveLogging();
        builder.Services.AddArchiveDatabase();
        builder.Services.AddArchiveKeys();
        builder.Services.AddArchiveAccounts();
        builder.Services.AddArchiveAudit();
        builder.Services.AddArchiveSecurity();
        builder.Services.AddArchiveReading();
        builder.Services.AddArchiveSearchLimits();
        builder.Services.AddArchivePages();
        builder.Services.AddArchiveHealth();
        builder.Services.AddArchiveImporting();

        var app = builder.Build();
        app.UseArchiveLoopbackAsSecure();
        app.UseArchiveErrorPages();
        app.UseArchiveSecurityHeaders();
        app.UseArchiveRequestLogging();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseArchiveActiveReaders();
        app.UseArchiveDenialAudit();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapArchiveHealth();
        app.MapArchiveApi();
        app.MapArchiveExports();
        app.MapArchiveUploads();
        app.MapRazorPages();
        return app;
    }
}
