using CableArchive.Domain;
using CableArchive.Parsing.Header;

namespace CableArchive.Parsing.Containers;

/// <summary>
/// Splits raw cable text, routing header lines then body, at the banner that starts the body (cable-format notes §3.1),
/// as one cables.csv row's header and body columns would hold it.
/// </summary>
internal static class CableTextSplitter
{
    /// <summary>
    /// Splits <paramref name="text"/> (LF newlines) from <paramref name="start"/> on into the routing header and the body.
    /// Text that does not start with routing lines has no header, whatever banners it holds further down (a repeated
    /// telegram quotes one, §8.8).
    /// </summary>
    /// <returns>The header's span (blank lines around it left out) and where the body starts.</returns>
    public static (TextSpan Header, int BodyStart) Split(string text, int start)
    {
        if (!StartsWithRoutingLines(text, start))
            return (new TextSpan(start, 0), start);

        var bodyStart = FindBanner(text, start, requireComplete: true);
        if (bodyStart < 0)
            bodyStart = FindBanner(text, start, requireComplete: false);
        if (bodyStart < 0)
            bodyStart = EndOfAddresses(text, start);

        var header = text.AsSpan(start, bodyStart - start);
        var trimmed = header.TrimStart('\n');
        return (new TextSpan(start + header.Length - trimmed.Length, trimmed.TrimEnd().Length), bodyStart);
    }

    /// <summary>
    /// Whether the first line is a routing line (§2), the old printout's office distribution (§2.1.3), or a banner that
    /// routing lines follow (old printouts put one on top: <c>UNCLASSIFIED STATE 00100153</c> / <c>O 251814Z SEP 09</c>).
    /// </summary>
    private static bool StartsWithRoutingLines(string text, int start)
    {
        var position = ContainerText.SkipBlankLines(text, start);
        var line = ContainerText.LineAt(text, position, out var next).Trim();
        return HeaderParser.IsRoutingLine(line)
            || line.StartsWith("ACTION ", StringComparison.Ordinal) || line.StartsWith("ORIGIN ", StringComparison.Ordinal)
            || (BannerLine.MatchClassificationWord(line, out _, out _) > 0 && NextLineIsRouting(text, next));
    }

    /// <summary>
    /// The start of the first banner that is not part of the header. A complete banner has origin words and a serial; failing
    /// that, a spaced classification word (<c>S E C R E T</c>) alone, a form no header line takes. A banner followed by
    /// routing lines belongs to the header (§2.1.3).
    /// </summary>
    private static int FindBanner(string text, int start, bool requireComplete)
    {
        for (var lineStart = start; lineStart < text.Length;)
        {
            var line = ContainerText.LineAt(text, lineStart, out var next);
            if (BannerLine.TryRead(line, out var banner) && (requireComplete ? banner.IsComplete : banner.Spaced)
                && !NextLineIsRouting(text, next))
                return lineStart;
            lineStart = next;
        }

        return -1;
    }

    private static bool NextLineIsRouting(string text, int position)
    {
        position = ContainerText.SkipBlankLines(text, position);
        return position < text.Length && HeaderParser.IsRoutingLine(ContainerText.LineAt(text, position, out _));
    }

    /// <summary>
    /// Where no banner is found (a fragment, J2), the header runs to the first blank line after the address lines
    /// (FM, TO, INFO), or to the end when no blank line follows them.
    /// </summary>
    private static int EndOfAddresses(string text, int start)
    {
        var sawAddresses = false;
        for (var lineStart = start; lineStart < text.Length;)
        {
            var line = ContainerText.LineAt(text, lineStart, out var next).Trim();
            if (line.IsEmpty && sawAddresses)
                return lineStart;
            if (line.StartsWith("FM ", StringComparison.Ordinal) || line.StartsWith("TO ", StringComparison.Ordinal)
                || line.StartsWith("INFO ", StringComparison.Ordinal))
                sawAddresses = true;
            lineStart = next;
        }

        return text.Length;
    }
}
