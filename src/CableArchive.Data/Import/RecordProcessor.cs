using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CableArchive.Domain;
using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;
using CableArchive.Parsing;
using CableArchive.Parsing.Containers;
using CableArchive.Parsing.Identity;

namespace CableArchive.Data.Import;

/// <summary>
/// A unit of parsing work: the bytes of a one-record file or entry (unwrapped on the parser thread), or a cables.csv
/// row the reader thread already unwrapped.
/// </summary>
/// <param name="Path">The file or archive entry; its extension is the container reader's hint.</param>
/// <param name="Bytes">The record's bytes, when the parser thread unwraps it.</param>
/// <param name="Document">The record already unwrapped.</param>
/// <param name="Provenance">Where and when the record first entered the archive, when it is being re-parsed; null for a fresh read.</param>
internal sealed record WorkItem(string Path, byte[]? Bytes, CableDocument? Document, Provenance? Provenance = null);

/// <summary>
/// The original place and run of a record that <c>reparse</c> reads back from the archive. A fixed quarantined record
/// keeps its place but is credited to the run that imports it (null run and time).
/// </summary>
internal sealed record Provenance(RecordOrigin Origin, long? ImportRunId, DateTime? ImportedAt);

/// <summary>
/// Turns records into rows on the parser threads: parses each with <see cref="CableParser"/>, checks the rules a cable
/// must meet to enter the archive, and flattens it into <see cref="StagedCable"/>, or sets it aside as
/// <see cref="StagedQuarantine"/> with its reason and raw bytes. Never throws on content.
/// </summary>
internal static class RecordProcessor
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ProcessedRecord[] Process(WorkItem item)
    {
        if (item.Document is { } document)
            return [WithProvenance(FromDocument(document, RawOf(document)), item.Provenance)];

        var bytes = item.Bytes ?? [];
        List<CableDocument> documents;
        try
        {
            documents = CableReader.Read(bytes, item.Path).ToList();
        }
        catch (Exception e)
        {
            return [Quarantine(new RecordOrigin(item.Path, null, null), null, $"the container reader failed: {Describe(e)}", bytes)];
        }

        return documents.Count switch
        {
            0 => [WithProvenance(Quarantine(new RecordOrigin(item.Path, null, null), null, "no cable found in the file", bytes), item.Provenance)],

            // A one-record file keeps its exact bytes; records of a many-record file keep what the reader cut out for them.
            1 => [WithProvenance(FromDocument(documents[0], bytes), item.Provenance)],
            _ => documents.Select(d => FromDocument(d, RawOf(d))).ToArray(),
        };
    }

    // A re-parsed record keeps the place it was first read from and the run that first imported it.
    private static ProcessedRecord WithProvenance(ProcessedRecord record, Provenance? provenance) => (record, provenance) switch
    {
        (_, null) => record,
        (StagedCable cable, { } p) => cable with { Origin = p.Origin, ImportRunId = p.ImportRunId, ImportedAt = p.ImportedAt },
        (StagedQuarantine quarantine, { } p) => quarantine with { Origin = p.Origin },
        _ => record,
    };

    private static byte[] RawOf(CableDocument document) =>
        Encoding.UTF8.GetBytes(document.RawRecord ?? (document.Header.Length == 0 ? document.Body : document.Header + "\n\n" + document.Body));

    internal static ProcessedRecord FromDocument(CableDocument document, byte[] raw)
    {
        var origin = new RecordOrigin(document.Source.Path, document.Source.Row, document.Source.Offset);
        Cable cable;
        try
        {
            cable = CableParser.Parse(document);
        }
        catch (Exception e)
        {
            return Quarantine(origin, document.Source.Format, $"the parser failed: {Describe(e)}", raw);
        }

        if (!cable.IsCable)
        {
            var error = cable.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.Message ?? "the parser found no cable";
            return Quarantine(origin, document.Source.Format, "not a cable: " + error, raw);
        }

        if (string.IsNullOrWhiteSpace(cable.Id))
            return Quarantine(origin, document.Source.Format, "no reference id: neither the text nor its container gives one", raw);

        return Stage(cable, origin, raw);
    }

    internal static StagedQuarantine Quarantine(RecordOrigin origin, CableFormat? format, string reason, byte[] raw) => new()
    {
        Origin = origin with { Path = Storable(origin.Path)! },
        Format = format,
        Reason = Storable(reason)!,
        Raw = raw,
        RawSha256 = SHA256.HashData(raw),
    };

    internal static StagedCable Stage(Cable cable, RecordOrigin origin, byte[] raw)
    {
        var text = Storable(cable.Text)!;
        var textBytes = Encoding.UTF8.GetBytes(text);
        var banner = cable.Classification;
        var unmarkedBanner = ReadRule.BannerForUnmarked(banner, cable.Paragraphs.Select(p => p.Marking).Concat(cable.Subject is { } s ? [s.Marking] : []));
        var header = cable.Header;
        var references = cable.References
            .Select(r => new StagedReference(Storable(r.Label), Storable(r.Raw)!, (short)r.Kind, r.Kind == ReferenceKind.Cable ? Storable(r.CableId) : null, false))
            .ToList();

        // cables.csv lists referenced ids in a column of its own; keep those the REF line does not already give.
        foreach (var listed in cable.Metadata?.ReferencedIds ?? [])
        {
            var id = ReferenceIds.Canonicalize(listed) ?? listed;
            if (!references.Any(r => string.Equals(r.TargetReferenceId, id, StringComparison.OrdinalIgnoreCase)))
                references.Add(new StagedReference(null, Storable(listed)!, (short)ReferenceKind.Cable, Storable(id), true));
        }

        return new StagedCable
        {
            ReferenceId = Storable(cable.Id)!,
            TextSha256 = SHA256.HashData(textBytes),
            Utf8Text = textBytes,
            RawRecord = raw.AsSpan().SequenceEqual(textBytes) ? null : raw,
            Origin = origin with { Path = Storable(origin.Path)! },
            Format = cable.Source.Format,
            ReleasedAt = Utc(cable.Metadata?.Released),
            DiagnosticsJson = DiagnosticsJson(cable.Diagnostics),
            Aliases = cable.Aliases.Where(a => !string.Equals(a, cable.Id, StringComparison.Ordinal)).Select(a => Storable(a)!).Distinct().ToArray(),
            CreatedAt = Utc(cable.Created),
            Post = Storable(cable.Origin),
            Classification = banner?.ToString(),
            ClassificationLevel = banner is null ? null : (short)banner.Level,
            ClassificationCaveats = banner?.Caveats.Select(c => Storable(c.Code)!).ToArray() ?? [],
            Precedence = Storable(header?.Precedence),
            DateTimeGroup = Storable(header?.DateTimeGroup),
            FromAddressee = Storable(header?.From?.Name),
            ToAddressees = header?.To.Select(a => Storable(a.Name)!).ToArray() ?? [],
            InfoAddressees = header?.Info.Select(a => Storable(a.Name)!).ToArray() ?? [],
            Captions = cable.Captions.Select(c => Storable(c.Text)!).ToArray(),
            ExecutiveOrder = Storable(cable.ExecutiveOrder?.Raw),
            DeclassifyOn = cable.ExecutiveOrder?.DeclassifyOn,
            Partial = cable.Partial,
            RedactionCount = cable.Redactions.Count,
            Subject = cable.Subject is { } subject ? Portion(subject.Marking, unmarkedBanner, subject.Text, subject.Span, null, 0) : null,
            Paragraphs = cable.Paragraphs.Select(p => Portion(p.Marking, unmarkedBanner, p.Text, p.Span, p.Number, p.Level)).ToArray(),
            Tags = cable.Tags.Select(t => new StagedTag(Storable(t.Code)!, (short)t.Kind)).ToArray(),
            References = references.ToArray(),
        };
    }

    /// <summary>
    /// A portion in the columns search filters on before it matches: the mark as read, and the label the read rule
    /// applies (its own when marked, the banner's when unmarked or unreadable, TOP SECRET//UNKNOWN when there is no banner).
    /// The banner given is the one unmarked portions take (<see cref="ReadRule.BannerForUnmarked"/>).
    /// </summary>
    internal static StagedPortion Portion(PortionMarking marking, ClassificationLabel? banner, string text, TextSpan span, string? number, int depth)
    {
        var effective = marking.EffectiveLabel(banner);
        var own = marking.Status == MarkingStatus.Marked ? marking.Label : null;
        return new StagedPortion(
            Storable(number),
            (short)depth,
            (short)marking.Status,
            Storable(marking.Raw),
            own is null ? null : (short)own.Level,
            own?.Caveats.Select(c => Storable(c.Code)!).ToArray() ?? [],
            (short)effective.Level,
            effective.RestrictiveCaveats.Select(c => Storable(c.Code)!).ToArray(),
            Encoding.UTF8.GetBytes(Storable(text)!),
            span.Start,
            span.Length);
    }

    private static string DiagnosticsJson(IReadOnlyList<Diagnostic> diagnostics)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var diagnostic in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("severity", diagnostic.Severity.ToString());
                json.WriteNumber("line", diagnostic.Line);
                json.WriteString("message", Storable(diagnostic.Message));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return StrictUtf8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The text with NUL and unpaired surrogates replaced by U+FFFD, which PostgreSQL can store; same length, so spans still hold.</summary>
    internal static string? Storable(string? text)
    {
        // PostgreSQL text holds neither NUL nor unpaired surrogates (which no UTF-8 encodes); both searches are vectorised.
        if (text is null || (text.AsSpan().IndexOf('\0') < 0 && text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0))
            return text;

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c == '\0')
                chars[i] = '\uFFFD';
            else if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                chars[i] = '\uFFFD';
        }

        return new string(chars);
    }

    private static DateTime? Utc(DateTime? value) => value is { } v
        ? v.Kind switch { DateTimeKind.Utc => v, DateTimeKind.Local => v.ToUniversalTime(), _ => DateTime.SpecifyKind(v, DateTimeKind.Utc) }
        : null;

    private static string Describe(Exception e) => $"{e.GetType().Name}: {ArchiveDatabase.OneLine(e)}";
}
