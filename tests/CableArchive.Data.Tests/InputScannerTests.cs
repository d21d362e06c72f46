using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using CableArchive.Data.Import;
using CableArchive.Tests.Data.Infrastructure;

namespace CableArchive.Tests.Data;

/// <summary>Reading inputs of every kind, and refusing bad ones with one line each.</summary>
public sealed class InputScannerTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static (List<(string Path, string Content)> Entries, List<string> Errors) Scan(ArchiveLimits? limits, params string[] paths)
    {
        var entries = new List<(string, string)>();
        var errors = new List<string>();
        long bytes = 0;
        new InputScanner(limits ?? ArchiveLimits.Default, n => bytes += n).Scan(
            paths,
            entry => entries.Add((entry.Path, new StreamReader(entry.Content, Encoding.UTF8).ReadToEnd())),
            errors.Add,
            TestContext.Current.CancellationToken);
        Assert.True(bytes > 0 || entries.Count == 0, "input bytes are counted for the progress bar");
        return (entries, errors);
    }

    private static (List<(string Path, string Content)> Entries, List<string> Errors) Scan(params string[] paths) => Scan(null, paths);

    private string Zip(string name, params (string Entry, string Content)[] entries)
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
    public void Folders_are_read_recursively_in_name_order()
    {
        File.WriteAllText(folder.File("in/b.txt"), "B");
        File.WriteAllText(folder.File("in/a/z.txt"), "AZ");
        File.WriteAllText(folder.File("in/a.txt"), "A");

        var (entries, errors) = Scan(Path.Combine(folder.Path, "in"));

        Assert.Empty(errors);
        Assert.Equal(["a.txt", "a/z.txt", "b.txt"], entries.Select(e => Path.GetRelativePath(Path.Combine(folder.Path, "in"), e.Path)));
        Assert.Equal(["A", "AZ", "B"], entries.Select(e => e.Content));
    }

    [Fact]
    public void Zip_tar_targz_and_7z_entries_are_streamed_with_their_archive_path()
    {
        var zip = Zip("dump.zip", ("pages/one.html", "ONE"), ("pages/two.html", "TWO"));
        var tar = folder.File("dump.tar");
        var tgz = folder.File("dump.tgz");
        WriteTar(tar, compress: false, ("x/one.txt", "TAR ONE"));
        WriteTar(tgz, compress: true, ("y/two.txt", "TGZ TWO"));
        var sevenZip = Path.Combine(AppContext.BaseDirectory, "Fixtures", "two-entries.7z");

        var (entries, errors) = Scan(zip, tar, tgz, sevenZip);

        Assert.Empty(errors);
        Assert.Equal(
            [(zip + "!pages/one.html", "ONE"), (zip + "!pages/two.html", "TWO"), (tar + "!x/one.txt", "TAR ONE"), (tgz + "!y/two.txt", "TGZ TWO"),
             (sevenZip + "!a/one.txt", "first fixture entry\n"), (sevenZip + "!b/two.txt", "second fixture entry\n")],
            entries);
    }

    [Fact]
    public void A_gzip_file_is_one_entry_named_after_the_file()
    {
        var path = folder.File("cables.csv.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            gzip.Write("\"1\",\"row\""u8);

        var (entries, errors) = Scan(path);

        Assert.Empty(errors);
        Assert.Equal("\"1\",\"row\"", Assert.Single(entries).Content);
        Assert.EndsWith("!cables.csv", entries[0].Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_is_one_line()
    {
        var missing = Path.Combine(folder.Path, "nowhere.zip");
        var (entries, errors) = Scan(missing);

        Assert.Empty(entries);
        Assert.Equal($"{missing}: no such file or folder.", Assert.Single(errors));
        Assert.Equal([$"{missing}: no such file or folder."], InputScanner.MissingPaths([missing, folder.Path]));
    }

    [Fact]
    public void A_file_named_as_an_archive_that_is_not_one_is_refused()
    {
        var fake = folder.File("release.zip");
        File.WriteAllText(fake, "just some text, not a zip");

        var (entries, errors) = Scan(fake);

        Assert.Empty(entries);
        Assert.Equal($"{fake}: not a zip archive (its first bytes carry no archive signature); skipped.", Assert.Single(errors));
    }

    [Fact]
    public void A_corrupted_archive_yields_what_precedes_the_damage_then_one_line()
    {
        var whole = Zip("whole.zip", ("a.txt", "first entry"), ("b.txt", new string('b', 50_000) + RandomText(50_000)), ("c.txt", "third"));
        var bytes = File.ReadAllBytes(whole);
        var cut = folder.File("cut.zip");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        var (entries, errors) = Scan(cut);

        Assert.Equal("first entry", entries[0].Content);
        Assert.DoesNotContain(entries, e => e.Path.EndsWith("c.txt", StringComparison.Ordinal));
        var error = Assert.Single(errors);
        Assert.StartsWith($"{cut}: corrupted zip archive", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void Garbage_after_an_archive_signature_is_a_corrupted_archive()
    {
        var garbage = folder.File("garbage.7z");
        File.WriteAllBytes(garbage, [.. (byte[])[(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C], .. Encoding.ASCII.GetBytes(RandomText(300))]);

        var (entries, errors) = Scan(garbage);

        Assert.Empty(entries);
        Assert.StartsWith($"{garbage}: corrupted 7z archive", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/cron.d/evil")]
    [InlineData("/etc/passwd")]
    [InlineData("pages/../../outside.html")]
    [InlineData("C:\\Windows\\evil.html")]
    public void An_entry_that_escapes_the_archive_is_skipped_with_one_line(string name)
    {
        var zip = Zip("escape.zip", ("pages/ok.html", "OK"), (name, "EVIL"));

        var (entries, errors) = Scan(zip);

        Assert.Equal("OK", Assert.Single(entries).Content);
        Assert.Equal($"{zip}: entry '{name}' escapes the archive's folder (an absolute path or '..'); skipped.", Assert.Single(errors));
    }

    [Fact]
    public void A_zip_bomb_is_stopped_by_the_expansion_ratio()
    {
        var path = folder.File("bomb.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var entry = zip.CreateEntry("zeros.txt", CompressionLevel.SmallestSize).Open())
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 8; i++)
                entry.Write(zeros);
        }

        var (entries, errors) = Scan(new ArchiveLimits { RatioGraceBytes = 1 << 20, MaxRatio = 50 }, path);

        // The entry was cut off while being read, so it never reached the consumer.
        Assert.Empty(entries);
        Assert.Matches(@"^.*bomb\.zip: expands more than 50× its [\d,]+ bytes; stopped reading it \(a zip bomb\?\)\.$", Assert.Single(errors));
    }

    [Fact]
    public void An_archive_expanding_past_the_size_limit_is_stopped()
    {
        var zip = Zip("large.zip", ("a.txt", RandomText(300_000)), ("b.txt", RandomText(300_000)), ("c.txt", RandomText(300_000)));

        var (entries, errors) = Scan(new ArchiveLimits { MaxExpandedBytes = 500_000 }, zip);

        Assert.True(entries.Count < 3);
        Assert.Equal($"{zip}: expands past 500,000 bytes; stopped reading it (a zip bomb?).", Assert.Single(errors));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void An_unreadable_file_is_one_line()
    {
        string path;
        if (Environment.IsPrivilegedProcess)
        {
            // Root reads any file whatever its mode; this one fails to read for everyone (reading address 0 of a process).
            path = "/proc/self/mem";
        }
        else
        {
            path = folder.File("locked.txt");
            File.WriteAllText(path, "secret");
            File.SetUnixFileMode(path, UnixFileMode.None);
        }

        var (entries, errors) = Scan(path);

        Assert.Empty(entries);
        Assert.StartsWith($"{path}: cannot be read (", Assert.Single(errors), StringComparison.Ordinal);
    }

    private static void WriteTar(string path, bool compress, params (string Entry, string Content)[] entries)
    {
        using var file = File.Create(path);
        using Stream target = compress ? new GZipStream(file, CompressionLevel.Fastest) : file;
        using var tar = new TarWriter(target, TarEntryFormat.Pax);
        foreach (var (entry, content) in entries)
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entry) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
    }

    private static string RandomText(int length)
    {
        var random = new Random(length);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = (char)r.Next('!', '~');
        });
    }
}
