using CableArchive.Data.Embedded;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CableArchive.Web.Hosting;

/// <summary>
/// The keys that protect sign-in cookies and antiforgery tokens, kept on disk so that a restart (or a second instance
/// sharing the folder) does not sign every analyst out: <c>DataProtection:KeysFolder</c>, else <c>keys</c> beside the
/// embedded cluster (<c>Archive:DataDirectory</c>, or its default folder).
/// </summary>
public static class KeysSetup
{
    /// <summary>Adds data protection with its keys in the configured folder.</summary>
    public static IServiceCollection AddArchiveKeys(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("CableArchive");
        services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, ILoggerFactory>((options, configuration, loggers) =>
        {
            var folder = configuration["DataProtection:KeysFolder"];
            if (string.IsNullOrWhiteSpace(folder))
                folder = Path.Combine(configuration["Archive:DataDirectory"] is { Length: > 0 } data ? data : EmbeddedPostgres.DefaultDataDirectory(), "keys");
            // The keys are stored unencrypted (there is no machine key store on Linux): only this account may read them.
            var keys = OperatingSystem.IsWindows()
                ? Directory.CreateDirectory(folder)
                : Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            options.XmlRepository = new FileSystemXmlRepository(keys, loggers);
        });
        return services;
    }
}
