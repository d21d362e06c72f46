using System.Text;

namespace CableArchive.Parsing.Containers;

/// <summary>
/// Searches for ASCII markup in the bytes of a page before it is decoded: in UTF-8 and Windows-1252 an ASCII byte only ever
/// stands for that character, so what is found in the bytes is what the decoded text holds.
/// </summary>
internal static class AsciiBytes
{
    /// <summary>
    /// The first occurrence of <paramref name="lowerCase"/> (ASCII, lower case), or else of its upper-case form: one vectorised
    /// search, a second only where the first finds nothing.
    /// </summary>
    public static int IndexOfEitherCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerCase)
    {
        var found = text.IndexOf(lowerCase);
        if (found >= 0)
            return found;
        Span<byte> upperCase = stackalloc byte[lowerCase.Length];
        Ascii.ToUpper(lowerCase, upperCase, out _);
        return text.IndexOf(upperCase);
    }

    /// <summary>Whether <paramref name="text"/> holds <paramref name="value"/> (ASCII), in any mix of cases.</summary>
    public static bool ContainsIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
            return true;
        var first = value[0];
        var lower = (byte)char.ToLowerInvariant((char)first);
        var upper = (byte)char.ToUpperInvariant((char)first);
        for (var start = 0; start + value.Length <= text.Length;)
        {
            var next = text[start..].IndexOfAny(lower, upper);
            if (next < 0 || start + next + value.Length > text.Length)
                return false;
            start += next;
            if (Ascii.EqualsIgnoreCase(text.Slice(start, value.Length), value))
                return true;
            start++;
        }

        return false;
    }

    /// <summary>Whether <paramref name="text"/> starts with <paramref name="value"/> (ASCII), in any mix of cases.</summary>
    public static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value) =>
        text.Length >= value.Length && Ascii.EqualsIgnoreCase(text[..value.Length], value);
}
