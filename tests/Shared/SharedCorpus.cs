namespace CableArchive.Tests;

/// <summary>
/// Finds the shared reference material and corpus (<c>../shared</c> beside the repository). Tests that need it call
/// <see cref="RequireDirectory"/>, which skips the test with a message on a fresh clone where it is absent.
/// </summary>
public static class SharedCorpus
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The repository root (the folder holding CableArchive.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared folder, or null when absent.</summary>
    public static string? SharedRoot => Root.Value;

    /// <summary>A folder under the shared root, or skips the test when it is absent.</summary>
    public static string RequireDirectory(string relative)
    {
        var root = SharedRoot;
        var path = root is null ? null : Path.Combine(root, relative);
        if (path is null || !Directory.Exists(path))
            Assert.Skip($"The shared folder '{relative}' is not here (looked beside {RepositoryRoot}); this test runs where ../shared is present, as in CI.");
        return path!;
    }

    /// <summary>A file under the shared root, or skips the test when it is absent.</summary>
    public static string RequireFile(string relative)
    {
        var root = SharedRoot;
        var path = root is null ? null : Path.Combine(root, relative);
        if (path is null || !File.Exists(path))
            Assert.Skip($"The shared file '{relative}' is not here (looked beside {RepositoryRoot}); this test runs where ../shared is present, as in CI.");
        return path!;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CableArchive.sln")))
                return dir.FullName;
        }

        return Directory.GetCurrentDirectory();
    }

    private static string? FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CABLEARCHIVE_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
            return fromEnvironment;
        var beside = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        return Directory.Exists(beside) ? beside : null;
    }
}
