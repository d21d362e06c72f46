using CableArchive.Data;
using CableArchive.Data.Embedded;
using CableArchive.Tests.Data.Infrastructure;
using Npgsql;

[assembly: AssemblyFixture(typeof(PostgresCluster))]

namespace CableArchive.Tests.Data.Infrastructure;

/// <summary>
/// One embedded PostgreSQL cluster for the whole test run, in a fresh data folder deleted afterwards. A template
/// database holds the migrated schema, so that each test class gets its own database by copying it, in milliseconds.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    /// <summary>The migrated template every test database is copied from.</summary>
    public const string TemplateDatabase = "archive_template";

    private static PostgresCluster? current;

    /// <summary>The cluster of this run.</summary>
    public static PostgresCluster Current => current ?? throw new InvalidOperationException("The PostgreSQL assembly fixture has not started.");

    /// <summary>The running server.</summary>
    public EmbeddedPostgres Server { get; private set; } = null!;

    /// <summary>A data folder for this test run where the server account (when root) can reach it.</summary>
    public static string NewDataDirectory(string purpose) => Path.Combine(
        Environment.IsPrivilegedProcess ? "/var/tmp" : Path.GetTempPath(),
        $"cablearchive-tests-{purpose}-{Guid.NewGuid():N}");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        Server = await EmbeddedPostgres.StartAsync(NewDataDirectory("cluster"), EmbeddedShutdown.StopAndDelete);
        await Server.EnsureDatabaseAsync(TemplateDatabase);
        await using (var template = await ArchiveDatabase.OpenAsync(Server.ConnectionString(TemplateDatabase)))
        {
        }

        NpgsqlConnection.ClearAllPools();
        current = this;
    }

    /// <summary>Creates a database holding the migrated, empty schema and returns its name.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(Server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {TemplateDatabase}", connection);
        await create.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>Creates a database with nothing in it (not even the schema).</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = "empty_" + Guid.NewGuid().ToString("N")[..16];
        await Server.EnsureDatabaseAsync(name);
        return name;
    }

    /// <summary>Drops a test database, closing its connections.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
            await Server.DisposeAsync();
    }
}

/// <summary>A fresh migrated database for one test class, dropped after it.</summary>
public sealed class ArchiveFixture : IAsyncLifetime
{
    /// <summary>The database's name.</summary>
    public string DatabaseName { get; private set; } = "";

    /// <summary>The open archive.</summary>
    public ArchiveDatabase Archive { get; private set; } = null!;

    /// <summary>The connection string of the database.</summary>
    public string ConnectionString => PostgresCluster.Current.Server.ConnectionString(DatabaseName);

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        DatabaseName = await PostgresCluster.Current.CreateDatabaseAsync();
        Archive = await ArchiveDatabase.OpenAsync(ConnectionString);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Archive.DisposeAsync();
        await PostgresCluster.Current.DropDatabaseAsync(DatabaseName);
    }
}
