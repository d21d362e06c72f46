using System.Collections.Frozen;

using CableArchive.Domain;
using CableArchive.Domain.Classification;

namespace CableArchive.Parsing.Body;

/// <summary>
/// Reads portion marks through <see cref="PortionMarking.Parse"/>. A few marks — (U), (C), (S), (SBU), (S//NF) — make up
/// nearly all of them (§8.2 counts): those are read once, into a table fixed at start-up, so that the paragraph loop does not
/// parse the same text again; the rest are parsed as they come.
/// </summary>
internal static class PortionMarks
{
    private static readonly FrozenDictionary<string, PortionMarking> Common = new[]
    {
        "U", "C", "S", "TS", "SBU", "LOU", "U//FOUO", "S//NF", "S/NF", "C//NF", "C/NF", "S//NOFORN", "C//NOFORN", "SBU//NF", "SBU/NF",
    }.ToFrozenDictionary(inner => inner, inner => PortionMarking.Parse(inner, $"({inner})", TextSpan.None)!, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, PortionMarking>.AlternateLookup<ReadOnlySpan<char>> CommonBySpan =
        Common.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Reads a mark written <paramref name="raw"/>, whose inside is <paramref name="inner"/>, standing at <paramref name="span"/>.</summary>
    /// <param name="raw">The mark as written.</param>
    /// <param name="inner">The text to read as the mark.</param>
    /// <param name="span">Where the mark stands in the cable text.</param>
    /// <returns>The marking, or null when the text is not a mark (<c>(U.S.)</c>).</returns>
    public static PortionMarking? Parse(ReadOnlySpan<char> raw, ReadOnlySpan<char> inner, TextSpan span)
    {
        if (!CommonBySpan.TryGetValue(inner, out var common))
            return PortionMarking.Parse(inner, raw.ToString(), span);
        return common with { Raw = raw.SequenceEqual(common.Raw) ? common.Raw : raw.ToString(), Span = span };
    }

    /// <summary>Whether <paramref name="raw"/> (parentheses included) reads as a mark.</summary>
    public static bool IsMark(ReadOnlySpan<char> raw) =>
        raw.Length > 2 && (CommonBySpan.ContainsKey(raw[1..^1]) || PortionMarking.Parse(raw[1..^1], "", TextSpan.None) is not null);
}
