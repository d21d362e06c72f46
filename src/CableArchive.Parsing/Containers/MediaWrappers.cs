using CableArchive.Domain;
using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;

namespace CableArchive.Parsing.Containers;

/// <summary>
/// The foreign wrappers that media partners put around cable text and WikiLeaks re-imported (cable-format notes §1.4):
/// a day/time line, an <c>ID:</c> key/value block, a <c>&lt;&lt;nnn&gt;&gt;</c> block with the cables.csv fields one per
/// line, and the tab-separated record. None of them is cable text; what they say about the cable fills the metadata
/// the container does not give.
/// </summary>
internal static class MediaWrappers
{
    /// <summary>Wrappers nest at most a few deep (a day line before an ID block); more is text, not wrappers.</summary>
    private const int MaxWrappers = 4;

    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>
    /// Skips the wrappers at <paramref name="start"/> in <paramref name="text"/> and returns the offset where the cable text
    /// starts (<paramref name="start"/> when there is no wrapper). Each skipped wrapper is reported as Info.
    /// </summary>
    public static int Skip(string text, int start, List<Diagnostic> diagnostics, ref ContainerMetadata? metadata)
    {
        var contentStart = start;
        for (var count = 0; count < MaxWrappers; count++)
        {
            var lineStart = ContainerText.SkipBlankLines(text, contentStart);
            var line = ContainerText.LineAt(text, lineStart, out var nextLine);

            if (IsDayTimeLine(line))
            {
                // §1.4: Wednesday, 29 November 2000, 13:59 (119 of 1,295 Cablegate bodies).
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Info, 0, $"Skipped a media-partner date line before the cable: '{line}'."));
                contentStart = nextLine;
            }
            else if (IsRecordNumberLine(line))
            {
                contentStart = SkipFieldLines(text, nextLine, ref metadata);
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Info, 0, $"Skipped a media-partner {line} block (the cables.csv fields one per line) before the cable."));
            }
            else if (line.StartsWith("ID:", StringComparison.Ordinal))
            {
                contentStart = SkipKeyValueBlock(text, lineStart, ref metadata);
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Info, 0, "Skipped a media-partner ID:/ORIGIN:/DESTINATION: block before the cable."));
            }
            else if (TryReadTabSeparatedRecord(line, ref metadata, out var recordContent))
            {
                // §1.4, A11: date, id, origin, classification, references, then header and body on the same line and after.
                contentStart = lineStart + recordContent;
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Info, 0, "Read a tab-separated record wrapper (date, id, origin, classification, references) before the cable."));
            }
            else
            {
                break;
            }
        }

        return contentStart;
    }

    /// <summary>
    /// Drops a day/time line that ends <paramref name="header"/>: in raw text the media copies put it between the routing
    /// lines and the banner (§1.4), where it would be read as an addressee.
    /// </summary>
    public static TextSpan WithoutTrailingDateLine(string text, TextSpan header, List<Diagnostic> diagnostics)
    {
        var headerText = text.AsSpan(header.Start, header.Length);
        var lastLineStart = headerText.LastIndexOf('\n') + 1;
        var lastLine = headerText[lastLineStart..];
        if (!IsDayTimeLine(lastLine))
            return header;
        diagnostics.Add(new Diagnostic(DiagnosticSeverity.Info, 0, $"Skipped a media-partner date line before the cable: '{lastLine.Trim()}'."));
        return new TextSpan(header.Start, headerText[..lastLineStart].TrimEnd().Length);
    }

    /// <summary><c>Thursday, 03 April 2008, 12:23</c>: a weekday and a comma, and a time at the end.</summary>
    private static bool IsDayTimeLine(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        var comma = line.IndexOf(',');
        if (comma < 0 || line.Length > 60 || line.Length < 8 || line[^3] != ':' || !char.IsAsciiDigit(line[^1]))
            return false;
        foreach (var weekday in Weekdays)
        {
            if (line[..comma].Equals(weekday, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    /// <summary><c>&lt;&lt;218634&gt;&gt;</c>: the record number of the media copy.</summary>
    private static bool IsRecordNumberLine(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        return line.Length > 4 && line.StartsWith("<<", StringComparison.Ordinal) && line.EndsWith(">>", StringComparison.Ordinal)
            && !line[2..^2].ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>
    /// After <c>&lt;&lt;nnn&gt;&gt;</c>: date, id, origin, classification and referenced ids, one per line (A10). Each is taken
    /// only if it has its shape, so a shorter block ends early rather than swallowing cable text.
    /// </summary>
    private static int SkipFieldLines(string text, int position, ref ContainerMetadata? metadata)
    {
        var found = new ContainerMetadata();
        var line = ContainerText.LineAt(text, position, out var next);
        if (ContainerFields.ParseDate(line) is { } created)
        {
            found = found with { Created = created };
            position = next;
            line = ContainerText.LineAt(text, position, out next);
        }

        if (ContainerFields.IsReferenceId(line.Trim()))
        {
            found = found with { Id = new string(line.Trim()) };
            position = next;
            line = ContainerText.LineAt(text, position, out next);
        }

        if (!line.Trim().IsEmpty && ClassificationLabel.Parse(line) is null && !line.ContainsAnyInRange('0', '9') && line.Length < 60)
        {
            found = found with { Origin = new string(line.Trim()) };
            position = next;
            line = ContainerText.LineAt(text, position, out next);
        }

        if (ClassificationLabel.Parse(line.Trim()) is not null)
        {
            found = ContainerFields.WithClassification(found, line);
            position = next;
            line = ContainerText.LineAt(text, position, out next);
        }

        if (!line.Trim().IsEmpty && IsReferenceList(line.Trim()))
        {
            found = found with { ReferencedIds = ContainerFields.SplitReferencedIds(line) };
            position = next;
        }

        metadata = ContainerFields.Fill(metadata, found);
        return position;
    }

    /// <summary>
    /// <c>ID: 190648</c> / <c>ORIGIN: 09KUWAIT110</c> / <c>DATE:</c> / <c>SOURCE:</c> / <c>CLASSIFICATION:</c> / <c>MISC:</c> /
    /// <c>DESTINATION:</c> (A9), up to the first blank line. DESTINATION holds the header glued without newlines: it is not read.
    /// </summary>
    private static int SkipKeyValueBlock(string text, int position, ref ContainerMetadata? metadata)
    {
        var found = new ContainerMetadata();
        while (position < text.Length)
        {
            var line = ContainerText.LineAt(text, position, out var next);
            if (line.Trim().IsEmpty)
                break;
            position = next;

            var value = line[(line.IndexOf(':') + 1)..].Trim();
            if (line.StartsWith("ORIGIN:", StringComparison.Ordinal) && ContainerFields.IsReferenceId(value))
                found = found with { Id = new string(value) };
            else if (line.StartsWith("DATE:", StringComparison.Ordinal) && ContainerFields.ParseDate(value) is { } created)
                found = found with { Created = created };
            else if (line.StartsWith("SOURCE:", StringComparison.Ordinal) && !value.IsEmpty && !IsRedacted(value))
                found = found with { Origin = new string(value) };
            else if (line.StartsWith("CLASSIFICATION:", StringComparison.Ordinal) && !IsRedacted(value))
                found = ContainerFields.WithClassification(found, value);
            else if (line.StartsWith("MISC:", StringComparison.Ordinal) && IsReferenceList(value))
                found = found with { ReferencedIds = ContainerFields.SplitReferencedIds(value) };
        }

        metadata = ContainerFields.Fill(metadata, found);
        return position;
    }

    private static bool TryReadTabSeparatedRecord(ReadOnlySpan<char> line, ref ContainerMetadata? metadata, out int contentStart)
    {
        contentStart = 0;
        Span<Range> fields = stackalloc Range[6];
        if (line.Split(fields, '\t') < 6)
            return false;
        var created = ContainerFields.ParseDate(line[fields[0]]);
        var id = line[fields[1]].Trim();
        if (created is null || !ContainerFields.IsReferenceId(id))
            return false;

        var found = new ContainerMetadata { Created = created, Id = new string(id), Origin = new string(line[fields[2]].Trim()) };
        found = ContainerFields.WithClassification(found, line[fields[3]]);
        found = found with { ReferencedIds = ContainerFields.SplitReferencedIds(line[fields[4]]) };
        metadata = ContainerFields.Fill(metadata, found);
        contentStart = fields[5].Start.GetOffset(line.Length);
        return true;
    }

    private static bool IsReferenceList(ReadOnlySpan<char> text)
    {
        foreach (var range in text.Split('|'))
        {
            if (!ContainerFields.IsReferenceId(text[range].Trim()))
                return false;
        }

        return true;
    }

    private static bool IsRedacted(ReadOnlySpan<char> value) => value.Length >= 4 && !value.ContainsAnyExcept("Xx");
}
