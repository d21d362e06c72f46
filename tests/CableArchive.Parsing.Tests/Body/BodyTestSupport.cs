using CableArchive.Domain;
using CableArchive.Parsing.Body;

namespace CableArchive.Parsing.Tests.Body;

/// <summary>Runs a hand-written fragment through the body parser, as the brief describes.</summary>
internal static class BodyTestSupport
{
    /// <summary>Parses <paramref name="text"/> as a whole body.</summary>
    public static BodyParseResult Parse(string text, int? year = null) => Parse(text, year, out _);

    /// <summary>Parses <paramref name="text"/> as a whole body and hands back the context with its diagnostics.</summary>
    public static BodyParseResult Parse(string text, int? year, out ParseContext context)
    {
        context = new ParseContext(text);
        return BodyParser.Parse(context, new TextSpan(0, text.Length), year);
    }

    /// <summary>Joins lines with LF, the container's newline.</summary>
    public static string Lines(params string[] lines) => string.Join('\n', lines);

    /// <summary>The text a span points at.</summary>
    public static string At(this string text, TextSpan span) => text.Substring(span.Start, span.Length);
}
