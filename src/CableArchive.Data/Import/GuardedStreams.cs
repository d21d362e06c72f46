namespace CableArchive.Data.Import;

/// <summary>An archive expanded past <see cref="ArchiveLimits"/>: most likely a zip bomb.</summary>
internal sealed class ArchiveLimitException(string message) : IOException(message);

/// <summary>A read-only pass-through stream that counts the bytes read through it.</summary>
internal sealed class CountingStream(Stream inner, Action<long> onRead) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        onRead(read);
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>
/// Counts what the entries of one archive expand to and stops reading, with <see cref="ArchiveLimitException"/>,
/// once the total passes the archive's limits. It counts bytes actually decompressed: the sizes an archive declares may lie.
/// </summary>
internal sealed class ExpansionBudget(string archivePath, long compressedBytes, ArchiveLimits limits)
{
    public long Expanded { get; private set; }

    public void Add(long bytes)
    {
        Expanded += bytes;
        if (Expanded > limits.MaxExpandedBytes)
            throw new ArchiveLimitException($"{archivePath}: expands past {limits.MaxExpandedBytes:N0} bytes; stopped reading it (a zip bomb?).");
        if (Expanded > limits.RatioGraceBytes && Expanded > limits.MaxRatio * Math.Max(1, compressedBytes))
            throw new ArchiveLimitException($"{archivePath}: expands more than {limits.MaxRatio:0}× its {compressedBytes:N0} bytes; stopped reading it (a zip bomb?).");
    }

    public Stream Guard(Stream entry) => new CountingStream(entry, Add);
}

/// <summary>Replays bytes already peeked at, then the rest of the stream.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
{
    private int offset;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (offset < prefix.Length)
        {
            var count = Math.Min(buffer.Length, prefix.Length - offset);
            prefix.Span.Slice(offset, count).CopyTo(buffer);
            offset += count;
            return count;
        }

        return rest.Read(buffer);
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
