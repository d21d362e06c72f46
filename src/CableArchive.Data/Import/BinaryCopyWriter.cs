using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace CableArchive.Data.Import;

/// <summary>
/// Writes rows in PostgreSQL's binary COPY format (the COPY page of PostgreSQL's manual, "Binary Format") to a raw COPY
/// stream, for the import's bulk tables. Npgsql's <see cref="NpgsqlBinaryImporter"/> binds each value to a parameter and
/// resolves its type converter, which cost the importer about 50 µs a cable, a fifth of its CPU, for some 250 values
/// (docs/scaling.md, session 16). Here each value is written straight into one buffer, big-endian, the way the format
/// lays it out: a field count per row, then per field its length (−1 for NULL) and its bytes.
/// </summary>
/// <remarks>
/// Only the types the import writes are here. A COPY that is not completed is cancelled on disposal, so a failed batch
/// never commits half its rows (a raw COPY stream would otherwise end the COPY and keep them).
/// </remarks>
internal sealed class BinaryCopyWriter : IAsyncDisposable
{
    private const int FlushBytes = 60 * 1024;

    /// <summary>The type of a <c>text[]</c>'s elements (<c>pg_type.oid</c> of <c>text</c>, fixed in every PostgreSQL).</summary>
    private const int TextOid = 25;

    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;

    /// <summary>"PGCOPY\n\377\r\n\0": the bytes, not the UTF-8 of a string holding U+00FF.</summary>
    private static ReadOnlySpan<byte> Signature => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', 0x0A, 0xFF, 0x0D, 0x0A, 0x00];

    private readonly NpgsqlRawCopyStream stream;
    private readonly short fieldCount;
    private byte[] buffer = new byte[FlushBytes + 4096];
    private int length;
    private bool completed;

    private BinaryCopyWriter(NpgsqlRawCopyStream stream, short fieldCount)
    {
        this.stream = stream;
        this.fieldCount = fieldCount;

        // Header: signature, flags (no OIDs), header extension length.
        Bytes(Signature);
        Int32(0);
        Int32(0);
    }

    /// <summary>
    /// Starts <paramref name="copyFromStdinBinary"/>, a <c>COPY table (columns…) FROM STDIN (FORMAT BINARY)</c> that names
    /// its columns, on <paramref name="connection"/>.
    /// </summary>
    public static async Task<BinaryCopyWriter> BeginAsync(NpgsqlConnection connection, string copyFromStdinBinary, CancellationToken cancellationToken)
    {
        var columns = copyFromStdinBinary.AsSpan(copyFromStdinBinary.IndexOf('(') + 1);
        var fieldCount = (short)(columns[..columns.IndexOf(')')].Count(',') + 1);
        return new(await connection.BeginRawBinaryCopyAsync(copyFromStdinBinary, cancellationToken).ConfigureAwait(false), fieldCount);
    }

    /// <summary>Starts a row; one value must follow for each column the COPY names, in its order.</summary>
    public void StartRow()
    {
        if (length >= FlushBytes)
            Flush();
        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(length), fieldCount);
        length += 2;
    }

    public void Null() => Int32(-1);

    public void Boolean(bool value)
    {
        Int32(1);
        Reserve(1);
        buffer[length++] = value ? (byte)1 : (byte)0;
    }

    public void Smallint(short value)
    {
        Int32(2);
        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(length), value);
        length += 2;
    }

    public void Smallint(short? value)
    {
        if (value is { } present)
            Smallint(present);
        else
            Null();
    }

    public void Integer(int value)
    {
        Int32(4);
        Int32(value);
    }

    public void Integer(int? value)
    {
        if (value is { } present)
            Integer(present);
        else
            Null();
    }

    public void Bigint(long value)
    {
        Int32(8);
        Reserve(8);
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(length), value);
        length += 8;
    }

    public void Bigint(long? value)
    {
        if (value is { } present)
            Bigint(present);
        else
            Null();
    }

    /// <summary>A <c>text</c> value (or NULL), UTF-8 encoded.</summary>
    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        Reserve(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var written = Encoding.UTF8.GetBytes(value, buffer.AsSpan(length + 4));
        Int32(written);
        length += written;
    }

    /// <summary>A <c>text</c> value already UTF-8 encoded, or a <c>bytea</c> (or NULL).</summary>
    public void Bytes(byte[]? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        Int32(value.Length);
        Bytes(value.AsSpan());
    }

    /// <summary>A <c>jsonb</c> value: its format version (1), then the JSON text.</summary>
    public void Jsonb(string json)
    {
        Reserve(5 + Encoding.UTF8.GetMaxByteCount(json.Length));
        var written = Encoding.UTF8.GetBytes(json, buffer.AsSpan(length + 5));
        Int32(written + 1);
        buffer[length++] = 1;
        length += written;
    }

    /// <summary>A <c>timestamptz</c>: microseconds since 2000-01-01 UTC.</summary>
    public void TimestampTz(DateTime? value)
    {
        if (value is not { } time)
        {
            Null();
            return;
        }

        if (time.Kind != DateTimeKind.Utc)
            throw new ArgumentException($"A timestamptz must be given in UTC, not {time.Kind}.", nameof(value));
        Bigint((time.Ticks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);
    }

    /// <summary>A <c>date</c>: days since 2000-01-01.</summary>
    public void Date(DateOnly? value)
    {
        if (value is { } day)
            Integer(day.DayNumber - PostgresEpochDay);
        else
            Null();
    }

    /// <summary>A one-dimensional <c>text[]</c> without NULL elements; an empty array has no dimensions.</summary>
    public void TextArray(string[] values)
    {
        var start = length;
        Reserve(4);
        length += 4;
        Int32(values.Length == 0 ? 0 : 1);
        Int32(0);
        Int32(TextOid);
        if (values.Length > 0)
        {
            Int32(values.Length);
            Int32(1);
        }

        foreach (var value in values)
            Text(value);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(start), length - start - 4);
    }

    /// <summary>Ends the data (the trailer) and the COPY, which then holds every row written.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(length), -1);
        length += 2;
        await stream.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        length = 0;
        completed = true;
        await stream.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (completed)
            return;
        completed = true;
        try
        {
            await stream.CancelAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or PostgresException or InvalidOperationException or IOException)
        {
            // The COPY failed or the connection is gone: either way none of its rows are kept.
        }

        await stream.DisposeAsync().ConfigureAwait(false);
    }

    // Rows are built in memory between flushes, and the loops that write them are synchronous, as with NpgsqlBinaryImporter.
    private void Flush()
    {
        stream.Write(buffer, 0, length);
        length = 0;
    }

    private void Int32(int value)
    {
        Reserve(4);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(length), value);
        length += 4;
    }

    private void Bytes(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }

    private void Reserve(int bytes)
    {
        if (length + bytes > buffer.Length)
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + bytes));
    }
}
