namespace CableArchive.Data.Embedded;

/// <summary>
/// The PostgreSQL server programs the embedded cluster runs: <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>, found on
/// PATH or, where Debian installs them without putting them on PATH, under <c>/usr/lib/postgresql/VERSION/bin</c>.
/// </summary>
/// <param name="Directory">The folder holding all three.</param>
public sealed record PostgresBinaries(string Directory)
{
    /// <summary>The message a machine without PostgreSQL gets: what to install.</summary>
    public const string InstallHint =
        "PostgreSQL's server programs (initdb, pg_ctl, postgres) were not found on PATH or under /usr/lib/postgresql/*/bin. " +
        "Install the Debian package 'postgresql' (sudo apt-get install postgresql), " +
        "or point the archive at a running server with --connection or ConnectionStrings__Archive.";

    private static readonly string[] Programs = ["initdb", "pg_ctl", "postgres"];

    /// <summary>The <c>initdb</c> program.</summary>
    public string InitDb => Path.Combine(Directory, "initdb");

    /// <summary>The <c>pg_ctl</c> program.</summary>
    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>Finds the programs, or returns null when this machine has none.</summary>
    /// <param name="searchPath">The PATH to search; the process's own when null.</param>
    /// <param name="debianRoot">Where Debian keeps versioned server folders.</param>
    public static PostgresBinaries? Find(string? searchPath = null, string debianRoot = "/usr/lib/postgresql")
    {
        searchPath ??= Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (HasAll(folder))
                return new PostgresBinaries(ResolveFolder(folder));
        }

        // Debian's package keeps the server programs out of PATH; take the newest major version installed.
        if (System.IO.Directory.Exists(debianRoot))
        {
            var newest = System.IO.Directory.EnumerateDirectories(debianRoot)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
                .Where(candidate => candidate.Version >= 0 && HasAll(candidate.Dir))
                .OrderByDescending(candidate => candidate.Version)
                .FirstOrDefault();
            if (newest.Dir is not null)
                return new PostgresBinaries(newest.Dir);
        }

        return null;
    }

    private static bool HasAll(string folder) => Programs.All(program => File.Exists(Path.Combine(folder, program)));

    // PATH may hold symlinks (/usr/local/bin/pg_ctl -> /usr/lib/postgresql/15/bin/pg_ctl); pg_ctl finds postgres
    // beside its own resolved path anyway, but initdb needs its share folder, so run the programs from the real folder.
    private static string ResolveFolder(string folder)
    {
        var pgCtl = new FileInfo(Path.Combine(folder, "pg_ctl"));
        var target = pgCtl.ResolveLinkTarget(returnFinalTarget: true);
        return target is FileInfo real && real.Directory is { } dir && HasAll(dir.FullName) ? dir.FullName : Path.GetFullPath(folder);
    }
}
