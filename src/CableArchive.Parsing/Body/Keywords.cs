using System.Buffers;

namespace CableArchive.Parsing.Body;

/// <summary>The front-matter fields that start with a keyword (§4–§7).</summary>
internal enum FrontField
{
    ExecutiveOrder,
    Tags,
    Subject,
    Reference,
    ClassifiedBy,
}

/// <summary>One keyword found in the front matter.</summary>
/// <param name="Field">Which field it starts.</param>
/// <param name="Start">Where the keyword starts.</param>
/// <param name="ContentStart">Where the field's value starts (after the keyword and its colon).</param>
internal readonly record struct Keyword(FrontField Field, int Start, int ContentStart);

/// <summary>
/// Finds the front-matter keywords anywhere in a range, not only at line starts: items can share a line
/// (<c>DEPT FOR NEA/MAG AND DRL E.O. 12958: DECL: 3/13/2018</c>, §3.2) and terminators can be glued on
/// (<c>… UK PRIMEREF: A. LONDON 1939</c>, <c>… TO CAIROClassified By:</c>, §6.1). All matching is case-insensitive (§12).
/// </summary>
internal static class Keywords
{
    // Where a keyword can start; one vectorised search finds the candidates, the matchers below decide.
    private static readonly SearchValues<string> Starts = SearchValues.Create(
        ["E.O", "E.0", "E. O", "EO 1", "EO1", "EO  1", "TAG", "TAS", "TABS", "TGS", "AGS:", "SUBJ", "UBJECT", "REF", "RETEL", "CLASSIFIED", "CLASSFIED"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>All keyword occurrences in [start, end), in text order.</summary>
    public static List<Keyword> FindAll(string text, int start, int end)
    {
        var found = new List<Keyword>(16);
        end = Math.Min(end, text.Length);
        var i = Math.Max(0, start);
        while (i < end)
        {
            var next = text.AsSpan(i, end - i).IndexOfAny(Starts);
            if (next < 0)
                break;
            i += next;
            if (Match(text, i, end) is { } keyword)
            {
                found.Add(keyword);
                i = Math.Max(i + 1, keyword.ContentStart);
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    private static Keyword? Match(string text, int i, int end) => char.ToUpperInvariant(text[i]) switch
    {
        'E' => MatchExecutiveOrder(text, i, end),
        'T' or 'A' => MatchTags(text, i, end),
        'S' or 'U' => MatchSubject(text, i, end),
        'R' => MatchReference(text, i, end),
        'C' => MatchClassifiedBy(text, i, end),
        _ => null,
    };

    /// <summary>Whether the line at <paramref name="lineStart"/> begins with any front-matter keyword.</summary>
    public static bool StartsLine(string text, int lineStart, int lineEnd)
    {
        var p = TextScan.SkipBlanks(text, lineStart, lineEnd);
        if (p >= lineEnd)
            return false;
        return Match(text, p, lineEnd) is not null;
    }

    // §4.2: E\.?\s?[Oo0]\.?\s*(1\d{3,4})\s*:?  — "E.O. 12958:", "EO 12958", "E.o.", "E.O.1295:".
    private static Keyword? MatchExecutiveOrder(string text, int i, int end)
    {
        if (!TextScan.IsWordStart(text, i))
            return null;
        var p = i + 1;
        if (p < end && text[p] == '.')
            p++;
        if (p < end && text[p] == ' ')
            p++;
        if (p >= end || text[p] is not ('O' or 'o' or '0'))
            return null;
        p++;
        if (p < end && text[p] == '.')
            p++;
        p = TextScan.SkipBlanks(text, p, end);
        var digits = p;
        while (p < end && TextScan.IsDigit(text[p]) && p - digits < 5)
            p++;
        if (p - digits < 4 || text[digits] != '1' || (p < end && TextScan.IsDigit(text[p])))
            return null;

        // "E.O. 12958, reasons 1.4" and "BASED ON E.O.12958 REASONS" belong to a Classified By line (§7), not to §4.
        var next = TextScan.SkipBlanks(text, p, end);
        if (next < end && (text[next] is ',' or ';' || (text[next] == '.' && !(next + 1 < end && text[next + 1] == '.')) || TextScan.StartsWithIgnoreCase(text, next, "REAS")))
            return null;
        return new Keyword(FrontField.ExecutiveOrder, i, p);
    }

    // §5.1: TAGS:, TAGS, tAgs, Tags:, TAG, TAS:, TABS:, TGS:, TAGES:, AGS:, "TAGS,", "TAGS;".
    private static Keyword? MatchTags(string text, int i, int end)
    {
        if (!TextScan.IsWordStart(text, i))
            return null;
        foreach (var (word, colonOnly) in TagWords)
        {
            if (!TextScan.StartsWithIgnoreCase(text, i, word))
                continue;
            var p = i + word.Length;
            if (p < end && char.IsLetterOrDigit(text[p]))
                continue;
            var afterBlanks = TextScan.SkipBlanks(text, p, end);
            if (afterBlanks < end && text[afterBlanks] == ':')
                return new Keyword(FrontField.Tags, i, afterBlanks + 1);
            if (colonOnly)
                continue;

            // Without a colon the keyword must open its line and a tag must follow — or, after the E.O. date on the same
            // line, a known tag code ("DECL: 03/20/2019 TAG PTER, PGOV").
            var atLineStart = TextScan.AtLineStart(text, i);
            if (p < end && text[p] is ',' or ';' && atLineStart)
                return new Keyword(FrontField.Tags, i, p + 1);
            if (afterBlanks > p && afterBlanks < end && char.IsLetter(text[afterBlanks]) && (atLineStart || StartsWithKnownTag(text, afterBlanks, end)))
                return new Keyword(FrontField.Tags, i, afterBlanks);
        }

        return null;
    }

    private static bool StartsWithKnownTag(string text, int p, int end)
    {
        var q = p;
        while (q < end && char.IsUpper(text[q]) && q - p < 6)
            q++;
        return q - p is >= 2 and <= 5 && TextScan.IsWordEnd(text, q) && TagCodes.IsKnown(text.Substring(p, q - p));
    }

    private static readonly (string Word, bool ColonOnly)[] TagWords =
    [
        ("TAGES", false), ("TAGS", false), ("TABS", true), ("TAG", false), ("TAS", true), ("TGS", true), ("AGS", true),
    ];

    // §6.1: SUBJECT:, SUBJ:, SUBJECT (no colon, at a line start), UBJECT: — but not "SUBJECT LINE" of a correction notice
    // nor "(SUBJ: IIR …)" inside a reference.
    private static Keyword? MatchSubject(string text, int i, int end)
    {
        if (!TextScan.IsWordStart(text, i) || (i > 0 && text[i - 1] == '('))
            return null;
        foreach (var word in SubjectWords)
        {
            if (!TextScan.StartsWithIgnoreCase(text, i, word))
                continue;
            var p = i + word.Length;
            if (p < end && char.IsLetterOrDigit(text[p]))
                continue;
            var afterBlanks = TextScan.SkipBlanks(text, p, end);
            int content;
            if (afterBlanks < end && text[afterBlanks] == ':')
                content = afterBlanks + 1;
            else if (afterBlanks > p && TextScan.AtLineStart(text, i) && word != "UBJECT")
                content = afterBlanks;
            else
                continue;

            if (TextScan.IsWordAt(text, TextScan.SkipBlanks(text, content, end), "LINE"))
                return null;
            return new Keyword(FrontField.Subject, i, content);
        }

        return null;
    }

    private static readonly string[] SubjectWords = ["SUBJECT", "SUBJ", "UBJECT"];

    // §6.2: REF:, REFS:, REF(S):, Ref(s):, REFTEL:, REFTELS:, RETELS, REF A) …, REF. STATE 184178, REFERENCE:.
    private static Keyword? MatchReference(string text, int i, int end)
    {
        var wordStart = TextScan.IsWordStart(text, i);

        // A colon form may be glued to the word before it ("… EGYPTREF: CAIRO 493"), as the upper-case keyword only.
        var glued = !wordStart && i > 0 && char.IsUpper(text[i - 1]) && text.AsSpan(i).StartsWith("REF", StringComparison.Ordinal);
        if (!wordStart && !glued)
            return null;

        foreach (var word in ReferenceWords)
        {
            if (!TextScan.StartsWithIgnoreCase(text, i, word))
                continue;
            var p = i + word.Length;
            if (p < end && char.IsLetterOrDigit(text[p]))
                continue;
            var afterBlanks = TextScan.SkipBlanks(text, p, end);
            if (afterBlanks < end && text[afterBlanks] == ':')
                return new Keyword(FrontField.Reference, i, afterBlanks + 1);
            if (glued)
                continue;
            if (p < end && text[p] == '.' && p + 1 < end && TextScan.IsWhite(text[p + 1]) && word is "REF" or "REFTEL" or "REFTELS")
                return new Keyword(FrontField.Reference, i, p + 1);

            // "REF A) LONDON 002351", "REFTELS A AND B": without a colon only at a line start, followed by a label or a word.
            if (afterBlanks > p && afterBlanks < end && TextScan.AtLineStart(text, i)
                && (char.IsUpper(text[afterBlanks]) || text[afterBlanks] is '(' or '['))
                return new Keyword(FrontField.Reference, i, afterBlanks);
        }

        return null;
    }

    private static readonly string[] ReferenceWords = ["REFTELS", "REFTEL", "RETELS", "REFERENCES", "REFERENCE", "REF(S)", "REFS", "REF"];

    // §7: "Classified By:", "CLASSIFIED BY", "Classfied By:"; glued ("… TO CAIROClassified By:") in mixed case only,
    // so that "DECLASSIFIED BY NARA" (§4) is not taken.
    private static Keyword? MatchClassifiedBy(string text, int i, int end)
    {
        var wordStart = TextScan.IsWordStart(text, i);
        var glued = !wordStart && text[i] == 'C' && i + 1 < end && char.IsLower(text[i + 1]);
        if (!wordStart && !glued)
            return null;

        int p;
        if (TextScan.StartsWithIgnoreCase(text, i, "CLASSIFIED"))
            p = i + 10;
        else if (TextScan.StartsWithIgnoreCase(text, i, "CLASSFIED"))
            p = i + 9;
        else
            return null;

        var by = TextScan.SkipWhitespace(text, p, end);
        if (by == p || by - p > 4 || !TextScan.IsWordAt(text, by, "BY"))
            return null;
        var content = TextScan.SkipBlanks(text, by + 2, end);
        if (content < end && text[content] == ':')
            content++;
        return new Keyword(FrontField.ClassifiedBy, i, content);
    }
}
