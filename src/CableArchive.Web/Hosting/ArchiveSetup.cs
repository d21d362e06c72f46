using CableArchive.Data;
using CableArchive.Data.Audit;
using Npgsql;

namespace CableArchive.Web.Hosting;

/// <summary>
/// The archive as the web application holds it: the owner's connection (migrations, the first start's sample import,
/// the <c>users</c> command) and a data source whose every connection runs as the restricted
/// <see cref="AuditLog.WebRole"/> role, which everything that serves a request uses.
/// </summary>
public sealed class WebArchive : IAsyncDisposable
{
    private WebArchive(ArchiveDatabase database, NpgsqlDataSource dataSource)
    {
        Database = database;
        DataSource = dataSource;
    }

    /// <summary>The archive opened as its owner (migrated).</summary>
    public ArchiveDatabase Database { get; }

    /// <summary>Connections as the web role: read the archive, keep accounts, append to the audit table.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Opens (and migrates) the archive at <paramref name="location"/>, starting the embedded server if needed.</summary>
    /// <param name="location">Where the archive is.</param>
    /// <param name="statementTimeoutSeconds">The longest a statement of the web application may run (<see cref="DefaultStatementTimeoutSeconds"/>).</param>
    /// <param name="log">Where to say what starting the embedded server does.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    public static async Task<WebArchive> OpenAsync(ArchiveLocation location, int statementTimeoutSeconds = DefaultStatementTimeoutSeconds, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var database = await ArchiveDatabase.OpenAsync(location, log, cancellationToken).ConfigureAwait(false);
        return new WebArchive(database, CreateWebDataSource(database.ConnectionString, statementTimeoutSeconds));
    }

    /// <summary>The longest a statement of the web application may run, in seconds, unless <c>Archive:StatementTimeoutSeconds</c> says otherwise.</summary>
    public const int DefaultStatementTimeoutSeconds = 20;

    /// <summary>
    /// A data source on <paramref name="connectionString"/> whose sessions take the web role from their start
    /// (<c>-c role=…</c>), so that even a pooled connection reset with <c>DISCARD ALL</c> stays in that role. JIT
    /// compilation is off: the search statements are large enough to cross its cost threshold, and compiling them
    /// costs more than it saves on an archive whose working set is in memory. No statement runs longer than
    /// <paramref name="statementTimeoutSeconds"/>: a search of a very frequent term is stopped and the reader told to narrow it.
    /// </summary>
    public static NpgsqlDataSource CreateWebDataSource(string connectionString, int statementTimeoutSeconds = DefaultStatementTimeoutSeconds)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Options = $"-c role={AuditLog.WebRole} -c jit=off -c statement_timeout={Math.Max(1, statementTimeoutSeconds)}s",
            ApplicationName = "cablearchive-web",
        };
        return new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        await Database.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>Registers the archive: opened once, on first use, from configuration.</summary>
public static class ArchiveSetup
{
    /// <summary>
    /// Adds <see cref="WebArchive"/>: <c>ConnectionStrings:Archive</c> (or <c>ConnectionStrings__Archive</c>) for a
    /// server, else the embedded cluster in <c>Archive:DataDirectory</c> (default folder when empty). Also the hosted
    /// service that opens it at start and, with <c>Archive:ImportSampleData</c>, fills an empty archive with samples.
    /// <c>Archive:StatementTimeoutSeconds</c> bounds every statement of the application (default 20).
    /// </summary>
    public static IServiceCollection AddArchiveDatabase(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var logger = provider.GetRequiredService<ILogger<WebArchive>>();
            var location = new ArchiveLocation(
                NullIfBlank(configuration.GetConnectionString("Archive")),
                NullIfBlank(configuration["Archive:DataDirectory"]));

            // Resolved once, at start (ArchiveStartup), where blocking on the server's start is what starting means.
            var statementTimeout = configuration.GetValue("Archive:StatementTimeoutSeconds", WebArchive.DefaultStatementTimeoutSeconds);
            return WebArchive.OpenAsync(location, statementTimeout, message => logger.LogInformation("{Message}", message)).GetAwaiter().GetResult();
        });
        services.AddHostedService<ArchiveStartup>();
        return services;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
