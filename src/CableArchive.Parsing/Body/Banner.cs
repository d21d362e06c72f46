using CableArchive.Domain;
using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;

namespace CableArchive.Parsing.Body;

/// <summary>
/// Reads the banner classification line, <c>S E C R E T SECTION 01 OF 02 TOKYO 002577</c> (§3.1):
/// level (spaced out, doubled first letter, any case, <c>UNCLAS EFTO</c>), section, origin words and serial.
/// </summary>
internal static class Banner
{
    // §3.1: a media date line, an ID: block or a <<nnn>> block can come first (§1.4); look a little way in.
    private const int SearchChars = 4000;
    private const int SearchLines = 60;

    // Longest first, so that UNCLASSIFIED is not read as UNCLAS + "SIFIED", and TOP SECRET before SECRET.
    private static readonly (string Letters, ClassificationLevel Level)[] Levels =
    [
        ("TOPSECRET", ClassificationLevel.TopSecret),
        ("SECRET", ClassificationLevel.Secret),
        ("CONFIDENTIAL", ClassificationLevel.Confidential),
        ("UNCLASSIFIED", ClassificationLevel.Unclassified),
        ("UNCLASSIFED", ClassificationLevel.Unclassified),
        ("UNCLAS", ClassificationLevel.Unclassified),
        ("LIMITEDOFFICIALUSE", ClassificationLevel.Sbu),
    ];

    /// <summary>
    /// Finds the first full banner (level, origin words, serial) in the first lines of [start, end); failing that, a
    /// first non-blank line holding only a level word (a lone <c>CONFIDENTIAL</c> further down is a trailer or the
    /// centred line of an old page header, §3.4); failing that, a media wrapper's <c>CLASSIFICATION: SECRET//NOFORN</c>
    /// field, which stands in when the banner itself was redacted (§1.4 A9). Returns null when there is none.
    /// </summary>
    public static BannerMatch? Find(string text, int start, int end)
    {
        end = Math.Min(end, text.Length);
        var limit = Math.Min(end, start + SearchChars);
        BannerMatch? levelOnly = null;
        BannerMatch? wrapperField = null;
        var lines = 0;
        var first = true;
        for (var line = start; line < limit && lines < SearchLines; line = TextScan.NextLine(text, line, end), lines++)
        {
            var lineEnd = TextScan.LineEnd(text, line, end);
            var content = TextScan.SkipBlanks(text, line, lineEnd);
            if (content >= lineEnd)
                continue;
            var match = TryRead(text, content, lineEnd);
            if (match?.Serial is not null)
                return match;
            if (first && match is not null)
                levelOnly = match;
            wrapperField ??= TryReadWrapperField(text, content, lineEnd);
            first = false;
        }

        return levelOnly ?? wrapperField;
    }

    // "CLASSIFICATION: SECRET//NOFORN" in a media wrapper's key/value block (§1.4, A9).
    private static BannerMatch? TryReadWrapperField(string text, int offset, int lineEnd)
    {
        const string Field = "CLASSIFICATION:";
        if (!TextScan.StartsWithIgnoreCase(text, offset, Field))
            return null;
        var p = TextScan.SkipBlanks(text, offset + Field.Length, lineEnd);
        if (!TryReadLevel(text, p, lineEnd, out var level, out var levelEnd))
            return null;

        var caveats = new List<Caveat>();
        foreach (var part in text.AsSpan(levelEnd, lineEnd - levelEnd).Split('/'))
        {
            var token = text.AsSpan(levelEnd, lineEnd - levelEnd)[part].Trim();
            if (!token.IsEmpty && Caveat.TryParse(token, out var caveat))
                caveats.Add(caveat);
        }

        return new BannerMatch(level, caveats, null, null, null, null, offset, TextScan.TrimEnd(text, offset, lineEnd));
    }

    /// <summary>
    /// Reads a banner at <paramref name="offset"/> if the line there starts with a classification word. The match ends
    /// after the serial; what follows on the line (captions, E.O. …, §3.2) is left to the other readers.
    /// A line holding only the level word is returned without origin and serial; anything else after the level is not a banner.
    /// </summary>
    public static BannerMatch? TryRead(string text, int offset, int lineEnd)
    {
        if (!TryReadLevel(text, offset, lineEnd, out var level, out var p))
            return null;

        var caveats = new List<Caveat>();
        p = TextScan.SkipBlanks(text, p, lineEnd);

        // §11: UNCLAS EFTO is unclassified, encrypted for transmission.
        if (TextScan.IsWordAt(text, p, "EFTO"))
        {
            caveats.Add(Caveat.FromCode("EFTO"));
            p = TextScan.SkipBlanks(text, p + 4, lineEnd);
        }

        int? section = null, sectionCount = null;
        if (TextScan.IsWordAt(text, p, "SECTION") && TryReadSection(text, p + 7, lineEnd, out var n, out var m, out var afterSection))
        {
            section = n;
            sectionCount = m;
            p = TextScan.SkipBlanks(text, afterSection, lineEnd);
        }

        if (p >= lineEnd)
            return section is null ? new BannerMatch(level, caveats, null, null, null, null, offset, TextScan.TrimEnd(text, offset, lineEnd)) : null;

        // The origin words (TOKYO, TEL AVIV, RIO DE JANEIRO, STATE) run up to the serial.
        var originStart = p;
        var originEnd = p;
        var words = 0;
        while (p < lineEnd && words < 6)
        {
            if (TextScan.IsDigit(text[p]))
                break;
            var wordEnd = p;
            while (wordEnd < lineEnd && !TextScan.IsWhite(text[wordEnd]))
                wordEnd++;
            if (!IsOriginWord(text, p, wordEnd))
                return null;
            words++;
            originEnd = wordEnd;
            p = TextScan.SkipBlanks(text, wordEnd, lineEnd);
        }

        var serialStart = p;
        while (p < lineEnd && TextScan.IsDigit(text[p]))
            p++;
        var serialLength = p - serialStart;
        if (words == 0 || serialLength is 0 or > 7 || (p < lineEnd && !TextScan.IsWhite(text[p])))
            return null;

        var origin = TextScan.Collapse(text, originStart, originEnd);
        return new BannerMatch(level, caveats, section, sectionCount, origin, text.Substring(serialStart, serialLength), offset, p);
    }

    /// <summary>Reads a classification word at <paramref name="offset"/>: spaced letters, any case, doubled first letter (§3.1).</summary>
    public static bool TryReadLevel(string text, int offset, int limit, out ClassificationLevel level, out int end)
    {
        level = default;
        end = offset;
        if (offset >= limit || !char.IsLetter(text[offset]))
            return false;

        foreach (var (letters, candidate) in Levels)
        {
            var first = char.ToUpperInvariant(text[offset]);
            if (first != letters[0])
                continue;

            // "SS E C R E T": a doubled first letter (§3.1 B1).
            var p = TextScan.MatchLoose(text, offset, limit, letters);
            if (p < 0 && offset + 1 < limit && char.ToUpperInvariant(text[offset + 1]) == first)
                p = TextScan.MatchLoose(text, offset + 1, limit, letters);
            if (p < 0 || !TextScan.IsWordEnd(text, p))
                continue;

            level = candidate;
            end = p;
            return true;
        }

        return false;
    }

    private static bool TryReadSection(string text, int offset, int limit, out int section, out int count, out int end)
    {
        section = count = 0;
        end = offset;
        var p = TextScan.SkipBlanks(text, offset, limit);
        if (!TryReadNumber(text, ref p, limit, out section))
            return false;
        p = TextScan.SkipBlanks(text, p, limit);
        if (!TextScan.IsWordAt(text, p, "OF"))
            return false;
        p = TextScan.SkipBlanks(text, p + 2, limit);
        if (!TryReadNumber(text, ref p, limit, out count))
            return false;
        end = p;
        return true;
    }

    private static bool TryReadNumber(string text, ref int p, int limit, out int value)
    {
        value = 0;
        var start = p;
        while (p < limit && TextScan.IsDigit(text[p]) && p - start < 4)
            value = value * 10 + (text[p++] - '0');
        return p > start;
    }

    // Origin words are letters with the odd apostrophe, hyphen or period (N'DJAMENA, PORT-AU-PRINCE, ST. PETERSBURG).
    private static bool IsOriginWord(string text, int start, int end)
    {
        if (end <= start || end - start > 20 || !char.IsLetter(text[start]))
            return false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (!char.IsLetter(c) && c is not ('\'' or '-' or '.' or '’'))
                return false;
        }

        return true;
    }
}

/// <summary>A banner as read, with offsets into the text it was read from.</summary>
internal sealed record BannerMatch(
    ClassificationLevel Level,
    IReadOnlyList<Caveat> Caveats,
    int? Section,
    int? SectionCount,
    string? OriginWords,
    string? Serial,
    int Start,
    int End)
{
    /// <summary>The serial without leading zeros, for comparing with page-break serials (§12: three spellings).</summary>
    public string? SerialDigits => Serial?.TrimStart('0') is { Length: > 0 } digits ? digits : Serial;

    /// <summary>The domain record for the line at <paramref name="span"/> of <paramref name="source"/>.</summary>
    public ClassificationLine ToClassificationLine(string source, TextSpan span) => new()
    {
        Level = Level,
        Caveats = Caveats,
        Section = Section,
        SectionCount = SectionCount,
        OriginWords = OriginWords,
        Serial = Serial,
        Raw = source.Substring(span.Start, span.Length),
        Span = span,
    };
}
