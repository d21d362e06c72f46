using CableArchive.Data;
using CableArchive.Data.Embedded;
using CableArchive.Tests.Web.Infrastructure;
using Npgsql;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace CableArchive.Tests.Web.Infrastructure;

/// <summary>
/// One embedded PostgreSQL cluster for the test run (the Data project's component), in a fresh folder deleted
/// afterwards. A migrated template database is copied for each application under test, in milliseconds.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string Template = "web_template";
    private static PostgresServer? current;

    /// <summary>The cluster of this run.</summary>
    public static PostgresServer Current => current ?? throw new InvalidOperationException("The PostgreSQL assembly fixture has not started.");

    /// <summary>The running server.</summary>
    public EmbeddedPostgres Server { get; private set; } = null!;

    /// <summary>A folder the server account (when root) can reach.</summary>
    public static string NewFolder(string purpose) => Path.Combine(
        Environment.IsPrivilegedProcess ? "/var/tmp" : Path.GetTempPath(), $"cablearchive-webtests-{purpose}-{Guid.NewGuid():N}");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        Server = await EmbeddedPostgres.StartAsync(NewFolder("cluster"), EmbeddedShutdown.StopAndDelete);
        await Server.EnsureDatabaseAsync(Template);
        await using (await ArchiveDatabase.OpenAsync(Server.ConnectionString(Template)))
        {
        }

        NpgsqlConnection.ClearAllPools();
        current = this;
    }

    /// <summary>A new database with the migrated, empty schema; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "web_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(Server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {Template}", connection);
        await create.ExecuteNonQueryAsync();
        return Server.ConnectionString(name);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
            await Server.DisposeAsync();
    }
}
