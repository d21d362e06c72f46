using System.CommandLine;
using CableArchive.Cli.Commands;

// The cablearchive command: one subcommand per verb; each lives in Commands/.
var root = new RootCommand("CableArchive: parse, import, search and serve US diplomatic cables.")
{
    ParseCommand.Create(),
    GenerateCommand.Create(),
    BenchWebCommand.AddTo(BenchImportCommand.AddTo(BenchCommand.Create())),
    ImportCommand.Create(),
    ReparseCommand.Create(),
    ServeCommand.Create(),
    UsersCommand.Create(),
};

// Ctrl+C or SIGTERM cancels the running command, which then stops cleanly (an import commits or rolls back its batch, the
// embedded server is stopped) as long as it takes within this time.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
