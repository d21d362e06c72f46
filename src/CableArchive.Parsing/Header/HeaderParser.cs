using CableArchive.Domain;
using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Header;

/// <summary>What the header parser found.</summary>
/// <param name="Header">The routing header, or null when the span holds none.</param>
/// <param name="Partial">Whether the record is a partial extract (cable-format notes §2.1.3).</param>
internal sealed record HeaderParseResult(RoutingHeader? Header, bool Partial);

/// <summary>Reads the routing header FL1–FL8 (cable-format notes §2).</summary>
internal static class HeaderParser
{
    public static HeaderParseResult Parse(ParseContext context, TextSpan headerSpan) => throw new NotImplementedException();
}
