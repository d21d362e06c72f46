using CableArchive.Data.Import;
using CableArchive.Web.Hosting;

namespace CableArchive.Web.Importing;

/// <summary>Registers what the archivists' pages need: upload settings, the import queue and its worker, quarantine review.</summary>
public static class ImportingSetup
{
    /// <summary>
    /// Adds the upload settings (<c>Archive:Upload</c>), the queue, the background worker that imports one upload at a
    /// time, and <see cref="QuarantineReview"/> on the archive's owner connection (the web role may not write the archive).
    /// </summary>
    public static IServiceCollection AddArchiveImporting(this IServiceCollection services)
    {
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section);
        services.AddSingleton<ImportQueue>();
        services.AddHostedService<ImportWorker>();
        services.AddScoped(provider => new QuarantineReview(provider.GetRequiredService<WebArchive>().Database));
        return services;
    }
}
