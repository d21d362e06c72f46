using CableArchive.Web.Reading;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CableArchive.Web.Hosting;

/// <summary>Razor Pages, the reading services, and the health endpoint.</summary>
public static class PagesSetup
{
    /// <summary>
    /// Adds Razor Pages; the sign-in and error pages are the only ones open to anonymous users, and the pages under
    /// <c>/Admin</c> are for admins only.
    /// </summary>
    public static IServiceCollection AddArchivePages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.AllowAnonymousToPage("/Account/SignIn");
            options.Conventions.AllowAnonymousToPage("/Account/Denied");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AddPageRoute("/Search/Index", "search");
            options.Conventions.AuthorizeFolder("/Admin", AccountsSetup.AdminPolicy);
            options.Conventions.AuthorizeFolder("/Archive", AccountsSetup.ArchivistPolicy);
        }).ConfigureApplicationPartManager(parts =>
        {
            // Hosted by `cablearchive serve`, the entry assembly is the command line's: name this assembly's pages
            // explicitly, once.
            var assembly = typeof(PagesSetup).Assembly;
            if (!parts.ApplicationParts.Any(part => part is AssemblyPart assemblyPart && assemblyPart.Assembly == assembly))
            {
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    parts.ApplicationParts.Add(part);
            }
        });
        return services;
    }

    /// <summary>Adds what reading cables needs: the TAGS glossary, Markdown, the cable reader.</summary>
    public static IServiceCollection AddArchiveReading(this IServiceCollection services)
    {
        services.AddSingleton(TagGlossary.Load());
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<CableReading>();
        return services;
    }

    /// <summary>Adds a health check that the archive's database answers.</summary>
    public static IServiceCollection AddArchiveHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>Maps <c>/health</c>, open to anyone: it says "Healthy" or "Unhealthy" and nothing about the archive.</summary>
    public static WebApplication MapArchiveHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health").AllowAnonymous();
        return app;
    }

    private sealed class DatabaseHealthCheck(WebArchive archive) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var command = archive.DataSource.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("The archive's database does not answer.");
            }
        }
    }
}
