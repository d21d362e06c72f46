using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using CableArchive.Data;
using CableArchive.Data.Import;
using Spectre.Console;

namespace CableArchive.Cli.Commands;

/// <summary>
/// <c>cablearchive import PATH... [--release NAME [--released-at DATE]] [--json] [--data-dir DIR] [--connection STRING]</c>:
/// loads cables from files, folders, archives (zip, tar, tar.gz, 7z) and cables.csv into the archive, with a progress bar
/// and a summary table (or, with <c>--json</c>, one JSON object). <c>--release</c> marks the input a complete snapshot of
/// a publication, so that cables it lacks show as removed (docs/decisions/archive-releases.md). Exit code 0 when everything went in, 2 when some records were quarantined,
/// 1 when an input was bad or the import failed; every error is one line on standard error.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object instead of a table." };
        var paths = new Argument<string[]>("PATH") { Description = "Files, folders (recursive), archives or cables.csv.", Arity = ArgumentArity.OneOrMore };
        var release = new Option<string?>("--release")
        {
            Description = "The input is the complete release NAME: cables it lacks show as removed in their histories. Leave it out for a partial dump.",
            HelpName = "NAME",
        };
        var releasedAt = new Option<string?>("--released-at")
        {
            Description = "When the release was published (2011-09-02, UTC); default: now.",
            HelpName = "DATE",
        };
        var archive = new ArchiveOptions();
        var command = new Command("import", "Import cable dumps of any size into the archive.") { json, release, releasedAt, paths };
        archive.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(
                parseResult.GetValue(paths) ?? [], parseResult.GetValue(release), parseResult.GetValue(releasedAt), parseResult.GetValue(json),
                archive.Location(parseResult), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, string? releaseName, string? releasedAt, bool json, ArchiveLocation location, CancellationToken cancellationToken)
    {
        // A typo in a path or the release is caught before anything is opened or written.
        var missing = InputScanner.MissingPaths(paths);
        foreach (var line in missing)
            Console.Error.WriteLine($"error: {line}");
        var release = ImportRelease.Parse(releaseName, releasedAt, out var releaseError);
        if (releaseError is not null)
            Console.Error.WriteLine($"error: --release: {releaseError}.");
        if (missing.Count > 0 || releaseError is not null)
            return 1;

        if (await OpenArchiveAsync(location, cancellationToken) is not { } database)
            return 1;

        await using (database)
        {
            var importer = new ArchiveImporter(database, new ImportOptions { Release = release });
            return await ReportAsync(importer.Progress, importer.ImportAsync(paths, cancellationToken), json);
        }
    }

    /// <summary>Shows progress while <paramref name="run"/> goes on, then its errors and summary; returns the exit code.</summary>
    internal static async Task<int> ReportAsync(ImportProgress progress, Task<ImportSummary> run, bool json)
    {
        var interactive = !json && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        var summary = interactive ? await ShowProgressAsync(progress, run) : await run;

        foreach (var line in summary.Errors)
            Console.Error.WriteLine($"error: {line}");
        if (summary.Fatal is not null)
            Console.Error.WriteLine($"error: {summary.Fatal}");

        if (json)
            WriteJson(summary);
        else
            WriteTable(summary);
        return summary.ExitCode;
    }

    /// <summary>Opens the archive for a command, or writes the one-line reason it cannot be opened and returns null.</summary>
    internal static async Task<ArchiveDatabase?> OpenArchiveAsync(ArchiveLocation location, CancellationToken cancellationToken)
    {
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        try
        {
            return await ArchiveDatabase.OpenAsync(location, message => error.MarkupLineInterpolated($"[grey]{message}[/]"), cancellationToken);
        }
        catch (ArchiveUnavailableException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("error: interrupted before the archive was opened.");
        }

        return null;
    }

    internal static async Task<ImportSummary> ShowProgressAsync(ImportProgress progress, Task<ImportSummary> import)
    {
        ImportSummary? summary = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var reading = context.AddTask("importing", maxValue: Math.Max(1, progress.TotalBytes));
                ProgressTask? indexing = null;
                var clock = Stopwatch.StartNew();
                while (!import.IsCompleted)
                {
                    await Task.WhenAny(import, Task.Delay(250));
                    var seconds = Math.Max(0.001, clock.Elapsed.TotalSeconds);
                    reading.Value = Math.Min(progress.BytesRead, reading.MaxValue);
                    reading.Description = $"importing [bold]{progress.RecordsCommitted:N0}[/] cables · {progress.RecordsCommitted / seconds:N0}/s · "
                        + $"{progress.BytesRead / 1048576.0:N1} of {progress.TotalBytes / 1048576.0:N1} MB";
                    if (progress.Phase == ImportPhase.Indexing)
                    {
                        reading.Value = reading.MaxValue;
                        indexing ??= context.AddTask("indexing", maxValue: Math.Max(1, progress.RowsToIndex));
                        indexing.Value = Math.Min(progress.RowsIndexed, indexing.MaxValue);
                        indexing.Description = $"indexing [bold]{progress.RowsIndexed:N0}[/] of {progress.RowsToIndex:N0} portions";
                    }
                }

                summary = await import;
                reading.Value = reading.MaxValue;
                if (indexing is not null)
                    indexing.Value = indexing.MaxValue;
            });
        return summary!;
    }

    internal static void WriteTable(ImportSummary summary)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("read", $"{summary.Read:N0}");
        table.AddRow("new cables", $"{summary.NewCables:N0}");
        table.AddRow("new versions", $"{summary.NewVersions:N0}");
        table.AddRow("unchanged", $"{summary.Unchanged:N0}");
        table.AddRow(summary.Quarantined > 0 ? "[yellow]quarantined[/]" : "quarantined", $"{summary.Quarantined:N0}");
        table.AddRow("time", $"{summary.Seconds:N1} s");
        table.HideHeaders();
        AnsiConsole.Write(table);

        // The accounting the archive promises: every record read is a new version, unchanged, or quarantined.
        var balanced = summary.Read == summary.NewVersions + summary.Unchanged + summary.Quarantined;
        AnsiConsole.MarkupLine(balanced
            ? $"[green]read {summary.Read:N0} = new versions {summary.NewVersions:N0} + unchanged {summary.Unchanged:N0} + quarantined {summary.Quarantined:N0}[/]"
            : $"[red]accounting does not balance: read {summary.Read:N0} ≠ {summary.NewVersions + summary.Unchanged + summary.Quarantined:N0}[/]");
        if (summary.Quarantined > 0)
            AnsiConsole.MarkupLine($"[yellow]{summary.Quarantined:N0} records were quarantined with their reasons (table quarantined_records, import run {summary.RunId}).[/]");
    }

    internal static void WriteJson(ImportSummary summary)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout))
        {
            writer.WriteStartObject();
            writer.WriteNumber("read", summary.Read);
            writer.WriteNumber("newCables", summary.NewCables);
            writer.WriteNumber("newVersions", summary.NewVersions);
            writer.WriteNumber("unchanged", summary.Unchanged);
            writer.WriteNumber("quarantined", summary.Quarantined);
            writer.WriteNumber("seconds", Math.Round(summary.Seconds, 3));
            writer.WriteEndObject();
        }

        stdout.WriteByte((byte)'\n');
    }
}
