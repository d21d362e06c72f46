using CableArchive.Domain;
using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Containers;

/// <summary>The unwrapping every container shares once it has a header and a body: wrappers skipped, header lines split off.</summary>
internal static class CableBodies
{
    /// <summary>
    /// Unwraps a container's header and body (both normalised). The media wrappers at the start of the body are skipped
    /// (§1.4), and routing lines before the body's banner are split off: they become the header when the container gives
    /// none (a raw text, a cables.csv row with an empty header), and are dropped as a copy when it does (the
    /// <c>&lt;&lt;nnn&gt;&gt;</c> media copies repeat the header, A10).
    /// </summary>
    public static (string Header, string Body) Unwrap(string header, string body, List<Diagnostic> diagnostics, ref ContainerMetadata? metadata)
    {
        var contentStart = MediaWrappers.Skip(body, diagnostics, ref metadata);
        var (bodyHeader, cableBody) = CableTextSplitter.Split(contentStart == 0 ? body : body[contentStart..]);
        bodyHeader = MediaWrappers.WithoutTrailingDateLine(bodyHeader, diagnostics);
        // The body starts at its first line of text: blank lines between header and body belong to neither.
        var firstLine = ContainerText.SkipBlankLines(cableBody, 0);
        if (firstLine > 0)
            cableBody = cableBody[firstLine..];

        var ownHeader = header.AsSpan().Trim('\n').TrimEnd();
        if (bodyHeader.Length == 0)
            return (new string(ownHeader), cableBody);
        if (ownHeader.IsEmpty)
            return (bodyHeader, cableBody);

        diagnostics.Add(new Diagnostic(DiagnosticSeverity.Info, 0, "The body repeats routing lines before its banner; the container's own header was kept and the copy dropped."));
        return (new string(ownHeader), cableBody);
    }
}
