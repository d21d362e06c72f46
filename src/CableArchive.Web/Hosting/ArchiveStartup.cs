using System.Text;
using CableArchive.Data.Accounts;
using CableArchive.Data.Import;
using CableArchive.Domain.Classification;
using CableArchive.Parsing.Synthetic;
using CableArchive.Web.Accounts;

namespace CableArchive.Web.Hosting;

/// <summary>
/// Opens the archive when the application starts (so the first request does not wait for the embedded server) and
/// makes sure the roles exist. With <c>Archive:ImportSampleData</c> (what <c>cablearchive serve</c> and
/// <c>dotnet run</c> in Development set), an empty archive is filled with sample cables (the 303 shared WikiLeaks pages
/// when they are beside the repository, else generated ones) and, when there is no user yet, an admin and two analysts
/// are created and their one-time passwords printed to the console.
/// </summary>
public sealed class ArchiveStartup(IServiceProvider services, IConfiguration configuration, ILogger<ArchiveStartup> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var archive = services.GetRequiredService<WebArchive>();
        await using var scope = services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await administration.EnsureRolesAsync();
        if (!configuration.GetValue<bool>("Archive:ImportSampleData"))
            return;

        await ImportSamplesAsync(archive, cancellationToken);
        if (!await administration.AnyUserAsync())
            await CreateFirstUsersAsync(administration);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ImportSamplesAsync(WebArchive archive, CancellationToken cancellationToken)
    {
        await using (var count = archive.DataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM cables)"))
        {
            if ((bool)(await count.ExecuteScalarAsync(cancellationToken))!)
                return;
        }

        var pages = SharedPagesFolder();
        string? generated = null;
        if (pages is null)
        {
            var cables = Math.Max(1, configuration.GetValue("Archive:SampleCableCount", 2000));
            generated = Path.Combine(Path.GetTempPath(), $"cablearchive-samples-{Environment.ProcessId}");
            logger.LogInformation("The archive is empty and the shared pages are not here: generating {Count} sample cables", cables);
            CableGenerator.WriteDistinctRawText(generated, seed: 1, cables);
        }
        else
        {
            logger.LogInformation("The archive is empty: importing the shared WikiLeaks pages from {Folder}", pages);
        }

        try
        {
            var summary = await new ArchiveImporter(archive.Database).ImportAsync([pages ?? generated!], cancellationToken);
            logger.LogInformation(
                "Sample import: {Read} records read, {NewCables} new cables, {Quarantined} quarantined in {Seconds:N1} s",
                summary.Read, summary.NewCables, summary.Quarantined, summary.Seconds);
        }
        finally
        {
            if (generated is not null)
                Directory.Delete(generated, recursive: true);
        }
    }

    private static async Task CreateFirstUsersAsync(UserAdministration administration)
    {
        var users = new[]
        {
            new NewUser("admin", [ArchiveRoles.Admin, ArchiveRoles.Analyst], ClassificationLevel.Secret, ["NOFORN"], WithApiToken: true),
            new NewUser("analyst-confidential", [ArchiveRoles.Analyst], ClassificationLevel.Confidential, []),
            new NewUser("analyst-secret-noforn", [ArchiveRoles.Analyst], ClassificationLevel.Secret, ["NOFORN"]),
        };
        var lines = new StringBuilder();
        lines.AppendLine().AppendLine("First start: these users were created; each password works once and must be changed at sign-in.");
        foreach (var spec in users)
        {
            var created = await administration.CreateAsync(spec, "first start");
            lines.AppendLine($"  user: {spec.UserName,-22} password: {created.Password}  clearance: {created.User.ToClearance()}  roles: {string.Join(", ", spec.Roles)}");
            if (created.ApiToken is not null)
                lines.AppendLine($"  token: {created.ApiToken}");
        }

        // Printed, not logged: the log files must not keep passwords.
        Console.WriteLine(lines.ToString());
    }

    /// <summary>The shared WikiLeaks pages: <c>$CABLEARCHIVE_SHARED</c>, else <c>../shared</c> beside the repository; null when absent.</summary>
    internal static string? SharedPagesFolder()
    {
        var shared = Environment.GetEnvironmentVariable("CABLEARCHIVE_SHARED");
        if (string.IsNullOrEmpty(shared))
        {
            foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "CableArchive.sln")))
                    {
                        shared = Path.Combine(dir.FullName, "..", "shared");
                        break;
                    }
                }

                if (shared is not null)
                    break;
            }
        }

        var pages = shared is null ? null : Path.GetFullPath(Path.Combine(shared, "corpus", "wikileaks-2010-12"));
        return pages is not null && Directory.Exists(pages) ? pages : null;
    }
}
