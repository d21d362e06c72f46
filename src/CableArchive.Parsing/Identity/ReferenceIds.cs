using System.Buffers;
using System.Globalization;

namespace CableArchive.Parsing.Identity;

/// <summary>Canonical cable reference ids (cable-format notes §6.3–§6.4): <c>08TOKYO2577</c>.</summary>
public static class ReferenceIds
{
    /// <summary>
    /// Words that WikiLeaks glued in front of the station when it built ids from the classification line (§6.4):
    /// captions, the tail of UNCLASSIFIED (<c>09SIFIEDABUJA1673</c>) and the sender's title (<c>09AMEMBASSYHANOI1284</c>).
    /// Longest first, so that AMEMBASSY is tried before EMBASSY and UNCLASSIFIED before its tails.
    /// </summary>
    private static readonly string[] GluedWords =
        ["UNCLASSIFIED", "USMISSION", "AMEMBASSY", "CLASSIFIED", "AMCONSUL", "ASSIFIED", "SSIFIED", "EMBASSY", "NOFORN", "SIFIED", "UNCLAS", "SIPDIS", "EFTO"];

    private const int MaxIdLength = 100;

    // Ids are upper-cased before they are scanned.
    private static readonly SearchValues<char> AsciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static readonly SearchValues<char> AsciiDigits = SearchValues.Create("0123456789");

    /// <summary>
    /// Canonicalises a reference id as WikiLeaks or cables.csv gives it, repairing the malformed forms
    /// (<c>09SECTION01OF03BRUSSELS1234</c> → <c>09BRUSSELS1234</c>, <c>09EFTOLONDON2468</c> → <c>09LONDON2468</c>).
    /// Returns null when the text is not an id.
    /// </summary>
    public static string? Canonicalize(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength)
            return null;

        var written = id.AsSpan().Trim();
        // PlusD ids add "_a" to the cablegate id (§6.4).
        if (written.EndsWith("_a", StringComparison.OrdinalIgnoreCase))
            written = written[..^2];

        // Punctuation is not part of an id (06PORT-OF-SPAIN123, §6.3): keep letters and digits, upper-cased.
        Span<char> buffer = stackalloc char[written.Length];
        var length = 0;
        foreach (var c in written)
        {
            if (char.IsAsciiLetterOrDigit(c))
                buffer[length++] = char.ToUpperInvariant(c);
        }

        var text = buffer[..length];
        if (text.Length < 3 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1]))
            return null;

        var year = text[..2];
        var rest = text[2..];

        // §6.4 7575LIBREVILLE1895: the year written twice.
        if (rest.Length > 2 && rest.StartsWith(year) && char.IsAsciiLetter(rest[2]))
            rest = rest[2..];

        rest = SkipSectionWords(rest);
        ReadZeroAsLetterO(rest);

        var originLength = rest.IndexOfAnyExcept(AsciiLetters);
        if (originLength <= 0)
            return null;
        var origin = rest[..originLength];
        var afterOrigin = rest[originLength..];

        var serial = LeadingDigits(afterOrigin);
        if (serial.IsEmpty)
            return null;

        // Text glued after the serial (§6.4): an operating signal and a second serial (06MADRID002583ZFR2585 is 06MADRID2583),
        // WikiLeaks' TOSEC numbers (90STATE255577TOSEC140323 is 90STATE255577), or a duplicate notice whose id ends with the
        // cable's own serial (08ACCRA001382SUSPECTEDDUPLICATE1392 is 08ACCRA1392).
        var trailer = afterOrigin[serial.Length..];
        var trailerWordLength = trailer.IndexOfAnyExcept(AsciiLetters);
        if (trailerWordLength > 0 && trailer[..trailerWordLength].Contains("DUPLICATE", StringComparison.Ordinal))
        {
            var lastSerial = LeadingDigits(trailer[trailerWordLength..]);
            if (!lastSerial.IsEmpty)
                serial = lastSerial;
        }

        return string.Concat(year, CanonicalStation(origin), WithoutLeadingZeros(serial));
    }

    /// <summary>Builds an id from a year and a banner's origin words and serial: (2008, "TOKYO", "002577") → <c>08TOKYO2577</c>.</summary>
    public static string? FromParts(int year, string originWords, string serial)
    {
        if (year < 0 || string.IsNullOrEmpty(originWords) || string.IsNullOrEmpty(serial) || originWords.Length > MaxIdLength || serial.Length > 12)
            return null;

        // The station is the origin words without spaces or punctuation (RIO DE JANEIRO → RIODEJANEIRO, §6.3).
        Span<char> letters = stackalloc char[originWords.Length];
        var letterCount = 0;
        foreach (var c in originWords)
        {
            if (char.IsAsciiLetter(c))
                letters[letterCount++] = char.ToUpperInvariant(c);
        }

        if (letterCount == 0)
            return null;

        // §12: the letter O typed for a zero (LAGOS O1512).
        Span<char> digits = stackalloc char[serial.Length];
        var digitCount = 0;
        foreach (var c in serial.AsSpan().Trim())
        {
            var digit = c is 'O' or 'o' ? '0' : c;
            if (!char.IsAsciiDigit(digit))
                return null;
            digits[digitCount++] = digit;
        }

        if (digitCount == 0)
            return null;

        return string.Concat((year % 100).ToString("00", CultureInfo.InvariantCulture), CanonicalStation(letters[..letterCount]), WithoutLeadingZeros(digits[..digitCount]));
    }

    /// <summary>The canonical station for origin letters: glued caption words dropped, then the station table (§6.3).</summary>
    private static string CanonicalStation(ReadOnlySpan<char> origin)
    {
        var station = SkipGluedWords(origin);
        return Stations.Canonicalize(station) ?? new string(station);
    }

    /// <summary>
    /// Skips a mangled <c>SECTION nn OF nn</c> at the start (§6.4: <c>SECTION01OF03</c>, <c>SECTON03OF04</c>, <c>SQCTION02OF02</c>,
    /// <c>SECTION0QF05</c>, <c>01OF02</c>): up to eight letters, one or two digits, one or two letters, one or two digits, then the station.
    /// </summary>
    private static Span<char> SkipSectionWords(Span<char> text)
    {
        var position = Math.Max(0, text.IndexOfAnyExcept(AsciiLetters));
        if (position > 8 || !TrySkipRun(text, ref position, AsciiDigits, 2) || !TrySkipRun(text, ref position, AsciiLetters, 2)
            || !TrySkipRun(text, ref position, AsciiDigits, 2))
            return text;
        return position < text.Length && char.IsAsciiLetter(text[position]) ? text[position..] : text;
    }

    /// <summary>Skips a run of 1 to <paramref name="maxLength"/> characters of <paramref name="values"/>; false when the run is empty or longer.</summary>
    private static bool TrySkipRun(ReadOnlySpan<char> text, ref int position, SearchValues<char> values, int maxLength)
    {
        var run = text[position..].IndexOfAnyExcept(values);
        if (run < 0)
            run = text.Length - position;
        if (run == 0 || run > maxLength)
            return false;
        position += run;
        return true;
    }

    /// <summary>§12: a zero between letters, or before the first letter, is the letter O (<c>0TTAWA</c>, <c>COTON0U</c>).</summary>
    private static void ReadZeroAsLetterO(Span<char> text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] == '0' && char.IsAsciiLetter(text[i + 1]) && (i == 0 || char.IsAsciiLetter(text[i - 1])))
                text[i] = 'O';
        }
    }

    private static ReadOnlySpan<char> SkipGluedWords(ReadOnlySpan<char> origin)
    {
        for (var skipped = true; skipped;)
        {
            skipped = false;
            foreach (var word in GluedWords)
            {
                // Keep at least a short station after the word (EFTOROME, not EFTO alone).
                if (origin.Length >= word.Length + 3 && origin.StartsWith(word, StringComparison.Ordinal))
                {
                    origin = origin[word.Length..];
                    skipped = true;
                    break;
                }
            }
        }

        return origin;
    }

    private static ReadOnlySpan<char> LeadingDigits(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAnyExcept(AsciiDigits);
        return end < 0 ? text : text[..end];
    }

    private static ReadOnlySpan<char> WithoutLeadingZeros(ReadOnlySpan<char> digits)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.IsEmpty ? "0" : trimmed;
    }
}
