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

return await root.Parse(args).InvokeAsync();
