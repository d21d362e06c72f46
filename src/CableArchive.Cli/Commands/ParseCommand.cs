using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CableArchive.Cli.Output;
using CableArchive.Parsing;

namespace CableArchive.Cli.Commands;

/// <summary>
/// <c>cablearchive parse [--jsonl] [--id REFID] [--date ISO] PATH...</c>: one JSON object per cable, in input order.
/// An input that is not a cable still yields its object; the exit code is then 1, after every input was written.
/// </summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var jsonLines = new Option<bool>("--jsonl") { Description = "One JSON object per line instead of indented objects." };
        var id = new Option<string?>("--id") { Description = "Reference id to assume for every input (as a cables.csv row supplies it)." };
        var date = new Option<string?>("--date") { Description = "Date-time to assume for every input, ISO 8601 (UTC unless an offset is given)." };
        var paths = new Argument<string[]>("PATH") { Description = "Files, folders (recursive) or - for standard input.", Arity = ArgumentArity.OneOrMore };

        var command = new Command("parse", "Parse cables in any published form and write them as JSON.") { jsonLines, id, date, paths };
        command.SetAction(parseResult =>
        {
            CableHints? hints = null;
            var dateText = parseResult.GetValue(date);
            DateTime? created = null;
            if (dateText is not null)
            {
                if (!DateTime.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    Console.Error.WriteLine($"error: --date '{dateText}' is not an ISO 8601 date-time.");
                    return 2;
                }

                created = parsed;
            }

            if (parseResult.GetValue(id) is not null || created is not null)
                hints = new CableHints(parseResult.GetValue(id), created);

            return Run(parseResult.GetValue(paths) ?? [], parseResult.GetValue(jsonLines), hints);
        });
        return command;
    }

    private static int Run(IReadOnlyList<string> paths, bool jsonLines, CableHints? hints)
    {
        var exitCode = 0;
        using var stdout = Console.OpenStandardOutput();
        using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = !jsonLines, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var input in InputFiles.Expand(paths))
        {
            if (input.Error is not null)
            {
                Console.Error.WriteLine($"error: {input.Error}");
                exitCode = 1;
                continue;
            }

            Stream stream;
            try
            {
                stream = input.Open();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {input.Path}: cannot be read ({e.Message}).");
                exitCode = 1;
                continue;
            }

            using var _ = stream;
            foreach (var cable in CableParser.ParseAll(stream, input.Path, hints))
            {
                CableJson.Write(writer, cable);
                writer.Flush();
                writer.Reset();
                stdout.WriteByte((byte)'\n');
                if (!cable.IsCable)
                    exitCode = 1;
            }
        }

        return exitCode;
    }
}
