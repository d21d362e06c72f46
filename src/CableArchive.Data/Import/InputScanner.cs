using System.Threading.Channels;
using SharpCompress.Archives.SevenZip;
using SharpCompress.Common;
using SharpCompress.Readers;

namespace CableArchive.Data.Import;

/// <summary>One file, or one entry of an archive, to read records from. <see cref="Content"/> is valid only during the callback.</summary>
/// <param name="Path">The file path, or <c>archive.zip!folder/entry.html</c> for an archive entry.</param>
/// <param name="Content">The (decompressed) content, read once, forward only.</param>
internal sealed record InputEntry(string Path, Stream Content);

/// <summary>The archive formats recognised by their first bytes.</summary>
internal enum ArchiveKind
{
    None,
    Zip,
    SevenZip,
    GZip,
    BZip2,
    Xz,
    Tar,
}

/// <summary>
/// Walks the PATH arguments of an import: files, folders (recursively, in name order) and archives (zip, tar, tar.gz,
/// gz, bz2, xz, 7z, through SharpCompress), handing every file or entry to a callback as a stream, one at a time,
/// so that nothing is held in memory or extracted to disk. Bad inputs are reported as one line each and skipped.
/// </summary>
internal sealed class InputScanner(ArchiveLimits limits, Action<long> onInputBytesRead)
{
    private static readonly (string Extension, ArchiveKind Kind)[] Extensions =
    [
        (".tar.gz", ArchiveKind.GZip), (".tgz", ArchiveKind.GZip), (".tar.bz2", ArchiveKind.BZip2), (".tbz2", ArchiveKind.BZip2),
        (".tar.xz", ArchiveKind.Xz), (".txz", ArchiveKind.Xz), (".zip", ArchiveKind.Zip), (".7z", ArchiveKind.SevenZip),
        (".tar", ArchiveKind.Tar), (".gz", ArchiveKind.GZip), (".bz2", ArchiveKind.BZip2), (".xz", ArchiveKind.Xz),
    ];

    private static ReadOnlySpan<byte> SevenZipSignature => [(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C];

    private static ReadOnlySpan<byte> GZipSignature => [0x1F, 0x8B];

    private static ReadOnlySpan<byte> XzSignature => [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00];

    /// <summary>The paths that do not exist, as one error line each.</summary>
    public static IReadOnlyList<string> MissingPaths(IEnumerable<string> paths) =>
        paths.Where(path => !File.Exists(path) && !Directory.Exists(path)).Select(path => $"{path}: no such file or folder.").ToList();

    /// <summary>The bytes of every file the paths name, for the progress bar's estimate.</summary>
    public static long MeasureBytes(IEnumerable<string> paths)
    {
        long total = 0;
        foreach (var path in paths)
        {
            try
            {
                if (File.Exists(path))
                    total += new FileInfo(path).Length;
                else if (Directory.Exists(path))
                    total += new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The scan reports the unreadable path itself; the estimate just leaves it out.
            }
        }

        return total;
    }

    /// <summary>Calls <paramref name="onEntry"/> for every file and archive entry, <paramref name="onError"/> for every bad input.</summary>
    public void Scan(IEnumerable<string> paths, Action<InputEntry> onEntry, Action<string> onError, CancellationToken cancellationToken)
    {
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Directory.Exists(path))
            {
                IEnumerable<string> files;
                try
                {
                    files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    onError($"{path}: the folder cannot be read ({e.Message}).");
                    continue;
                }

                foreach (var file in files)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    ScanFile(file, onEntry, onError, cancellationToken);
                }
            }
            else if (File.Exists(path))
            {
                ScanFile(path, onEntry, onError, cancellationToken);
            }
            else
            {
                onError($"{path}: no such file or folder.");
            }
        }
    }

    private void ScanFile(string path, Action<InputEntry> onEntry, Action<string> onError, CancellationToken cancellationToken)
    {
        FileStream file;
        try
        {
            // No buffer of the stream's own: a file of one record is read whole in one or two large reads (and a
            // cables.csv in 64 KB ones), and a 64 KB buffer for each file was 45% of all the bytes an import of
            // single-record files allocated. An archive, which its reader reads in small pieces, gets a buffer below.
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            onError($"{path}: cannot be read ({e.Message}).");
            return;
        }

        using var counted = new CountingStream(file, onInputBytesRead);
        try
        {
            var length = file.Length;
            var kind = Sniff(file);
            var claimed = KindFromExtension(path);
            if (kind == ArchiveKind.None && claimed != ArchiveKind.None)
            {
                onError($"{path}: not a {Describe(claimed)} archive (its first bytes carry no archive signature); skipped.");
                return;
            }

            if (kind == ArchiveKind.None)
                onEntry(new InputEntry(path, counted));
            else
                ScanArchive(path, new BufferedStream(counted, 1 << 16), length, kind, onEntry, onError, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not ArchiveLimitException)
        {
            onError($"{path}: cannot be read ({e.Message}).");
        }
    }

    private void ScanArchive(string path, Stream content, long length, ArchiveKind kind, Action<InputEntry> onEntry, Action<string> onError, CancellationToken cancellationToken)
    {
        var budget = new ExpansionBudget(path, length, limits);
        try
        {
            var options = new ReaderOptions { LeaveStreamOpen = true };

            // 7z keeps its directory at the end of the file, so it is opened as an archive (the file is seekable) and
            // read in entry order, which decompresses a solid archive once from start to end.
            using var archive = kind == ArchiveKind.SevenZip ? SevenZipArchive.OpenArchive(content, options) : null;
            using var reader = archive?.ExtractAllEntries() ?? ReaderFactory.OpenReader(content, options);
            while (reader.MoveToNextEntry())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entry = reader.Entry;
                if (entry.IsDirectory)
                    continue;

                // A gzip file holds one stream, named after the file when the header names nothing.
                var key = string.IsNullOrEmpty(entry.Key) ? Path.GetFileNameWithoutExtension(path) : entry.Key;
                if (EscapesArchive(key))
                {
                    onError($"{path}: entry '{key}' escapes the archive's folder (an absolute path or '..'); skipped.");
                    continue;
                }

                if (!string.IsNullOrEmpty(entry.LinkTarget))
                {
                    onError($"{path}: entry '{key}' is a link to '{entry.LinkTarget}', not a file; skipped.");
                    continue;
                }

                using var entryStream = budget.Guard(reader.OpenEntryStream());
                onEntry(new InputEntry($"{path}!{key}", entryStream));

                // Whatever the consumer left unread is still decompressed to reach the next entry: count it too.
                entryStream.CopyTo(Stream.Null);
            }
        }
        catch (ArchiveLimitException e)
        {
            onError(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ChannelClosedException)
        {
            // SharpCompress reports damage with its own exceptions, but also with IOException, InvalidDataException
            // and, on garbage, argument and index errors: whichever, the archive is damaged past this point.
            onError($"{path}: corrupted {Describe(kind)} archive, read up to the damage ({ArchiveDatabase.OneLine(e)}).");
        }
    }

    /// <summary>Whether an entry's name would land outside the folder it was extracted to: absolute, or climbing with <c>..</c>.</summary>
    internal static bool EscapesArchive(string key)
    {
        var normalized = key.Replace('\\', '/');
        if (normalized.StartsWith('/') || (normalized.Length >= 2 && normalized[1] == ':' && char.IsAsciiLetter(normalized[0])))
            return true;
        return normalized.Split('/').Any(segment => segment == "..");
    }

    /// <summary>The archive format a file's first bytes announce.</summary>
    internal static ArchiveKind Sniff(Stream seekable)
    {
        Span<byte> head = stackalloc byte[512];
        var read = seekable.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        seekable.Position = 0;
        head = head[..read];
        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8) || head.StartsWith("PK\u0007\u0008"u8))
            return ArchiveKind.Zip;
        if (head.StartsWith(SevenZipSignature))
            return ArchiveKind.SevenZip;
        if (head.StartsWith(GZipSignature))
            return ArchiveKind.GZip;
        if (head.StartsWith("BZh"u8))
            return ArchiveKind.BZip2;
        if (head.StartsWith(XzSignature))
            return ArchiveKind.Xz;
        if (read >= 262 && head[257..262].SequenceEqual("ustar"u8))
            return ArchiveKind.Tar;
        return ArchiveKind.None;
    }

    internal static ArchiveKind KindFromExtension(string path)
    {
        foreach (var (extension, kind) in Extensions)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                return kind;
        }

        return ArchiveKind.None;
    }

    private static string Describe(ArchiveKind kind) => kind switch
    {
        ArchiveKind.SevenZip => "7z",
        ArchiveKind.GZip => "gzip",
        ArchiveKind.BZip2 => "bzip2",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
