using CableArchive.Domain;
using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Containers;

/// <summary>
/// The unwrapping every container shares once it has a header and a body (both normalised): the media wrappers at the start
/// of the body are skipped (§1.4), and routing lines before the body's banner are split off. They become the header when the
/// container gives none (a raw text, a cables.csv row with an empty header), and are dropped as a copy when it does (the
/// <c>&lt;&lt;nnn&gt;&gt;</c> media copies repeat the header, A10).
/// </summary>
internal static class CableBodies
{
    /// <summary>Unwraps a container's header and body, given as two strings, into the cable text.</summary>
    public static CableText Unwrap(string header, string body, List<Diagnostic> diagnostics, ref ContainerMetadata? metadata)
    {
        var (bodyHeader, bodyStart) = SplitBody(body, 0, diagnostics, ref metadata);
        var ownHeader = header.AsSpan().Trim('\n').TrimEnd();
        if (bodyHeader.Length == 0)
            return CableText.Join(ownHeader, body, bodyStart);
        if (ownHeader.IsEmpty)
            return CableText.Within(body, bodyHeader, bodyStart);

        ReportDroppedCopy(diagnostics);
        return CableText.Join(ownHeader, body, bodyStart);
    }

    /// <summary>
    /// Unwraps a container's header and body already laid out as a cable text (a page's two blocks): usually that text itself.
    /// </summary>
    public static CableText Unwrap(CableText container, List<Diagnostic> diagnostics, ref ContainerMetadata? metadata)
    {
        var (bodyHeader, bodyStart) = SplitBody(container.Text, container.BodyStart, diagnostics, ref metadata);
        if (container.HeaderLength == 0)
            return CableText.Within(container.Text, bodyHeader, bodyStart);
        if (bodyHeader.Length > 0)
            ReportDroppedCopy(diagnostics);
        return CableText.Within(container.Text, new TextSpan(0, container.HeaderLength), bodyStart);
    }

    /// <summary>The routing lines the body starts with, if any, and where the cable body starts after them.</summary>
    private static (TextSpan Header, int BodyStart) SplitBody(string text, int start, List<Diagnostic> diagnostics, ref ContainerMetadata? metadata)
    {
        var contentStart = MediaWrappers.Skip(text, start, diagnostics, ref metadata);
        var (header, bodyStart) = CableTextSplitter.Split(text, contentStart);
        header = MediaWrappers.WithoutTrailingDateLine(text, header, diagnostics);
        // The body starts at its first line of text: blank lines between header and body belong to neither.
        return (header, ContainerText.SkipBlankLines(text, bodyStart));
    }

    private static void ReportDroppedCopy(List<Diagnostic> diagnostics) =>
        diagnostics.Add(new Diagnostic(DiagnosticSeverity.Info, 0, "The body repeats routing lines before its banner; the container's own header was kept and the copy dropped."));
}
