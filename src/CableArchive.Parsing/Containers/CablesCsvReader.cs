using System.Globalization;
using System.Text;
using CableArchive.Domain;
using CableArchive.Domain.Cables;
using CsvHelper;

namespace CableArchive.Parsing.Containers;

/// <summary>
/// Streams the cables.csv dump (cable-format notes §1.2): 8 quoted columns, id, <c>M/D/YYYY H:MM</c>, reference id, origin,
/// classification, <c>|</c>-separated referenced ids, header, body; quotes and apostrophes backslash-escaped; fields over
/// many lines and beyond 64 KiB; 250,000+ rows in 1.6 GB. One document per row, read one at a time.
/// </summary>
/// <remarks>
/// <see cref="CsvRecordSplitter"/> cuts the stream at the lines that start a row, so that a row with a broken quote or a
/// wrong column count is a document of its own (with an error) and the rows after it are read as usual. Each row is then
/// parsed by CsvHelper. The dump's dialect is MySQL's <c>ENCLOSED BY '"' ESCAPED BY '\\'</c>; CsvHelper 34 reads quoted
/// fields only in its RFC 4180 mode (its Escape mode has no quoting), so each backslash escape is first rewritten in RFC 4180
/// form: <c>\"</c> becomes <c>""</c>, any other <c>\x</c> becomes <c>x</c>.
/// </remarks>
internal static class CablesCsvReader
{
    private const int ColumnCount = 8;

    public static IEnumerable<CableDocument> Read(Stream stream, ReadOnlyMemory<byte> head, string path)
    {
        var splitter = new CsvRecordSplitter(stream, head);
        var row = 0;
        while (splitter.TryRead(out var record))
        {
            var text = ContainerText.Decode(record.Bytes.Span, out var fellBack);
            if (text.AsSpan().Trim().IsEmpty)
                continue;
            // Rows are numbered as data rows; text that does not start a row (before the first, or the rest of a row cut
            // for its size) has no number of its own.
            int? number = record.StartsRow ? ++row : null;
            yield return ReadRow(text, record, fellBack, number, path);
        }
    }

    private static CableDocument ReadRow(string rawRecord, CsvRawRecord record, bool fellBack, int? row, string path)
    {
        var source = new CableSource(path, row, CableFormat.CablesCsv, record.Offset);
        var diagnostics = new List<Diagnostic>();
        if (fellBack)
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, 0, $"The record at byte {record.Offset} is not valid UTF-8; it was decoded as Windows-1252."));

        var text = ContainerText.Normalize(rawRecord, deletePilcrows: false).TrimEnd('\n');
        if (!record.StartsRow)
            return Broken(source, rawRecord, diagnostics, $"The text at byte {record.Offset} does not start like a cables.csv row (\"id\",\"M/D/YYYY H:MM\",…); it was kept as it is.");
        if (record.Truncated)
            return Broken(source, rawRecord, diagnostics, $"Row {row} (byte {record.Offset}) is longer than the reader keeps; it was cut.");

        if (!TryReadFields(text, out var fields, out var problem))
            return Broken(source, rawRecord, diagnostics, $"Row {row} (byte {record.Offset}) is broken: {problem}. It was kept as it is; the next row is read as usual.");

        var metadata = new ContainerMetadata
        {
            RecordNumber = long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null,
            Created = ContainerFields.ParseDate(fields[1]),
            Id = fields[2].Length > 0 ? fields[2] : null,
            Origin = fields[3].Length > 0 ? fields[3] : null,
            ReferencedIds = ContainerFields.SplitReferencedIds(fields[5]),
        };
        metadata = ContainerFields.WithClassification(metadata, fields[4]);
        if (metadata.Created is null)
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, 0, $"Row {row}: the date '{fields[1]}' is not M/D/YYYY H:MM."));

        var cableText = CableBodies.Unwrap(fields[6], fields[7], diagnostics, ref metadata);
        return new CableDocument(source, cableText, metadata, diagnostics) { RawRecord = rawRecord };
    }

    /// <summary>Parses one row with CsvHelper; false with the reason when it is not 8 well-quoted fields.</summary>
    private static bool TryReadFields(string row, out string[] fields, out string problem)
    {
        fields = [];
        CsvMalformedReason? malformed = null;
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = ',',
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = false,
            TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = found => malformed ??= found.Reason,
        };

        using var reader = CsvReader.FromText(ToRfc4180(row), options);
        if (!reader.Read())
        {
            problem = "it holds no fields";
            return false;
        }

        var values = new string[reader.FieldCount];
        for (var i = 0; i < values.Length; i++)
            values[i] = reader.GetString(i) ?? "";
        var moreRecords = reader.Read();

        if (malformed is { } reason)
        {
            problem = reason switch
            {
                CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
                CsvMalformedReason.TextAfterClosingQuote => "text follows a closing quote (an unescaped quote inside a field)",
                CsvMalformedReason.StrayQuote => "a quote stands inside an unquoted field",
                _ => $"malformed quoting ({reason})",
            };
            return false;
        }

        if (values.Length != ColumnCount || moreRecords)
        {
            problem = moreRecords ? "a line break outside quotes splits it" : $"it has {values.Length} columns, not {ColumnCount}";
            return false;
        }

        fields = values;
        problem = "";
        return true;
    }

    /// <summary>
    /// Rewrites the dump's backslash escapes in RFC 4180 form (§1.2): <c>\"</c> → <c>""</c>, <c>\'</c> → <c>'</c>,
    /// <c>\\</c> → <c>\</c>, and a backslash before a line break keeps the line break.
    /// </summary>
    private static string ToRfc4180(string row)
    {
        var backslash = row.IndexOf('\\');
        if (backslash < 0)
            return row;

        var builder = new StringBuilder(row.Length);
        builder.Append(row, 0, backslash);
        for (var i = backslash; i < row.Length; i++)
        {
            var c = row[i];
            if (c != '\\' || i + 1 == row.Length)
            {
                builder.Append(c);
                continue;
            }

            var escaped = row[++i];
            if (escaped == '"')
                builder.Append('"');
            builder.Append(escaped);
        }

        return builder.ToString();
    }

    private static CableDocument Broken(CableSource source, string rawRecord, List<Diagnostic> diagnostics, string message)
    {
        diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, 0, message));
        var text = ContainerText.Normalize(rawRecord, deletePilcrows: false);
        return new CableDocument(source, "", text, ReadRowStart(text), diagnostics) { RawRecord = rawRecord };
    }

    /// <summary>What a broken row's start still says: its record number and date, which the row-start pattern guarantees.</summary>
    private static ContainerMetadata? ReadRowStart(string text)
    {
        if (!CsvRecordSplitter.IsRowStart(Encoding.ASCII.GetBytes(text[..Math.Min(text.Length, 64)])))
            return null;
        var numberEnd = text.IndexOf('"', 1);
        var dateStart = text.IndexOf('"', numberEnd + 1) + 1;
        var dateEnd = text.IndexOf('"', dateStart);
        return new ContainerMetadata
        {
            RecordNumber = long.TryParse(text.AsSpan(1, numberEnd - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null,
            Created = ContainerFields.ParseDate(text.AsSpan(dateStart, dateEnd - dateStart)),
        };
    }
}
