using System.CommandLine;
using CableArchive.Data.Import;

namespace CableArchive.Cli.Commands;

/// <summary>
/// <c>cablearchive reparse [--json] [--data-dir DIR] [--connection STRING]</c>: rebuilds every cable, version, portion,
/// tag, reference and quarantine row from the raw records the archive keeps, with the parser as it is now. Killed, it
/// resumes from the start when run again. Same summary and exit codes as <c>import</c>.
/// </summary>
internal static class ReparseCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object instead of a table." };
        var archive = new ArchiveOptions();
        var command = new Command("reparse", "Re-parse every stored record with the current parser and rebuild the archive from them.") { json };
        archive.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (await ImportCommand.OpenArchiveAsync(archive.Location(parseResult), cancellationToken) is not { } database)
                return 1;
            await using (database)
            {
                var reparser = new ArchiveReparser(database);
                return await ImportCommand.ReportAsync(reparser.Progress, reparser.ReparseAsync(cancellationToken), parseResult.GetValue(json));
            }
        });
        return command;
    }
}
