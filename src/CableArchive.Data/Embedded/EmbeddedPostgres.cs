using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using Npgsql;

namespace CableArchive.Data.Embedded;

/// <summary>What to do with the server and its folder when the last user lets go.</summary>
public enum EmbeddedShutdown
{
    /// <summary>Stop the server when no other process uses it (the default for commands).</summary>
    StopWhenLastUser,

    /// <summary>Stop the server and delete the data folder (test runs).</summary>
    StopAndDelete,

    /// <summary>Leave the server running.</summary>
    LeaveRunning,
}

/// <summary>
/// A private PostgreSQL cluster run from the machine's server binaries: created with <c>initdb</c> in a data folder on
/// first use, started on a free loopback port when needed, and stopped when the last process using it lets go
/// (docs/decisions/archive-embedded-postgresql.md).
/// </summary>
/// <remarks>
/// Layout of the data folder: <c>pg/</c> is the cluster (PGDATA), <c>password</c> the superuser's password (0600),
/// <c>start.lock</c> serialises starting and stopping, and every process using the server holds a shared lock on
/// <c>users.lock</c>; whoever can take it exclusively is the last user and stops the server.
/// A server left running by a killed process is found through <c>pg/postmaster.pid</c> and reused; a lock file whose
/// process is gone is removed before starting.
/// PostgreSQL refuses to run as root: when this process is root, every server program runs as the <c>postgres</c>
/// account through <c>runuser</c>, which owns <c>pg/</c>; every folder above it must then be open to that account.
/// </remarks>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    /// <summary>The superuser the cluster is created with.</summary>
    public const string SuperUser = "cablearchive";

    /// <summary>The database commands use.</summary>
    public const string DefaultDatabase = "cablearchive";

    /// <summary>The account the server runs as when this process is root (Debian's package creates it).</summary>
    public const string ServiceAccount = "postgres";

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(120);

    private readonly PostgresBinaries binaries;
    private readonly EmbeddedShutdown shutdown;
    private readonly Action<string> log;
    private FileStream? usersLock;
    private bool disposed;

    private EmbeddedPostgres(string dataDirectory, PostgresBinaries binaries, EmbeddedShutdown shutdown, Action<string> log)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        this.binaries = binaries;
        this.shutdown = shutdown;
        this.log = log;
    }

    /// <summary>The data folder given.</summary>
    public string DataDirectory { get; }

    /// <summary>The cluster folder (PGDATA) inside the data folder.</summary>
    public string ClusterDirectory => Path.Combine(DataDirectory, "pg");

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>Whether a running server was found and reused rather than started (a killed run left it running).</summary>
    public bool ReusedRunningServer { get; private set; }

    /// <summary>Whether a stale <c>postmaster.pid</c> (its process gone) was removed before starting.</summary>
    public bool RemovedStaleLockFile { get; private set; }

    private string Password { get; set; } = "";

    private static bool RunsAsRoot => Environment.IsPrivilegedProcess;

    /// <summary>
    /// The default data folder: <c>$XDG_DATA_HOME/cablearchive</c> (usually <c>~/.local/share/cablearchive</c>); when
    /// running as root, <c>/var/lib/cablearchive</c>, because the server then runs as <c>postgres</c>, which cannot
    /// enter root's home.
    /// </summary>
    public static string DefaultDataDirectory() => RunsAsRoot
        ? "/var/lib/cablearchive"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "cablearchive");

    /// <summary>
    /// Makes sure the cluster in <paramref name="dataDirectory"/> exists and runs, and returns a handle on it; the
    /// <see cref="DefaultDatabase"/> database exists when it returns.
    /// </summary>
    /// <param name="dataDirectory">The data folder; <see cref="DefaultDataDirectory"/> when null.</param>
    /// <param name="shutdown">What disposing does.</param>
    /// <param name="log">Receives one line per step taken (initdb, start, reuse); ignored when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="EmbeddedPostgresException">PostgreSQL is missing, or the cluster cannot be created or started; the message says why in one line.</exception>
    public static async Task<EmbeddedPostgres> StartAsync(
        string? dataDirectory = null,
        EmbeddedShutdown shutdown = EmbeddedShutdown.StopWhenLastUser,
        Action<string>? log = null,
        CancellationToken cancellationToken = default)
    {
        if (OperatingSystem.IsWindows())
            throw new EmbeddedPostgresException("The embedded PostgreSQL cluster needs Linux or another Unix; on Windows, give --connection.");
        var binaries = PostgresBinaries.Find() ?? throw new EmbeddedPostgresException(PostgresBinaries.InstallHint);
        var server = new EmbeddedPostgres(dataDirectory ?? DefaultDataDirectory(), binaries, shutdown, log ?? (_ => { }));
        try
        {
            await server.StartCoreAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            server.usersLock?.Dispose();
            throw;
        }
    }

    /// <summary>A connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database = DefaultDatabase) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = Password,
        Database = database,
        Timeout = 15,
        CommandTimeout = 0,

        // The import keeps one connection per core; the web app's pool sits beside it.
        MaxPoolSize = 40,
    }.ConnectionString;

    /// <summary>Lets go of the server: stops it when this was the last user (see <see cref="EmbeddedShutdown"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
            return;
        disposed = true;
        NpgsqlConnection.ClearAllPools();
        usersLock?.Dispose();
        usersLock = null;
        if (shutdown == EmbeddedShutdown.LeaveRunning)
            return;

        using (await AcquireLockAsync(Path.Combine(DataDirectory, "start.lock"), CancellationToken.None).ConfigureAwait(false))
        {
            // Another process still holding its shared lock means it still uses the server.
            var lastUser = TryLock(Path.Combine(DataDirectory, "users.lock"), FileShare.None);
            if (lastUser is null)
                return;
            using (lastUser)
            {
                var stop = await RunServerProgramAsync(binaries.PgCtl, ["stop", "-D", ClusterDirectory, "-m", "fast", "-w", "-t", "60", "-s"], CancellationToken.None).ConfigureAwait(false);
                if (stop.ExitCode == 0)
                    log($"stopped the embedded PostgreSQL server in {ClusterDirectory}");
            }
        }

        if (shutdown == EmbeddedShutdown.StopAndDelete)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log($"could not delete {DataDirectory}: {e.Message}");
            }
        }
    }

    [UnsupportedOSPlatform("windows")]
    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        PrepareDataDirectory();
        using (await AcquireLockAsync(Path.Combine(DataDirectory, "start.lock"), cancellationToken).ConfigureAwait(false))
        {
            if (!File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION")))
                await InitializeClusterAsync(cancellationToken).ConfigureAwait(false);
            if (!File.Exists(PasswordFile))
                throw new EmbeddedPostgresException($"The cluster in {ClusterDirectory} has lost its password file {PasswordFile}; restore it or choose another --data-dir.");
            Password = (await File.ReadAllTextAsync(PasswordFile, cancellationToken).ConfigureAwait(false)).Trim();

            if (!await TryReuseRunningServerAsync(cancellationToken).ConfigureAwait(false))
                await StartServerAsync(cancellationToken).ConfigureAwait(false);

            // Registered while still holding the start lock, so that no other process can stop the server in between.
            usersLock = TryLock(Path.Combine(DataDirectory, "users.lock"), FileShare.ReadWrite)
                ?? throw new EmbeddedPostgresException($"Cannot register as a user of the embedded PostgreSQL server in {DataDirectory}.");
        }

        await EnsureDatabaseAsync(DefaultDatabase, cancellationToken).ConfigureAwait(false);
    }

    private string PasswordFile => Path.Combine(DataDirectory, "password");

    [UnsupportedOSPlatform("windows")]
    private void PrepareDataDirectory()
    {
        try
        {
            Directory.CreateDirectory(DataDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmbeddedPostgresException($"Cannot create the data folder {DataDirectory}: {e.Message}");
        }

        if (!RunsAsRoot)
            return;

        // The server runs as 'postgres': it must be able to walk down to its cluster folder.
        File.SetUnixFileMode(DataDirectory, File.GetUnixFileMode(DataDirectory) | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        for (var dir = new DirectoryInfo(DataDirectory).Parent; dir is not null; dir = dir.Parent)
        {
            if (!File.GetUnixFileMode(dir.FullName).HasFlag(UnixFileMode.OtherExecute))
            {
                throw new EmbeddedPostgresException(
                    $"The data folder {DataDirectory} lies under {dir.FullName}, which the '{ServiceAccount}' account that runs the server as root cannot enter; " +
                    "choose a --data-dir under /var/lib or /var/tmp.");
            }
        }
    }

    [UnsupportedOSPlatform("windows")]
    private async Task InitializeClusterAsync(CancellationToken cancellationToken)
    {
        log($"creating a PostgreSQL cluster in {ClusterDirectory}");
        if (Directory.Exists(ClusterDirectory) && Directory.EnumerateFileSystemEntries(ClusterDirectory).Any())
            throw new EmbeddedPostgresException($"{ClusterDirectory} holds files but no PostgreSQL cluster; move them away or choose another --data-dir.");
        Directory.CreateDirectory(ClusterDirectory);
        File.SetUnixFileMode(ClusterDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        await File.WriteAllTextAsync(PasswordFile, password + "\n", cancellationToken).ConfigureAwait(false);
        File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // initdb reads the password from a file the server account can read; it is deleted straight after.
        var passwordForInitDb = Path.Combine(DataDirectory, $"initdb-password-{Environment.ProcessId}");
        await File.WriteAllTextAsync(passwordForInitDb, password + "\n", cancellationToken).ConfigureAwait(false);
        File.SetUnixFileMode(passwordForInitDb, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            if (RunsAsRoot)
            {
                await RunAsync("chown", [ServiceAccount + ":", ClusterDirectory, passwordForInitDb], asServiceAccount: false, cancellationToken).ConfigureAwait(false);
            }

            var init = await RunServerProgramAsync(
                binaries.InitDb,
                ["-D", ClusterDirectory, "-U", SuperUser, "--pwfile=" + passwordForInitDb, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"],
                cancellationToken).ConfigureAwait(false);
            if (init.ExitCode != 0)
                throw new EmbeddedPostgresException($"initdb failed in {ClusterDirectory}: {LastLine(init.Output)}");
        }
        finally
        {
            File.Delete(passwordForInitDb);
        }

        // Settings for an archive that bulk-loads: room for large transactions between checkpoints, lz4 for TOAST,
        // loopback only and no Unix socket (the socket folder of the distribution may not be writable here).
        var settings = """

            # --- cablearchive embedded cluster ---
            listen_addresses = '127.0.0.1'
            unix_socket_directories = ''
            max_connections = 60
            work_mem = 16MB
            maintenance_work_mem = 256MB
            max_wal_size = 4GB
            min_wal_size = 256MB
            checkpoint_timeout = 15min
            wal_compression = lz4
            default_toast_compression = lz4
            logging_collector = off
            """;
        await File.AppendAllTextAsync(Path.Combine(ClusterDirectory, "postgresql.conf"), settings, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> TryReuseRunningServerAsync(CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(ClusterDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
            return false;

        var lines = await File.ReadAllLinesAsync(pidFile, cancellationToken).ConfigureAwait(false);
        var pid = lines.Length > 0 && int.TryParse(lines[0].Trim(), out var p) ? p : -1;
        var port = lines.Length > 3 && int.TryParse(lines[3].Trim(), out var q) ? q : -1;
        if (pid <= 0 || !IsPostgresProcess(pid))
        {
            // The server was killed (or the machine restarted): its lock file stays behind and would make pg_ctl wait
            // on a process that no longer exists, or on an unrelated process that got the same number.
            log($"removing the stale lock file of PostgreSQL process {pid}, which no longer runs");
            File.Delete(pidFile);
            RemovedStaleLockFile = true;
            return false;
        }

        Port = port;
        for (var attempt = 0; attempt < 60; attempt++)
        {
            if (port > 0 && await CanConnectAsync(cancellationToken).ConfigureAwait(false))
            {
                log($"reusing the PostgreSQL server (process {pid}) already running on port {port}");
                ReusedRunningServer = true;
                return true;
            }

            // The server may still be starting (another process's start) or stopping; wait for it to settle.
            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            if (!IsPostgresProcess(pid))
                return false;
            lines = File.Exists(pidFile) ? await File.ReadAllLinesAsync(pidFile, cancellationToken).ConfigureAwait(false) : [];
            port = lines.Length > 3 && int.TryParse(lines[3].Trim(), out var r) ? r : -1;
            Port = port;
        }

        throw new EmbeddedPostgresException($"A PostgreSQL server (process {pid}) holds {ClusterDirectory} but does not answer on port {port}; stop it with: pg_ctl stop -D {ClusterDirectory}");
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var logFile = Path.Combine(ClusterDirectory, "server.log");
        (int ExitCode, string Output) start = default;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            // Another program may take the free port between our look and the server's bind: then try another.
            Port = FreeLoopbackPort();
            log($"starting PostgreSQL on 127.0.0.1:{Port} ({ClusterDirectory})");
            start = await RunServerProgramAsync(
                DetachedStart.Shell ?? binaries.PgCtl,
                [.. DetachedStart.Prefix(binaries.PgCtl), "start", "-D", ClusterDirectory, "-l", logFile, "-w", "-t", "120", "-s", "-o", $"-p {Port} {MemorySettings()}"],
                cancellationToken).ConfigureAwait(false);
            if (start.ExitCode == 0 && await CanConnectAsync(cancellationToken).ConfigureAwait(false))
                return;
        }

        var tail = File.Exists(logFile) ? LastLine(await File.ReadAllTextAsync(logFile, cancellationToken).ConfigureAwait(false)) : LastLine(start.Output ?? "");
        throw new EmbeddedPostgresException($"The embedded PostgreSQL server in {ClusterDirectory} did not start: {tail}");
    }

    private async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false, Timeout = 5 };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or SocketException)
        {
            return false;
        }
    }

    /// <summary>Creates <paramref name="database"/> when it does not exist.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
            return;
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(database)}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another process created it in the meantime.
        }
    }

    /// <summary>Quotes a PostgreSQL identifier.</summary>
    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static bool IsPostgresProcess(int pid)
    {
        try
        {
            // comm is the executable's name, cut to 15 characters; a reused process number names something else.
            // A killed server whose parent has not reaped it yet is a zombie ("Z" after the name in stat): gone too.
            var comm = File.ReadAllText($"/proc/{pid}/comm").Trim();
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat.LastIndexOf(')') is var close and > 0 && close + 2 < stat.Length ? stat[close + 2] : '?';
            return comm is "postgres" or "postmaster" && state is not ('Z' or 'X');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The server's memory, sized at each start from the memory this machine (or its container) gives the program, so that
    /// a cluster made on a small machine grows with a larger one: a quarter of it for <c>shared_buffers</c> (PostgreSQL's own
    /// advice for a server of its own), from 128 MB to 8 GB, and half of it as <c>effective_cache_size</c>. At 250,000
    /// cables searches read far more pages than 256 MB hold (docs/scaling.md, session 4).
    /// </summary>
    private static string MemorySettings()
    {
        const long megabyte = 1024 * 1024;
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / megabyte;
        var sharedBuffers = Math.Clamp(available / 4, 128, 8 * 1024);
        var effectiveCache = Math.Max(available / 2, sharedBuffers);
        return $"-c shared_buffers={sharedBuffers}MB -c effective_cache_size={effectiveCache}MB";
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task<(int ExitCode, string Output)> RunServerProgramAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(program, arguments, asServiceAccount: RunsAsRoot, cancellationToken);

    private async Task<(int ExitCode, string Output)> RunAsync(string program, IReadOnlyList<string> arguments, bool asServiceAccount, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(asServiceAccount ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,

            // The server programs look up their current folder; the service account may not be able to enter ours.
            WorkingDirectory = DataDirectory,
        };
        if (asServiceAccount)
        {
            foreach (var argument in (string[])["-u", ServiceAccount, "--", program])
                info.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);

        // A locale the server account may lack would make initdb fail; the cluster is created with --locale=C anyway.
        info.Environment["LC_ALL"] = "C";
        info.Environment.Remove("PGDATA");
        info.Environment.Remove("PGPORT");

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new EmbeddedPostgresException($"Cannot run {info.FileName}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new EmbeddedPostgresException($"Cannot run {info.FileName}: {e.Message}." + (asServiceAccount ? " Running as root needs runuser (package util-linux) and the 'postgres' account (package postgresql)." : ""));
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var text = (await output.ConfigureAwait(false)) + (await error.ConfigureAwait(false));
            return (process.ExitCode, text);
        }
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no output)";

    private static FileStream? TryLock(string path, FileShare share)
    {
        try
        {
            // On Unix, .NET takes flock(LOCK_EX) for FileShare.None and flock(LOCK_SH) otherwise, without waiting;
            // the kernel drops the lock when the process dies, however it dies.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, share);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (TryLock(path, FileShare.None) is { } held)
                return held;
            if (waited.Elapsed > LockWait)
                throw new EmbeddedPostgresException($"Another process has held {path} for over {LockWait.TotalSeconds:0} s; is a cablearchive command stuck?");
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>
/// Starts the server with no file descriptor but the standard three. The server outlives this process, and would
/// otherwise keep open whatever this process inherited without close-on-exec: a lock file held by a build script
/// around <c>dotnet</c>, say, would stay locked for as long as the server runs.
/// </summary>
internal static class DetachedStart
{
    private const string CloseInherited = "for fd in /proc/$$/fd/*; do fd=${fd##*/}; [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\"; done 2>/dev/null; exec \"$@\"";

    /// <summary>bash, which closes the descriptors and then becomes <c>pg_ctl</c>; null where there is no bash.</summary>
    public static string? Shell { get; } = File.Exists("/bin/bash") ? "/bin/bash" : null;

    /// <summary>The arguments that make <see cref="Shell"/> run <paramref name="program"/>, or just the program's arguments.</summary>
    public static string[] Prefix(string program) => Shell is null ? [] : ["-c", CloseInherited, "cablearchive-pg", program];
}

/// <summary>The embedded PostgreSQL server could not be found, created or started; the message says why in one line.</summary>
public sealed class EmbeddedPostgresException(string message) : Exception(message);
