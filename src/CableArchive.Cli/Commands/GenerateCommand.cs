using System.CommandLine;
using System.Text;
using CableArchive.Domain.Cables;
using CableArchive.Parsing.Synthetic;

namespace CableArchive.Cli.Commands;

/// <summary>
/// <c>cablearchive generate --count N --seed S --format txt|html|md|csv [--canary] OUT</c>: writes N synthetic cables. For csv,
/// OUT is one cables.csv file written as the cables are generated; for the other formats OUT is a folder with one file per cable
/// (<c>&lt;id&gt;.txt</c>, <c>.html</c>, <c>.md</c>). The cables of seed S are those of seeds S, S+1…, so
/// <c>--seed 17 --count 1</c> reproduces the cable a round-trip test reports as seed 17.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "How many cables to write.", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "The seed of the first cable; the next ones use the following seeds.", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format") { Description = "txt, html, md or csv.", DefaultValueFactory = _ => "txt" };
        format.AcceptOnlyFromAmong("txt", "html", "md", "csv");
        var canary = new Option<bool>("--canary") { Description = "Put a unique CANARY token into every portion (subject, paragraphs)." };
        var output = new Argument<string>("OUT") { Description = "The cables.csv file to write (csv), or the folder to write one file per cable into." };

        var command = new Command("generate", "Write realistic synthetic cables, in any published form, for tests and benchmarks.") { count, seed, format, canary, output };
        command.SetAction(parseResult =>
        {
            var n = parseResult.GetValue(count);
            if (n < 0)
            {
                Console.Error.WriteLine("error: --count must not be negative.");
                return 2;
            }

            var options = new SyntheticOptions { Canary = parseResult.GetValue(canary) };
            var cables = CableGenerator.Generate(parseResult.GetValue(seed), n, options);
            var target = parseResult.GetValue(output)!;
            try
            {
                return parseResult.GetValue(format) switch
                {
                    "csv" => WriteCsv(cables, target),
                    "html" => WriteFolder(cables, target, CableFormat.WikiLeaksHtml),
                    "md" => WriteFolder(cables, target, CableFormat.Markdown),
                    _ => WriteFolder(cables, target, CableFormat.RawText),
                };
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {target}: cannot be written ({e.Message}).");
                return 1;
            }
        });
        return command;
    }

    private static int WriteCsv(IEnumerable<SyntheticCable> cables, string path)
    {
        // One row at a time: a count of millions never sits in memory.
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        var rows = SyntheticRenderer.WriteCsv(writer, cables);
        writer.Flush();
        Console.Error.WriteLine($"wrote {rows:N0} cables to {path} ({writer.BaseStream.Length / 1048576.0:N1} MB).");
        return 0;
    }

    private static int WriteFolder(IEnumerable<SyntheticCable> cables, string folder, CableFormat format)
    {
        Directory.CreateDirectory(folder);
        var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long files = 0;
        long bytes = 0;
        foreach (var cable in cables)
        {
            // Two seeds can draw the same post, year and serial; the second file then carries its record number.
            var name = cable.FileName(format);
            if (!written.Add(name))
                name = Path.GetFileNameWithoutExtension(name) + "-" + cable.RecordNumber + Path.GetExtension(name);
            written.Add(name);

            var content = Encoding.UTF8.GetBytes(cable.Render(format));
            File.WriteAllBytes(Path.Combine(folder, name), content);
            files++;
            bytes += content.Length;
        }

        Console.Error.WriteLine($"wrote {files:N0} cables to {folder} ({bytes / 1048576.0:N1} MB).");
        return 0;
    }
}
