namespace CableArchive.Parsing.Containers;

/// <summary>One record of a cables.csv as bytes, valid until the next read.</summary>
/// <param name="Offset">The byte offset of the record in the file.</param>
/// <param name="Bytes">The record, line breaks included.</param>
/// <param name="StartsRow">Whether it starts like a row (<c>"digits","M/D/YYYY H:MM",</c>); false for text before the first row.</param>
/// <param name="Truncated">Whether the record was longer than the reader keeps and was cut.</param>
internal readonly record struct CsvRawRecord(long Offset, ReadOnlyMemory<byte> Bytes, bool StartsRow, bool Truncated);

/// <summary>
/// Cuts a cables.csv stream into records at the lines that start a row, <c>"digits","M/D/YYYY H:MM",</c> (cable-format notes §1.2,
/// the CSV-rb importer's split). Fields span many lines, so a record runs to the next such line. Cutting on that pattern, not
/// on the quoting, means that a broken quote spoils only its own row: the next row starts a new record whatever came before.
/// </summary>
internal sealed class CsvRecordSplitter(Stream stream, ReadOnlyMemory<byte> head)
{
    /// <summary>Enough of a line to see the whole row-start pattern: a quoted number, a quoted date, a comma.</summary>
    private const int RowStartProbe = 64;

    /// <summary>
    /// The largest record kept whole. The biggest cables are a few hundred KiB (§1.2: bodies above 64 KiB exist); a
    /// record beyond this limit is input without row starts, cut rather than read into memory without end.
    /// </summary>
    private const int MaxRecordBytes = 64 * 1024 * 1024;

    private byte[] buffer = new byte[Math.Max(64 * 1024, head.Length * 2)];
    private int dataEnd;
    private int recordStart;
    private long bufferOffset;
    private bool endOfStream;
    private bool headCopied;

    /// <summary>Reads the next record; false at the end of the input.</summary>
    public bool TryRead(out CsvRawRecord record)
    {
        record = default;
        if (!headCopied)
        {
            head.Span.CopyTo(buffer);
            dataEnd = head.Length;
            headCopied = true;
            SkipByteOrderMark();
        }

        Compact();
        if (!EnsureAvailable(recordStart, RowStartProbe, out _))
            return false;

        // Every record but the first starts at a row start; the first may be text before any row, and a record cut
        // for its size is followed by the rest of it.
        var startsRow = IsRowStartAt(recordStart);
        var scan = recordStart;
        while (true)
        {
            var newline = buffer.AsSpan(scan, dataEnd - scan).IndexOf((byte)'\n');
            if (newline < 0)
            {
                if (endOfStream)
                    return TakeRecord(dataEnd, startsRow, truncated: false, out record);
                if (dataEnd - recordStart >= MaxRecordBytes)
                    return TakeRecord(dataEnd, startsRow, truncated: true, out record);
                scan = dataEnd;
                Fill();
                continue;
            }

            var nextLine = scan + newline + 1;
            if (nextLine - recordStart >= MaxRecordBytes)
                return TakeRecord(nextLine, startsRow, truncated: true, out record);
            if (!EnsureAvailable(nextLine, RowStartProbe, out nextLine))
                return TakeRecord(dataEnd, startsRow, truncated: false, out record);
            if (IsRowStartAt(nextLine))
                return TakeRecord(nextLine, startsRow, truncated: false, out record);
            scan = nextLine;
        }
    }

    private bool TakeRecord(int end, bool startsRow, bool truncated, out CsvRawRecord record)
    {
        record = default;
        if (end <= recordStart)
            return false;
        record = new CsvRawRecord(bufferOffset + recordStart, buffer.AsMemory(recordStart, end - recordStart), startsRow, truncated);
        recordStart = end;
        return true;
    }

    /// <summary>
    /// Makes <paramref name="count"/> bytes from <paramref name="position"/> available (or as many as the stream has);
    /// <paramref name="position"/> moves with the data when the buffer is compacted. False when nothing follows it.
    /// </summary>
    private bool EnsureAvailable(int position, int count, out int movedPosition)
    {
        movedPosition = position;
        while (dataEnd - movedPosition < count && !endOfStream)
        {
            var shift = recordStart;
            Fill();
            movedPosition -= shift - recordStart;
        }

        return movedPosition < dataEnd;
    }

    /// <summary>Reads more of the stream, moving the current record to the start of the buffer and growing it as needed.</summary>
    private void Fill()
    {
        Compact();
        if (dataEnd == buffer.Length)
            Array.Resize(ref buffer, buffer.Length * 2);
        var read = stream.Read(buffer, dataEnd, buffer.Length - dataEnd);
        if (read == 0)
            endOfStream = true;
        dataEnd += read;
    }

    private void Compact()
    {
        if (recordStart == 0)
            return;
        Buffer.BlockCopy(buffer, recordStart, buffer, 0, dataEnd - recordStart);
        dataEnd -= recordStart;
        bufferOffset += recordStart;
        recordStart = 0;
    }

    private void SkipByteOrderMark()
    {
        if (dataEnd >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
            recordStart = 3;
    }

    private bool IsRowStartAt(int position) => IsRowStart(buffer.AsSpan(position, dataEnd - position));

    /// <summary>
    /// Whether a line starts a cables.csv row: <c>"1","12/28/1966 18:48",</c>, a quoted record number, a quoted
    /// <c>M/D/YYYY H:MM</c> date without zero padding, and a comma (§1.2).
    /// </summary>
    public static bool IsRowStart(ReadOnlySpan<byte> line)
    {
        var position = 0;
        return Expect(line, ref position, (byte)'"') && Digits(line, ref position, 1, 12) && Expect(line, ref position, (byte)'"')
            && Expect(line, ref position, (byte)',') && Expect(line, ref position, (byte)'"')
            && Digits(line, ref position, 1, 2) && Expect(line, ref position, (byte)'/')
            && Digits(line, ref position, 1, 2) && Expect(line, ref position, (byte)'/')
            && Digits(line, ref position, 4, 4) && Expect(line, ref position, (byte)' ')
            && Digits(line, ref position, 1, 2) && Expect(line, ref position, (byte)':')
            && Digits(line, ref position, 2, 2) && Expect(line, ref position, (byte)'"') && Expect(line, ref position, (byte)',');
    }

    private static bool Expect(ReadOnlySpan<byte> line, ref int position, byte expected)
    {
        if (position >= line.Length || line[position] != expected)
            return false;
        position++;
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> line, ref int position, int min, int max)
    {
        var start = position;
        while (position < line.Length && position - start < max && line[position] is >= (byte)'0' and <= (byte)'9')
            position++;
        return position - start >= min;
    }
}
