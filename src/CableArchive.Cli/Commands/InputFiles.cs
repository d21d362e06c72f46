namespace CableArchive.Cli.Commands;

/// <summary>One input a command reads: a file, or standard input; or the reason it cannot be read.</summary>
internal sealed record InputFile(string Path, string? Error)
{
    public Stream Open() => Path == "-" ? Console.OpenStandardInput() : File.OpenRead(Path);
}

/// <summary>Expands the PATH arguments of a command into files, in the order given; folders recursively, sorted by name.</summary>
internal static class InputFiles
{
    public static IEnumerable<InputFile> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                yield return new InputFile("-", null);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    yield return new InputFile(file, null);
            }
            else if (File.Exists(path))
            {
                yield return new InputFile(path, null);
            }
            else
            {
                yield return new InputFile(path, $"{path}: no such file or folder.");
            }
        }
    }
}
