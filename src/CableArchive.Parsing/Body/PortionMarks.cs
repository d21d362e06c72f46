using System.Collections.Concurrent;

using CableArchive.Domain;
using CableArchive.Domain.Classification;

namespace CableArchive.Parsing.Body;

/// <summary>
/// Reads portion marks through <see cref="PortionMarking.Parse"/>, remembering each distinct mark: a few marks — (C), (S),
/// (SBU), (S//NF) — make up nearly all of them (§8.2 counts), so the paragraph loop does not parse the same text again.
/// </summary>
internal static class PortionMarks
{
    // Bounded, so that a stream of garbled marks cannot grow it without limit.
    private const int MaxEntries = 1024;

    private static readonly ConcurrentDictionary<string, PortionMarking?> Known = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, PortionMarking?>.AlternateLookup<ReadOnlySpan<char>> KnownBySpan =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Reads a mark written <paramref name="raw"/>, whose inside is <paramref name="inner"/>, standing at <paramref name="span"/>.</summary>
    /// <param name="raw">The mark as written (the cache key; the same raw text always has the same inside).</param>
    /// <param name="inner">The text to read as the mark.</param>
    /// <param name="span">Where the mark stands in the cable text.</param>
    /// <returns>The marking, or null when the text is not a mark (<c>(U.S.)</c>).</returns>
    public static PortionMarking? Parse(ReadOnlySpan<char> raw, ReadOnlySpan<char> inner, TextSpan span)
    {
        if (!KnownBySpan.TryGetValue(raw, out var known))
        {
            var rawText = raw.ToString();
            known = PortionMarking.Parse(inner, rawText, TextSpan.None) ?? ParseDashed(inner, rawText);
            if (Known.Count < MaxEntries)
                Known.TryAdd(rawText, known);
        }

        return known is null ? null : known with { Span = span };
    }

    // §8.2: "-" is one of the separators ("(S-NF)", "(C-NF)", 5 in CG); read it as "/".
    private static PortionMarking? ParseDashed(ReadOnlySpan<char> inner, string raw)
    {
        var dash = inner.IndexOf('-');
        if (dash <= 0 || dash == inner.Length - 1 || inner.Count('-') != 1)
            return null;
        var slashed = string.Concat(inner[..dash].TrimEnd(), "/", inner[(dash + 1)..].TrimStart());
        return PortionMarking.Parse(slashed, raw, TextSpan.None);
    }

    /// <summary>Whether <paramref name="raw"/> (parentheses included) reads as a mark.</summary>
    public static bool IsMark(ReadOnlySpan<char> raw) =>
        raw.Length > 2 && Parse(raw, raw[1..^1], TextSpan.None) is not null;
}
