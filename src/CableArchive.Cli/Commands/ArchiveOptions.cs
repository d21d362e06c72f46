using System.CommandLine;
using CableArchive.Data;

namespace CableArchive.Cli.Commands;

/// <summary>
/// The options of every command that opens the archive (<c>import</c>, <c>reparse</c>, and later <c>users</c>, <c>serve</c>):
/// <c>--data-dir DIR</c> for the embedded PostgreSQL cluster, <c>--connection STRING</c> for a server of one's own
/// (else <c>ConnectionStrings__Archive</c>; else the embedded cluster in the default data folder).
/// </summary>
internal sealed class ArchiveOptions
{
    public Option<string?> DataDirectory { get; } = new("--data-dir")
    {
        Description = "Folder of the embedded PostgreSQL cluster (default: ~/.local/share/cablearchive; /var/lib/cablearchive as root).",
    };

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = $"Connection string of a PostgreSQL server to use instead of the embedded one (else {ArchiveLocation.ConnectionStringVariable}).",
    };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(DataDirectory);
        command.Options.Add(Connection);
    }

    /// <summary>Where the archive is, from the parsed options and the environment.</summary>
    public ArchiveLocation Location(ParseResult parseResult) =>
        ArchiveLocation.FromOptions(parseResult.GetValue(Connection), parseResult.GetValue(DataDirectory));
}
