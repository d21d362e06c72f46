using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CableArchive.Data.Import;
using CableArchive.Domain.Cables;
using CableArchive.Parsing.Synthetic;
using CableArchive.Tests.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CableArchive.Tests.Data;

/// <summary>Every bad input of the import, through the real command line: one clear line each, and the right exit code.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly ArchiveFixture fixture = new();
    private readonly TempFolder folder = new();

    public ValueTask InitializeAsync() => fixture.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        folder.Dispose();
        await fixture.DisposeAsync();
    }

    private Task<(int ExitCode, string Output, string Error)> ImportAsync(params string[] paths) =>
        CliProcess.RunAsync(["import", .. paths, "--json", "--connection", fixture.ConnectionString]);

    /// <summary>The one error line, with no stack trace or anything else on standard error.</summary>
    private static string OneErrorLine(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines, l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        return line;
    }

    private static JsonElement Summary(string output) => JsonDocument.Parse(output).RootElement;

    private string Page(int seed) => CableGenerator.Create(seed).Render(CableFormat.WikiLeaksHtml);

    private string ZipOf(string name, params (string Entry, string Content)[] entries)
    {
        var path = folder.File(name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var stream = zip.CreateEntry(entry).Open();
            stream.Write(Encoding.UTF8.GetBytes(content));
        }

        return path;
    }

    [Fact]
    public async Task A_missing_path_fails_before_anything_is_imported()
    {
        var missing = Path.Combine(folder.Path, "no-such-dump");
        var (exitCode, output, error) = await ImportAsync(missing);

        Assert.Equal(1, exitCode);
        Assert.Equal($"error: {missing}: no such file or folder.", OneErrorLine(error));
        Assert.Equal("", output);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task An_unreadable_file_is_one_line_and_the_rest_is_imported()
    {
        var good = folder.File("good/one.html");
        await File.WriteAllTextAsync(good, Page(1), TestContext.Current.CancellationToken);
        string unreadable;
        if (Environment.IsPrivilegedProcess)
        {
            // Root reads any file whatever its mode; a process's memory at address 0 cannot be read by anyone.
            unreadable = "/proc/self/mem";
        }
        else
        {
            unreadable = folder.File("locked.html");
            await File.WriteAllTextAsync(unreadable, Page(2), TestContext.Current.CancellationToken);
            File.SetUnixFileMode(unreadable, UnixFileMode.None);
        }

        var (exitCode, output, error) = await ImportAsync(unreadable, good);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"error: {unreadable}: cannot be read (", OneErrorLine(error), StringComparison.Ordinal);
        Assert.Equal(1, Summary(output).GetProperty("newCables").GetInt32());
    }

    [Fact]
    public async Task A_file_that_claims_to_be_an_archive_but_is_not_is_one_line()
    {
        var fake = folder.File("cablegate.7z");
        await File.WriteAllTextAsync(fake, "not a 7z at all", TestContext.Current.CancellationToken);

        var (exitCode, _, error) = await ImportAsync(fake);

        Assert.Equal(1, exitCode);
        Assert.Equal($"error: {fake}: not a 7z archive (its first bytes carry no archive signature); skipped.", OneErrorLine(error));
    }

    [Fact]
    public async Task A_corrupted_archive_imports_what_precedes_the_damage_and_reports_one_line()
    {
        var whole = ZipOf("whole.zip", [.. Enumerable.Range(1, 12).Select(i => ($"pages/{i:00}.html", Page(i)))]);
        var bytes = await File.ReadAllBytesAsync(whole, TestContext.Current.CancellationToken);
        var cut = folder.File("cut.zip");
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length * 2 / 3)], TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await ImportAsync(cut);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"error: {cut}: corrupted zip archive, read up to the damage (", OneErrorLine(error), StringComparison.Ordinal);
        Assert.InRange(Summary(output).GetProperty("newCables").GetInt32(), 1, 11);
    }

    [Fact]
    public async Task An_entry_escaping_the_archive_is_skipped_with_one_line()
    {
        var zip = ZipOf("escape.zip", ("pages/one.html", Page(1)), ("../../outside.html", Page(2)));

        var (exitCode, output, error) = await ImportAsync(zip);

        Assert.Equal(1, exitCode);
        Assert.Equal($"error: {zip}: entry '../../outside.html' escapes the archive's folder (an absolute path or '..'); skipped.", OneErrorLine(error));
        Assert.Equal(1, Summary(output).GetProperty("read").GetInt32());
    }

    [Fact]
    public async Task A_zip_bomb_is_stopped_with_one_line()
    {
        var bomb = folder.File("bomb.zip");
        using (var zip = ZipFile.Open(bomb, ZipArchiveMode.Create))
        using (var entry = zip.CreateEntry("cables.txt", CompressionLevel.SmallestSize).Open())
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 100; i++)
                entry.Write(zeros);
        }

        Assert.True(new FileInfo(bomb).Length < 1 << 20);
        var (exitCode, _, error) = await ImportAsync(bomb);

        Assert.Equal(1, exitCode);
        Assert.Matches(@"^error: .*bomb\.zip: expands more than 100× its [\d,]+ bytes; stopped reading it \(a zip bomb\?\)\.$", OneErrorLine(error));
    }

    [Fact]
    public async Task Text_that_is_not_UTF8_is_decoded_with_a_fallback_and_a_diagnostic_and_kept_as_read()
    {
        var cable = CableGenerator.Create(seed: 5);
        var text = cable.Render(CableFormat.RawText).Replace(cable.Portions[0].Text, cable.Portions[0].Text + " CHARGE D'AFFAIRES", StringComparison.Ordinal);
        var bytes = Encoding.Latin1.GetBytes(text.Replace("CHARGE D'AFFAIRES", "CHARG\u00c9 D'AFFAIRES", StringComparison.Ordinal));
        var path = folder.File("latin1.txt");
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await ImportAsync(path);

        Assert.True(exitCode == 0, error);
        Assert.Equal(1, Summary(output).GetProperty("newVersions").GetInt32());
        await using var context = fixture.Archive.CreateDbContext();
        var version = await context.CableVersions.SingleAsync(v => v.SourcePath == path, TestContext.Current.CancellationToken);
        Assert.Contains("CHARG\u00c9 D'AFFAIRES", version.Text, StringComparison.Ordinal);
        Assert.Contains("Windows-1252", version.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(bytes, version.RawRecord);
    }

    [Fact]
    public async Task A_cables_csv_row_with_a_broken_quote_is_quarantined_and_its_neighbours_imported()
    {
        var rows = CableGenerator.Generate(seed: 300, count: 3).Select(SyntheticRenderer.CsvRow).ToList();

        // Drop the quote that closes the middle row's last field.
        var broken = rows[1].TrimEnd('\n', '\r');
        broken = broken[..^1] + "\n";
        var csv = folder.File("cables.csv");
        await File.WriteAllTextAsync(csv, rows[0] + broken + rows[2], TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await ImportAsync(csv);

        Assert.True(exitCode == 2, error);
        var summary = Summary(output);
        Assert.Equal((3, 2, 1), (summary.GetProperty("read").GetInt32(), summary.GetProperty("newVersions").GetInt32(), summary.GetProperty("quarantined").GetInt32()));
        await using var context = fixture.Archive.CreateDbContext();
        var quarantined = await context.QuarantinedRecords.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, quarantined.SourceRow);
        Assert.Contains("quote", quarantined.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Encoding.UTF8.GetBytes(broken.TrimEnd('\n')), quarantined.Raw.AsSpan().TrimEnd("\n"u8).ToArray());
    }

    [Fact]
    public async Task An_unreachable_database_is_one_line()
    {
        var page = folder.File("one.html");
        await File.WriteAllTextAsync(page, Page(1), TestContext.Current.CancellationToken);

        var (exitCode, _, error) = await CliProcess.RunAsync("import", page, "--connection", "Host=127.0.0.1;Port=1;Database=archive;Username=u;Password=p;Timeout=3");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: Cannot open the archive database (127.0.0.1:1/archive): ", OneErrorLine(error), StringComparison.Ordinal);
        Assert.DoesNotContain("Password=p", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_too_large_for_one_cable_is_skipped_with_one_line()
    {
        var huge = folder.File("huge.txt");
        await File.WriteAllTextAsync(huge, new string('A', 300_000), TestContext.Current.CancellationToken);

        var summary = await new ArchiveImporter(fixture.Archive, new ImportOptions { Limits = new ArchiveLimits { MaxRecordBytes = 100_000 } })
            .ImportAsync([huge], TestContext.Current.CancellationToken);

        Assert.Equal(1, summary.ExitCode);
        Assert.Equal($"{huge}: larger than 100,000 bytes, too large for one cable; skipped.", Assert.Single(summary.Errors));
    }
}
