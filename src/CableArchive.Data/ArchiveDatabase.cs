using CableArchive.Data.Embedded;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CableArchive.Data;

/// <summary>Where the archive is: a server given by connection string, or the embedded cluster in a data folder.</summary>
/// <param name="ConnectionString">A connection string (<c>--connection</c>, else <c>ConnectionStrings__Archive</c>); null for the embedded cluster.</param>
/// <param name="DataDirectory">The embedded cluster's data folder (<c>--data-dir</c>); null for the default.</param>
public sealed record ArchiveLocation(string? ConnectionString, string? DataDirectory)
{
    /// <summary>The environment variable docker-compose (and ASP.NET configuration) uses for the server's connection string.</summary>
    public const string ConnectionStringVariable = "ConnectionStrings__Archive";

    /// <summary>Resolves the options of a command: <c>--connection</c> wins, then <see cref="ConnectionStringVariable"/>, else embedded.</summary>
    public static ArchiveLocation FromOptions(string? connection, string? dataDirectory)
    {
        var connectionString = !string.IsNullOrWhiteSpace(connection) ? connection : Environment.GetEnvironmentVariable(ConnectionStringVariable);
        return new ArchiveLocation(string.IsNullOrWhiteSpace(connectionString) ? null : connectionString, dataDirectory);
    }
}

/// <summary>
/// An open archive: the database reached and migrated, with an <see cref="NpgsqlDataSource"/> for bulk work and
/// <see cref="CreateDbContext"/> for everything else. Disposing lets go of the embedded server, if one was started.
/// </summary>
public sealed class ArchiveDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgres? embedded;

    private ArchiveDatabase(NpgsqlDataSource dataSource, string connectionString, EmbeddedPostgres? embedded)
    {
        DataSource = dataSource;
        ConnectionString = connectionString;
        this.embedded = embedded;
    }

    /// <summary>The data source every connection comes from.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The connection string in use.</summary>
    public string ConnectionString { get; }

    /// <summary>The embedded server, when the archive runs on one.</summary>
    public EmbeddedPostgres? Embedded => embedded;

    /// <summary>
    /// Opens the archive at <paramref name="location"/>: starts the embedded cluster when no connection string is given,
    /// then applies pending migrations.
    /// </summary>
    /// <exception cref="ArchiveUnavailableException">The database cannot be reached or prepared; the message says why in one line.</exception>
    public static async Task<ArchiveDatabase> OpenAsync(ArchiveLocation location, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        EmbeddedPostgres? embedded = null;
        string connectionString;
        if (location.ConnectionString is { } given)
        {
            connectionString = given;
        }
        else
        {
            try
            {
                embedded = await EmbeddedPostgres.StartAsync(location.DataDirectory, log: log, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (EmbeddedPostgresException e)
            {
                throw new ArchiveUnavailableException(e.Message, e);
            }

            connectionString = embedded.ConnectionString();
        }

        var database = new ArchiveDatabase(CreateDataSource(connectionString), connectionString, embedded);
        try
        {
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return database;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw new ArchiveUnavailableException($"Cannot open the archive database ({Describe(connectionString)}): {OneLine(e)}", e);
        }
    }

    /// <summary>Opens an archive on a given database and migrates it (tests and tools that manage the server themselves).</summary>
    public static Task<ArchiveDatabase> OpenAsync(string connectionString, CancellationToken cancellationToken = default) =>
        OpenAsync(new ArchiveLocation(connectionString, null), null, cancellationToken);

    /// <summary>Creates a context; dispose it after use.</summary>
    public ArchiveDbContext CreateDbContext() => ArchiveDbContext.Create(DataSource);

    /// <summary>Applies the migrations the database lacks.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var context = CreateDbContext();

        // Some migrations rewrite or derive whole tables (the phrase pairs of every paragraph took minutes on 250,000
        // cables); a server's connection string usually keeps Npgsql's 30-second default, which would stop them halfway.
        context.Database.SetCommandTimeout(0);
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        if (embedded is not null)
            await embedded.DisposeAsync().ConfigureAwait(false);
    }

    private static readonly int DefaultWriteBufferSize = new NpgsqlConnectionStringBuilder().WriteBufferSize;

    /// <summary>The data source the archive uses for a connection string (arrays, JSON and full-text types enabled).</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);

        // An import streams about 15 KB of COPY data a cable on each of three connections: with Npgsql's default 8 KB
        // buffer that is a socket write every few rows. 64 KB saved about 5% of the CPU an imported cable costs, the
        // importer's and PostgreSQL's together (docs/scaling.md, session 16), for 56 KB more per open connection.
        if (builder.ConnectionStringBuilder.WriteBufferSize == DefaultWriteBufferSize)
            builder.ConnectionStringBuilder.WriteBufferSize = 64 * 1024;
        return builder.Build();
    }

    /// <summary>The server and database of a connection string, without its password, for messages.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "an unreadable connection string";
        }
    }

    /// <summary>The first line of an exception's message, with the inner exception's when it adds something.</summary>
    public static string OneLine(Exception e)
    {
        var message = e.Message;
        if (e.InnerException is { } inner && !message.Contains(inner.Message, StringComparison.Ordinal))
            message += " (" + inner.Message + ")";
        var newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}

/// <summary>The archive's database cannot be reached or prepared.</summary>
public sealed class ArchiveUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
