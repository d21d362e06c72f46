using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Body;

/// <summary>
/// Reads caption lines (§3.2): SIPDIS, NOFORN, SENSITIVE and the SBU statements, EXDIS, NODIS, LIMDIS, STADIS, NOTAL,
/// correction notices (wrapped ones too) and office FOR lines. Several captions can share a line
/// (<c>NOFORN, SIPDIS, FOR DCMS AND ALL CABLE DRAFTERS</c>).
/// </summary>
internal static class Captions
{
    private static readonly (string Phrase, CaptionKind Kind)[] Phrases =
    [
        ("SENSITIVE BUT UNCLASSIFIED", CaptionKind.Sensitive),
        ("SENSITIVE BUT UNCLASSIFED", CaptionKind.Sensitive),
        ("DEA SENSITIVE", CaptionKind.OtherDistribution),
        ("SENSITIVE", CaptionKind.Sensitive),
        ("SBU", CaptionKind.Sensitive),
        ("FOR OFFICIAL USE ONLY", CaptionKind.Sensitive),
        ("SIPDIS", CaptionKind.Sipdis),
        ("NOFORN", CaptionKind.NoForn),
        ("NOT RELEASABLE TO FOREIGN NATIONALS", CaptionKind.NoForn),
        ("EXDIS", CaptionKind.Exdis),
        ("NODIS", CaptionKind.Nodis),
        ("LIMDIS", CaptionKind.Limdis),
        ("STADIS", CaptionKind.Stadis),
        ("NOTAL", CaptionKind.Notal),
        ("SPECAT EXCLUSIVE", CaptionKind.OtherDistribution),
        ("SPECAT", CaptionKind.OtherDistribution),
        ("OFFICIAL INFORMAL", CaptionKind.OtherDistribution),
        ("ROGER CHANNEL", CaptionKind.OtherDistribution),
    ];

    /// <summary>
    /// Reads the captions in [start, end) of the cleaned body. Text that is not a caption keyword becomes a FOR line when
    /// <paramref name="allowForLines"/> (before E.O./TAGS/SUBJECT), and is skipped otherwise.
    /// Stops at a <c>QUOTE</c> line (§8.8: the outer captions are those before QUOTE); a repeated banner is skipped (§3.1).
    /// </summary>
    /// <returns>False when it stopped at QUOTE.</returns>
    public static bool Read(BodyText body, int start, int end, bool allowForLines, List<Caption> captions)
    {
        var text = body.Text;
        end = Math.Min(end, text.Length);
        var inRepeatNotice = false;
        for (var line = start; line < end;)
        {
            var lineEnd = TextScan.LineEnd(text, line, end);
            var p = TextScan.SkipBlanks(text, line, lineEnd);
            var next = lineEnd < end ? lineEnd + 1 : end;
            if (p >= lineEnd)
            {
                line = next;
                continue;
            }

            if (IsQuoteLine(text, p, lineEnd))
                return false;

            // §3.1: a duplicated banner block repeats this cable's captions; read on past the repeated banner.
            if (TextScan.AtLineStart(text, p) && Banner.TryRead(text, p, lineEnd) is { Serial: not null })
            {
                line = next;
                continue;
            }

            // §1.4 A9: a media wrapper's key/value block ("ID: 190648", "SOURCE: Embassy Kuwait") and lines that are only a
            // redaction are not captions.
            if (IsWrapperField(text, p, lineEnd) || text.AsSpan(p, TextScan.TrimEnd(text, p, lineEnd) - p).IndexOfAnyExcept('X', 'x') < 0)
            {
                line = next;
                continue;
            }

            // §8.8: "FOLLOWING STATE 127892 DATED … IS BEING REPEATED FOR YOUR ACTION." introduces a repeated telegram.
            if (inRepeatNotice || TextScan.IsWordAt(text, p, "FOLLOWING"))
            {
                inRepeatNotice = true;
                line = next;
                continue;
            }

            line = ReadLine(body, p, lineEnd, end, allowForLines, captions);
        }

        return true;
    }

    /// <summary>Whether [start, end) holds only caption keywords (no FOR text), so that it can be read as captions.</summary>
    public static bool IsCaptionOnlyLine(string text, int start, int end)
    {
        var p = TextScan.SkipBlanks(text, start, end);
        if (p >= end)
            return false;
        while (p < end)
        {
            if (!TryMatchPhrase(text, p, end, out _, out var phraseEnd))
                return false;
            p = SkipSeparators(text, StatementEnd(text, phraseEnd, end), end);
        }

        return true;
    }

    private static readonly string[] WrapperFields = ["ID:", "ORIGIN:", "DATE:", "SOURCE:", "CLASSIFICATION:", "MISC:", "DESTINATION:"];

    private static bool IsWrapperField(string text, int p, int lineEnd)
    {
        foreach (var field in WrapperFields)
        {
            if (TextScan.StartsWithIgnoreCase(text, p, field) && p + field.Length <= lineEnd)
                return true;
        }

        return false;
    }

    /// <summary>Whether the line is <c>QUOTE</c> or <c>QUOTE:</c> alone (§8.8).</summary>
    public static bool IsQuoteLine(string text, int p, int lineEnd)
    {
        if (!TextScan.IsWordAt(text, p, "QUOTE"))
            return false;
        var after = TextScan.SkipBlanks(text, p + 5, lineEnd);
        if (after < lineEnd && text[after] == ':')
            after = TextScan.SkipBlanks(text, after + 1, lineEnd);
        return after >= lineEnd;
    }

    // Reads the captions on one line; returns where the next line to read starts (a correction can take two lines).
    private static int ReadLine(BodyText body, int p, int lineEnd, int end, bool allowForLines, List<Caption> captions)
    {
        var text = body.Text;
        var next = lineEnd < end ? lineEnd + 1 : end;
        while (p < lineEnd)
        {
            p = SkipSeparators(text, p, lineEnd);
            if (p >= lineEnd)
                break;

            if (TryMatchPhrase(text, p, lineEnd, out var kind, out var phraseEnd))
            {
                // An SBU statement takes the rest of its line: "SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY".
                var captionEnd = kind == CaptionKind.Sensitive ? StatementEnd(text, phraseEnd, lineEnd) : phraseEnd;
                captions.Add(new Caption(kind, TextScan.Collapse(text, p, captionEnd), body.ToSourceSpan(p, captionEnd)));
                p = captionEnd;
                continue;
            }

            if (TryMatchCorrection(text, p, lineEnd, out var detailStart))
                return ReadCorrection(body, p, detailStart, lineEnd, end, captions);

            var contentEnd = TextScan.TrimEnd(text, p, lineEnd);
            if (allowForLines && contentEnd > p)
                captions.Add(new Caption(CaptionKind.For, TextScan.Collapse(text, p, contentEnd), body.ToSourceSpan(p, contentEnd)));
            break;
        }

        return next;
    }

    private static bool TryMatchPhrase(string text, int p, int end, out CaptionKind kind, out int phraseEnd)
    {
        foreach (var (phrase, candidate) in Phrases)
        {
            if (TextScan.StartsWithIgnoreCase(text, p, phrase) && TextScan.IsWordEnd(text, p + phrase.Length) && p + phrase.Length <= end)
            {
                kind = candidate;
                phraseEnd = p + phrase.Length;
                return true;
            }
        }

        kind = default;
        phraseEnd = p;
        return false;
    }

    // "-- HANDLE ACCORDINGLY", "--PLEASE PROTECT ACCORDINGLY", ". Please Protect Accordingly.": the rest of an SBU statement.
    private static int StatementEnd(string text, int phraseEnd, int lineEnd)
    {
        var p = phraseEnd;
        while (p < lineEnd && text[p] is ' ' or '\t' or '-' or '.' or ';' or ',' or ':')
            p++;
        if (TextScan.IsWordAt(text, p, "HANDLE") || TextScan.IsWordAt(text, p, "PLEASE") || TextScan.IsWordAt(text, p, "PROTECT"))
            return TextScan.TrimEnd(text, p, lineEnd);
        return phraseEnd;
    }

    private static int SkipSeparators(string text, int p, int end)
    {
        while (p < end && text[p] is ' ' or '\t' or ',' or ';')
            p++;
        return p;
    }

    // §3.2: "C O R R E C T E D C O P Y", "CORRECTED COPY -TEXT", "- - C O R R E C T E D  C O P Y - - CLASSIFIED BY LINE ADDED".
    private static bool TryMatchCorrection(string text, int p, int end, out int detailStart)
    {
        detailStart = p;
        while (p < end && text[p] is '-' or ' ')
            p++;
        var after = TextScan.MatchLoose(text, p, end, "CORRECTED", maxGap: 2);
        if (after < 0 || !TextScan.IsWordEnd(text, after))
            return false;
        var copy = TextScan.SkipBlanks(text, after, end);
        var afterCopy = TextScan.MatchLoose(text, copy, end, "COPY", maxGap: 2);
        detailStart = afterCopy >= 0 && TextScan.IsWordEnd(text, afterCopy) ? afterCopy : after;
        return true;
    }

    private static int ReadCorrection(BodyText body, int start, int detailStart, int lineEnd, int end, List<Caption> captions)
    {
        var text = body.Text;
        var detailEnd = TextScan.TrimEnd(text, detailStart, lineEnd);
        var next = lineEnd < end ? lineEnd + 1 : end;

        // A long notice wraps: "… ADDED AMEMBASSY LONDON AS ADDITIONAL" / "ADDRESSEE." (§3.2, B7). A FOR line or a caption does not continue it.
        if (lineEnd - start >= 45 && next < end)
        {
            var nextEnd = TextScan.LineEnd(text, next, end);
            var first = TextScan.SkipBlanks(text, next, nextEnd);
            if (first < nextEnd && !IsCaptionOnlyLine(text, first, nextEnd) && !Keywords.StartsLine(text, first, nextEnd)
                && !ContainsWord(text, first, nextEnd, "FOR") && !ContainsWord(text, first, nextEnd, "PASS"))
            {
                detailEnd = TextScan.TrimEnd(text, first, nextEnd);
                next = nextEnd < end ? nextEnd + 1 : end;
            }
        }

        // The detail without its separators: "//SUBJECT LINE//////" → "SUBJECT LINE".
        var d = detailStart;
        while (d < detailEnd && text[d] is ' ' or '-' or '/' or ':' or '\t')
            d++;
        var e = detailEnd;
        while (e > d && text[e - 1] is '/' or '-' or ' ')
            e--;
        var detail = e > d ? TextScan.Collapse(text, d, e) : "CORRECTED COPY";
        captions.Add(new Caption(CaptionKind.Correction, detail, body.ToSourceSpan(start, detailEnd)));
        return next;
    }

    private static bool ContainsWord(string text, int start, int end, string word)
    {
        for (var p = start; p + word.Length <= end; p++)
        {
            if (TextScan.IsWordAt(text, p, word))
                return true;
        }

        return false;
    }
}
