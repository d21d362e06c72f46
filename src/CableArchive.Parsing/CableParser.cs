using CableArchive.Domain;
using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;
using CableArchive.Parsing.Body;
using CableArchive.Parsing.Containers;
using CableArchive.Parsing.Header;
using CableArchive.Parsing.Identity;

namespace CableArchive.Parsing;

/// <summary>
/// The cable parser: turns a cable in any published form into one <see cref="Cable"/>. It never throws on
/// content; anything odd becomes a <see cref="Diagnostic"/>.
/// </summary>
public static class CableParser
{
    /// <summary>Parses every cable in a content (one, or one per row of a cables.csv), detecting the format.</summary>
    /// <param name="stream">The content.</param>
    /// <param name="path">Its path, archive entry or <c>-</c>; the extension is a hint.</param>
    /// <param name="hints">Metadata to assume for every cable, where the container gives none.</param>
    public static IEnumerable<Cable> ParseAll(Stream stream, string path, CableHints? hints = null)
    {
        foreach (var document in CableReader.Read(stream, path))
            yield return Parse(document, hints);
    }

    /// <summary>
    /// Parses every cable in a content held in memory, as <see cref="ParseAll(Stream, string, CableHints?)"/> does, without
    /// copying it: the cables' documents keep <paramref name="content"/>, so it must not change afterwards.
    /// </summary>
    /// <param name="content">The content.</param>
    /// <param name="path">Its path, archive entry or <c>-</c>; the extension is a hint.</param>
    /// <param name="hints">Metadata to assume for every cable, where the container gives none.</param>
    public static IEnumerable<Cable> ParseAll(byte[] content, string path, CableHints? hints = null)
    {
        foreach (var document in CableReader.Read(content, path))
            yield return Parse(document, hints);
    }

    /// <summary>Parses a single content held in a string (the first cable in it, for a cables.csv).</summary>
    public static Cable Parse(string content, string path = "-", CableHints? hints = null)
    {
        return ParseAll(System.Text.Encoding.UTF8.GetBytes(content), path, hints).FirstOrDefault() ?? Parse(new CableDocument(new CableSource(path, null, CableFormat.RawText), "", "", null, []), hints);
    }

    /// <summary>Parses one unwrapped cable document.</summary>
    public static Cable Parse(CableDocument document, CableHints? hints = null)
    {
        var text = document.Text;
        var headerSpan = document.HeaderSpan;
        var bodySpan = document.BodySpan;

        var context = new ParseContext(text);
        context.Diagnostics.AddRange(document.Diagnostics);
        var metadata = document.Metadata;
        if (hints is not null)
            metadata = (metadata ?? new ContainerMetadata()) with { Id = metadata?.Id ?? hints.Id, Created = metadata?.Created ?? hints.Created };

        var (routing, partial) = headerSpan.Length == 0 ? new HeaderParseResult(null, false) : HeaderParser.Parse(context, headerSpan);
        var created = routing?.DateTime ?? metadata?.Created;
        var year = created?.Year;
        var diagnosticsBeforeBody = context.Diagnostics.Count;
        var body = BodyParser.Parse(context, bodySpan, year);
        if (year is null && InferYear(body.ExecutiveOrder) is { } inferred)
        {
            // Read the body again with the year, so that REF ids get it too; its diagnostics only once.
            context.Diagnostics.RemoveRange(diagnosticsBeforeBody, context.Diagnostics.Count - diagnosticsBeforeBody);
            year = inferred;
            body = BodyParser.Parse(context, bodySpan, year);
            context.Report(DiagnosticSeverity.Warning, body.ExecutiveOrder!.Span.Start,
                $"No date-time group and no container date: the year {inferred} is inferred from the declassification date, ten years before it.");
        }

        var id = IdentifyCable(context, body.ClassificationLine, year, metadata, out var aliases);
        var origin = IdentifyOrigin(routing, body.ClassificationLine, metadata);
        var classification = Classify(body, metadata);
        CompareWithContainer(context, metadata, created, classification, origin);

        if (body.ClassificationLine is null && routing is null)
            context.Report(DiagnosticSeverity.Error, -1, "Not a cable: no classification line and no routing header found.");

        return new Cable
        {
            Source = document.Source,
            Text = text,
            HeaderSpan = headerSpan,
            BodySpan = bodySpan,
            Id = id,
            Aliases = aliases,
            Created = created,
            Origin = origin,
            Header = routing,
            Partial = partial,
            ClassificationLine = body.ClassificationLine,
            Classification = classification,
            Captions = body.Captions,
            ExecutiveOrder = body.ExecutiveOrder,
            Tags = body.Tags,
            Subject = body.Subject,
            References = body.References,
            ClassifiedBy = body.ClassifiedBy,
            Paragraphs = body.Paragraphs,
            Summary = body.Summary,
            Comments = body.Comments,
            Signers = body.Signers,
            Redactions = body.Redactions,
            PageBreaks = body.PageBreaks,
            Metadata = metadata,
            Diagnostics = context.Diagnostics,
        };
    }

    /// <summary>
    /// The canonical id comes from the text (banner origin words and serial, with the DTG's year); the container's id,
    /// canonicalised, fills in where the text gives none. Every other spelling seen is kept as an alias.
    /// </summary>
    private static string? IdentifyCable(ParseContext context, ClassificationLine? banner, int? year, ContainerMetadata? metadata, out IReadOnlyList<string> aliases)
    {
        var fromContainer = ReferenceIds.Canonicalize(metadata?.Id);
        var fromText = banner?.OriginWords is { } words && banner.Serial is { } serial && year is { } cableYear
            ? ReferenceIds.FromParts(cableYear, words, serial)
            : null;

        var id = fromText ?? fromContainer;
        if (fromContainer is not null && fromText is not null && !string.Equals(fromContainer, fromText, StringComparison.OrdinalIgnoreCase))
            context.Report(DiagnosticSeverity.Info, banner?.Span.Start ?? -1, $"The container's id {fromContainer} differs from the id the text gives, {fromText}.");

        var others = new List<string>();
        if (metadata?.Id is { Length: > 0 } given && !string.Equals(given, id, StringComparison.OrdinalIgnoreCase))
            others.Add(given);
        if (fromContainer is not null && !string.Equals(fromContainer, id, StringComparison.OrdinalIgnoreCase) && !others.Contains(fromContainer, StringComparer.OrdinalIgnoreCase))
            others.Add(fromContainer);
        aliases = others;
        return id;
    }

    /// <summary>
    /// Partial records carry no date-time group (cable-format notes §2.1.3). E.O. 12958 sets declassification ten years
    /// out by default and at most twenty-five years out, and the archive's cables end in 2010: a date up to 2020 is
    /// taken as ten years out, a later one as twenty-five. Other periods make the guess wrong, which is why it is a
    /// fallback with a warning, never preferred to a DTG or a container date.
    /// </summary>
    private static int? InferYear(ExecutiveOrderLine? executiveOrder) => executiveOrder?.DeclassifyOn?.Year switch
    {
        >= 1976 and <= 2020 and var year => year - 10,
        > 2020 and <= 2035 and var year => year - 25,
        _ => null,
    };

    private static string? IdentifyOrigin(RoutingHeader? routing, ClassificationLine? banner, ContainerMetadata? metadata) =>
        (routing?.From is { } from ? Origins.FromSender(from) : null)
        ?? (banner?.OriginWords is { } words ? Origins.FromOriginWords(words) : null)
        ?? metadata?.Origin;

    /// <summary>
    /// The cable's label: the banner's level with the restrictive captions (NOFORN, EXDIS…) as caveats,
    /// SENSITIVE lifting UNCLAS to SBU (cable-format notes §1.3, §3.2); the container's label where the text has no banner.
    /// </summary>
    private static ClassificationLabel? Classify(BodyParseResult body, ContainerMetadata? metadata)
    {
        if (body.ClassificationLine is not { } line)
            return metadata?.Classification;

        var level = line.Level;
        var caveats = new List<Caveat>(line.Caveats);
        foreach (var caption in body.Captions)
        {
            switch (caption.Kind)
            {
                case CaptionKind.NoForn: caveats.Add(Caveat.NoForn); break;
                case CaptionKind.Exdis: caveats.Add(Caveat.Exdis); break;
                case CaptionKind.Nodis: caveats.Add(Caveat.Nodis); break;
                case CaptionKind.Limdis: caveats.Add(Caveat.Limdis); break;
                case CaptionKind.Stadis: caveats.Add(Caveat.Stadis); break;
                case CaptionKind.Sensitive when level == ClassificationLevel.Unclassified: level = ClassificationLevel.Sbu; break;
            }
        }

        return new ClassificationLabel(level, caveats);
    }

    private static void CompareWithContainer(ParseContext context, ContainerMetadata? metadata, DateTime? created, ClassificationLabel? classification, string? origin)
    {
        if (metadata is null)
            return;
        if (metadata.Created is { } given && created is { } fromText && (given.Date != fromText.Date || given.Hour != fromText.Hour))
            context.Report(DiagnosticSeverity.Warning, -1, $"The container's date {given:yyyy-MM-dd HH:mm} differs from the text's {fromText:yyyy-MM-dd HH:mm}.");
        if (metadata.Classification is { } label && classification is not null && !label.ToWikiLeaksLabel().Equals(classification.ToWikiLeaksLabel(), StringComparison.Ordinal))
            context.Report(DiagnosticSeverity.Warning, -1, $"The container's classification {label.ToWikiLeaksLabel()} differs from the text's {classification.ToWikiLeaksLabel()}.");
        if (metadata.Origin is { } place && origin is not null && !string.Equals(place, origin, StringComparison.OrdinalIgnoreCase))
            context.Report(DiagnosticSeverity.Warning, -1, $"The container's origin {place} differs from the text's {origin}.");
    }
}
