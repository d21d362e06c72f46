using CableArchive.Domain;

namespace CableArchive.Parsing.Containers;

/// <summary>
/// A cable's text as the parser reads it, one string: the routing header, a blank line, then the body (the body alone when
/// there is no header), so that every span of the parse points into the same string.
/// </summary>
/// <param name="Text">The text.</param>
/// <param name="HeaderLength">The header's length; it starts the text.</param>
/// <param name="BodyStart">Where the body starts; it runs to the end.</param>
/// <param name="Body">The body as a string of its own when one was at hand, else null.</param>
internal readonly record struct CableText(string Text, int HeaderLength, int BodyStart, string? Body)
{
    /// <summary>The text of <paramref name="header"/> and <paramref name="body"/> from <paramref name="bodyStart"/> on.</summary>
    public static CableText Join(ReadOnlySpan<char> header, string body, int bodyStart)
    {
        if (header.IsEmpty)
        {
            var bodyOnly = bodyStart == 0 ? body : body[bodyStart..];
            return new CableText(bodyOnly, 0, 0, bodyOnly);
        }

        return new CableText(string.Concat(header, "\n\n", body.AsSpan(bodyStart)), header.Length, header.Length + 2, bodyStart == 0 ? body : null);
    }

    /// <summary>
    /// The text of a header and a body that both lie in <paramref name="source"/>. A raw text usually reads header, blank
    /// line, body already, and is then the cable text itself, with no copy.
    /// </summary>
    public static CableText Within(string source, TextSpan header, int bodyStart)
    {
        if (header.Start == 0 && header.Length > 0 && bodyStart == header.End + 2 && source.AsSpan(header.End, 2) is "\n\n")
            return new CableText(source, header.Length, bodyStart, null);
        return Join(source.AsSpan(header.Start, header.Length), source, bodyStart);
    }
}
