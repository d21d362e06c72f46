using CableArchive.Domain;
using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Body;

/// <summary>
/// Reads the REF block (§6.2): its extent, its items (<c>A.</c>, <c>A)</c>, <c>(A)</c>, <c>[A]</c>, <c>A:</c>, <c>¶B.</c>,
/// doubled <c>A. A)</c> and <c>A. REF A</c>, bare <c>A Montreal 365</c>), and in each item the cables cited, with their
/// canonical ids (§6.3: <c>TOKYO 2500</c> in a 2008 cable → <c>08TOKYO2500</c>); other items get a kind (e-mail,
/// conversation, document, other).
/// </summary>
internal static class ReferencesField
{
    private const int MaxLines = 40;

    private enum TokenKind
    {
        Word,
        Number,
        Punct,
        Other,
    }

    /// <param name="Kind">What the token is.</param>
    /// <param name="Text">Upper case, with 0 read as O inside words and O as 0 inside numbers (§12).</param>
    /// <param name="Start">Start in the cleaned body.</param>
    /// <param name="End">End in the cleaned body.</param>
    /// <param name="SpaceBefore">Whether blanks or a newline come before it.</param>
    private readonly record struct Token(TokenKind Kind, string Text, int Start, int End, bool SpaceBefore);

    /// <summary>
    /// One cable cited: canonical station, serial without padding, two-digit year if written, where it stands, and whether
    /// it is a serial that continues the origin before it ("State 188314, 259032").
    /// </summary>
    private sealed record Citation(string Station, string Serial, string? Year, int Start, int End, bool Continues = false);

    private static readonly char[] RawEdges = [' ', ',', ';', ':', '.'];
    private static readonly string[] NestedKeywords = ["REFERENCE", "REFTEL", "REFS", "REF"];

    private static readonly string[] EmailWords = ["E-MAIL", "EMAIL", "E-MAILS", "EMAILS", "E MAIL"];
    private static readonly string[] ConversationWords = ["TELCON", "TELCONS", "TELECON", "TELECONS", "MEMCON", "MEMCONS", "CONVERSATION", "CONVERSATIONS", "MEETING", "MEETINGS", "PHONE", "CALL", "CALLS", "TELEPHONE", "DISCUSSION", "DISCUSSIONS", "VTC", "DVC"];
    private static readonly string[] DocumentWords = ["REPORT", "REPORTS", "LETTER", "MEMO", "MEMORANDUM", "FAX", "DOCUMENT", "HTTP", "WWW", "FAM", "FAH", "ARTICLE", "INCSR", "UNSCR", "RESOLUTION", "NOTE", "IIR", "PAPER", "NON-PAPER", "MSG", "MESSAGE", "DTG", "NOTICE", "STUDY", "POINTS", "AIRGRAM", "OSC", "BRIEFING", "BOOK", "WEB", "STATEMENT", "CABLE", "TD"];

    /// <summary>Reads the references that <paramref name="keyword"/> starts, up to <paramref name="bound"/>.</summary>
    /// <param name="context">For diagnostics.</param>
    /// <param name="body">The cleaned body.</param>
    /// <param name="keyword">The REF keyword.</param>
    /// <param name="bound">Where the next field starts.</param>
    /// <param name="year">The citing cable's year, for items without one (§6.2).</param>
    public static (List<Reference> References, int End) Read(ParseContext context, BodyText body, Keyword keyword, int bound, int? year)
    {
        var text = body.Text;
        var start = SkipNestedKeyword(text, keyword.ContentStart, bound);
        var end = FindEnd(text, start, bound);
        var references = new List<Reference>();
        Citation? previous = null;

        foreach (var (label, itemStart, itemEnd) in SplitItems(text, start, end))
        {
            var raw = TextScan.Collapse(text, itemStart, itemEnd).Trim(RawEdges);
            var citations = FindCitations(text, itemStart, itemEnd, ref previous);
            for (var c = 0; c < citations.Count; c++)
            {
                var citation = citations[c];
                var citationRaw = label is null ? UnlabelledRaw(text, citations, c, itemStart, itemEnd) : raw;
                var id = MakeId(citation, year);
                if (id is null)
                    context.Report(DiagnosticSeverity.Info, body.ToSource(citation.Start), $"The year of reference \"{citationRaw}\" is unknown, so it has no canonical id.");
                references.Add(new Reference
                {
                    Label = label,
                    Raw = citationRaw,
                    CableId = id,
                    Kind = ReferenceKind.Cable,
                    Span = body.ToSourceSpan(citation.Start, citation.End),
                });
            }

            if (citations.Count == 0 && raw.Length > 0)
            {
                references.Add(new Reference
                {
                    Label = label,
                    Raw = raw,
                    Kind = KindOf(raw),
                    Span = body.ToSourceSpan(itemStart, TextScan.TrimEnd(text, itemStart, itemEnd)),
                });
            }
        }

        return (references, end);
    }

    // An unlabelled list ("SAO PAULO 273, SAO PAULO 90, BRASILIA 791") gives each cable its own text: from its origin to
    // the next origin. Serials that continue an origin ("STATE 188314, 259032") share its text.
    private static string UnlabelledRaw(string text, List<Citation> citations, int index, int itemStart, int itemEnd)
    {
        var first = index;
        while (first > 0 && citations[first].Continues)
            first--;
        var next = index + 1;
        while (next < citations.Count && citations[next].Continues)
            next++;
        var start = first == 0 ? itemStart : citations[first].Start;
        var end = next < citations.Count ? citations[next].Start : itemEnd;
        return TextScan.Collapse(text, start, end).Trim(RawEdges);
    }

    // "REF: REF: SECSTATE 58408", "REF: REFERENCE: 01 ABUJA 997", "REF: REF (A) MADRID 3785" (§6.2).
    private static int SkipNestedKeyword(string text, int start, int bound)
    {
        var p = TextScan.SkipWhitespace(text, start, bound);
        foreach (var word in NestedKeywords)
        {
            if (!TextScan.IsWordAt(text, p, word))
                continue;
            var after = TextScan.SkipBlanks(text, p + word.Length, bound);
            if (after < bound && text[after] == ':')
                return after + 1;
            if (after > p + word.Length)
                return after;
        }

        return start;
    }

    /// <summary>
    /// Where REF ends: the first paragraph, a banner, an underline, an SBU statement, SIPDIS, a summary, or a blank line
    /// not followed by another item (blank lines can separate items: <c>A. OTTAWA 2258</c> / / <c>¶B. OTTAWA 1245</c>).
    /// </summary>
    private static int FindEnd(string text, int start, int bound)
    {
        var lineStart = start;
        var lastContentEnd = start;
        for (var lines = 0; lineStart < bound && lines < MaxLines; lines++)
        {
            var lineEnd = TextScan.LineEnd(text, lineStart, bound);
            if (TextScan.IsBlank(text, lineStart, lineEnd))
            {
                var next = NextNonBlankLine(text, lineEnd, bound);
                if (next >= bound)
                    break;
                var first = TextScan.SkipBlanks(text, next, bound);
                if (!StartsItem(text, first, bound) || Paragraphs.IsNumberedLine(text, first, TextScan.LineEnd(text, first, bound)))
                    break;
                lineStart = next;
                continue;
            }

            if (lines > 0 && lineStart > start && IsTerminatorLine(text, lineStart, lineEnd))
                break;
            var inline = FindInlineTerminator(text, lineStart, lineEnd);
            if (inline >= 0)
                return TextScan.TrimEnd(text, start, inline);
            lastContentEnd = lineEnd;
            if (lineEnd >= bound)
                break;
            lineStart = lineEnd + 1;
        }

        return TextScan.TrimEnd(text, start, lastContentEnd);
    }

    private static int NextNonBlankLine(string text, int from, int bound)
    {
        var p = from;
        while (p < bound)
        {
            var lineStart = p < bound && text[p] == '\n' ? p + 1 : p;
            var lineEnd = TextScan.LineEnd(text, lineStart, bound);
            if (!TextScan.IsBlank(text, lineStart, lineEnd))
                return lineStart;
            if (lineEnd >= bound)
                return bound;
            p = lineEnd;
        }

        return bound;
    }

    private static bool IsTerminatorLine(string text, int lineStart, int lineEnd)
    {
        var p = TextScan.SkipBlanks(text, lineStart, lineEnd);
        if (Paragraphs.IsNumberedLine(text, p, lineEnd) || Paragraphs.IsUnderline(text, p, lineEnd))
            return true;
        if (Banner.TryRead(text, p, lineEnd) is { Serial: not null })
            return true;
        return text[p] == '(' && Paragraphs.ReadsAsMark(text, p, lineEnd) && !IsLabelAt(text, p, lineEnd, out _, out _);
    }

    // §6.2: REF ends at SIPDIS, an SBU statement or a summary, even on the same line.
    private static int FindInlineTerminator(string text, int start, int end)
    {
        for (var p = start; p < end; p++)
        {
            if (!char.IsLetter(text[p]) || !TextScan.IsWordStart(text, p))
                continue;
            if (TextScan.IsWordAt(text, p, "SIPDIS") || TextScan.StartsWithIgnoreCase(text, p, "SENSITIVE BUT UNCLAS")
                || TextScan.StartsWithIgnoreCase(text, p, "THIS MESSAGE IS") || TextScan.StartsWithIgnoreCase(text, p, "THIS IS AN ACTION"))
                return p;
            if (TextScan.IsWordAt(text, p, "SUMMARY") && IsSummaryHeading(text, p + 7, end))
                return p;
        }

        return -1;
    }

    private static bool IsSummaryHeading(string text, int after, int end)
    {
        var p = TextScan.SkipBlanks(text, after, end);
        return p >= end || text[p] is ':' or '.' or '-';
    }

    private static bool StartsItem(string text, int p, int bound)
    {
        if (p >= bound)
            return false;
        var lineEnd = TextScan.LineEnd(text, p, bound);
        return TextScan.IsDigit(text[p]) || text[p] == '¶' || IsLabelAt(text, p, lineEnd, out _, out _);
    }

    /// <summary>
    /// Whether an explicit item label stands at <paramref name="p"/>: <c>A.</c>, <c>A)</c>, <c>(A)</c>, <c>[A]</c>, <c>A:</c>,
    /// <c>(1)</c>, each optionally after <c>¶</c> (§6.2). Two digits in parentheses are a year (<c>(99) ROME 2196</c>), not a label.
    /// Inside the block, where the sequence of letters is checked, a lower-case letter is a label too (<c>a. State 77660
    /// b. Berlin 1000</c>); the letter is returned in upper case.
    /// </summary>
    private static bool IsLabelAt(string text, int p, int end, out char letter, out int labelEnd, bool lowerCase = false)
    {
        letter = '\0';
        labelEnd = p;
        if (p < end && text[p] == '¶')
            p = TextScan.SkipBlanks(text, p + 1, end);
        if (p >= end)
            return false;

        var c = text[p];
        if (c is '(' or '[')
        {
            var close = c == '(' ? ')' : ']';
            if (p + 2 < end && (char.IsUpper(text[p + 1]) || TextScan.IsDigit(text[p + 1]) || (lowerCase && IsAsciiLower(text[p + 1]))) && text[p + 2] == close)
            {
                letter = char.ToUpperInvariant(text[p + 1]);
                labelEnd = p + 3;
                return true;
            }

            return false;
        }

        var lower = lowerCase && IsAsciiLower(c);
        if (!(char.IsUpper(c) || lower) || p + 1 >= end || !TextScan.IsWordStart(text, p))
            return false;
        var mark = text[p + 1];
        var after = p + 2 < end ? text[p + 2] : ' ';
        var ok = mark switch
        {
            ')' => true,
            '.' => TextScan.IsWhite(after) || (!lower && TextScan.IsDigit(after)) || after is '(' or '¶' || p + 2 >= end,
            ':' => !lower && (TextScan.IsWhite(after) || p + 2 >= end),
            _ => false,
        };
        if (!ok)
            return false;
        letter = char.ToUpperInvariant(c);
        labelEnd = p + 2;
        return true;
    }

    /// <summary>Splits [start, end) into labelled items; without labels, into the parts between semicolons.</summary>
    private static List<(string? Label, int Start, int End)> SplitItems(string text, int start, int end)
    {
        var items = new List<(string? Label, int Start, int End)>();
        char current = '\0';
        string? label = null;
        var itemStart = start;
        var p = start;
        while (p < end)
        {
            var boundary = p == start || TextScan.IsWhite(text[p - 1]) || text[p - 1] is ';' or ',' or ':';
            if (boundary && TryReadLabel(text, p, end, current, AfterWord(text, start, p), out var letter, out var labelEnd))
            {
                if (current != '\0' || TextScan.Collapse(text, itemStart, p).Length > 0)
                    items.Add((label, itemStart, p));
                current = letter;
                label = letter.ToString();
                p = itemStart = SkipDuplicateLabel(text, labelEnd, end, letter);
                continue;
            }

            p++;
        }

        items.Add((label, itemStart, end));
        if (current != '\0')
            return items;

        // Unlabelled: "SECDEF 122723; CAIRO IIR 6 899 0149 10; 2009 CAIRO 2394".
        items.Clear();
        var partStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i == end || text[i] == ';')
            {
                if (i > partStart)
                    items.Add((null, partStart, i));
                partStart = i + 1;
            }
        }

        return items;
    }

    private static bool IsAsciiLower(char c) => c is >= 'a' and <= 'z';

    // Whether a word stands right before `p` on the same line: then a bare letter is part of an origin ("PORT A 76"), and a
    // parenthesised letter glued to digits is a portion mark ("KUWAIT (C)02293"), not labels.
    private static bool AfterWord(string text, int start, int p)
    {
        var q = p;
        while (q > start && text[q - 1] is ' ' or '\t')
            q--;
        return q > start && char.IsLetter(text[q - 1]);
    }

    // A label is accepted when its letter follows the previous one (a letter may repeat, or one may be skipped), so that
    // the portion mark in "KUWAIT (C)02293" or an initial in a name is not read as a label. Bare letters ("A Montreal 365,
    // B Ottawa 406") must be exactly the next letter.
    private static bool TryReadLabel(string text, int p, int end, char current, bool afterWord, out char letter, out int labelEnd)
    {
        if (IsLabelAt(text, p, end, out letter, out labelEnd, lowerCase: true))
        {
            if (afterWord && text[p] == '(' && labelEnd < end && char.IsLetterOrDigit(text[labelEnd]))
                return false;
            if (TextScan.IsDigit(letter))
                return current == '\0' || TextScan.IsDigit(current);
            var expected = current == '\0' ? 'A' : (char)(current + 1);
            return letter == current || letter == expected || letter == expected + 1 || (current == '\0' && letter == 'B');
        }

        // Bare letter followed by a blank.
        letter = p < end ? text[p] : '\0';
        labelEnd = p + 1;
        if (afterWord || !char.IsUpper(letter) || p + 1 >= end || !TextScan.IsWhite(text[p + 1]) || !TextScan.IsWordStart(text, p))
            return false;
        var next = current == '\0' ? 'A' : (char)(current + 1);
        if (letter != next)
            return false;
        var following = TextScan.SkipBlanks(text, p + 1, end);
        return following < end && (char.IsLetterOrDigit(text[following]) || text[following] == '(');
    }

    // "A. A) MANAMA 20", "A. (A) RIO 329", "A. REF A HAVANA 639", "A. REF A: 09 SOFIA 154": the second label is the same item.
    private static int SkipDuplicateLabel(string text, int p, int end, char letter)
    {
        var q = TextScan.SkipWhitespace(text, p, end);
        if (TextScan.IsWordAt(text, q, "REF"))
            q = TextScan.SkipBlanks(text, q + 3, end);
        if (IsLabelAt(text, q, end, out var again, out var againEnd, lowerCase: true) && again == letter)
            return againEnd;
        if (q < end && text[q] == letter && q + 1 < end && TextScan.IsWhite(text[q + 1]) && q > p)
            return q + 1;
        return q > p && TextScan.IsWordAt(text, TextScan.SkipWhitespace(text, p, end), "REF") ? q : p;
    }

    /// <summary>
    /// Finds the cables cited in one item: <c>[year] ORIGIN [#|(mark)|(year)] SERIAL [year suffix]</c>, then more serials
    /// joined by <c>/</c>, <c>,</c> or <c>AND</c>; also glued (<c>09CAIRO0561</c>), dashed (<c>10-OTTAWA-57</c>) and
    /// number-first (<c>870 Ulaanbaatar</c>) forms (§6.2). An item that is only a number continues the previous item's origin.
    /// </summary>
    private static List<Citation> FindCitations(string text, int start, int end, ref Citation? previous)
    {
        var tokens = Tokenize(text, start, end);
        var found = new List<Citation>();

        // Tokens before this one belong to a citation already read: one may follow it with no separator
        // ("SAO PAULO 433 SAO PAULO 421 BRASILIA 709").
        var citedUntil = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Number || !IsSerial(tokens[i].Text))
                continue;

            if (TryCiteAfter(tokens, i, out var stationAfter, out var lastWord))
            {
                found.Add(new Citation(stationAfter, Serial(tokens[i].Text), null, tokens[i].Start, tokens[lastWord].End));
                i = lastWord;
                citedUntil = i + 1;
                continue;
            }

            if (TryCiteBefore(tokens, i, citedUntil) is not { } origin)
                continue;
            var (suffixEnd, suffixYear, next) = ReadYearSuffix(tokens, i);
            var year = suffixYear ?? origin.Year;
            found.Add(new Citation(origin.Station, Serial(tokens[i].Text), year, origin.Start, suffixEnd));
            i = next - 1;

            // "Kabul 936/935", "BRASILIA 2799 AND 2764", "State 188314, 259032".
            while (TryReadContinuation(tokens, i + 1, out var serialAt))
            {
                var (moreEnd, moreYear, moreNext) = ReadYearSuffix(tokens, serialAt);
                found.Add(new Citation(origin.Station, Serial(tokens[serialAt].Text), moreYear ?? year, tokens[serialAt].Start, moreEnd, Continues: true));
                i = moreNext - 1;
            }

            citedUntil = i + 1;
        }

        // "¶B. 2962 AND PREVIOUS": a bare serial continues the previous item's origin — only when nothing but such words
        // follow it ("2004 HUMAN RIGHTS REPORT" is a document).
        if (found.Count == 0 && previous is not null && tokens.Count > 0 && tokens[0].Kind == TokenKind.Number
            && tokens[0].Text.Length >= 3 && IsSerial(tokens[0].Text) && tokens.TrueForAll(t => t.Kind != TokenKind.Word || IsBareSerialWord(t.Text)))
        {
            var (bareEnd, bareYear, _) = ReadYearSuffix(tokens, 0);
            found.Add(new Citation(previous.Station, Serial(tokens[0].Text), bareYear ?? previous.Year, tokens[0].Start, bareEnd));
        }

        if (found.Count > 0)
            previous = found[^1];
        return found;
    }

    private readonly record struct Origin(string Station, string? Year, int Start);

    // ORIGIN words before the serial, with an item boundary before them (the end of the citation read before counts).
    private static Origin? TryCiteBefore(List<Token> tokens, int serialIndex, int citedUntil)
    {
        var serial = tokens[serialIndex];
        var j = serialIndex - 1;
        string? yearBetween = null;

        // "BAGHDAD #3565", "KUWAIT (C)02293", "STATE (01) 201265", "OTTAWA-57".
        if (j >= 0 && tokens[j].Kind == TokenKind.Punct && tokens[j].Text is "#" or "-")
        {
            if (tokens[j].Text == "-" && (serial.SpaceBefore || tokens[j].SpaceBefore))
                return null;
            j--;
        }
        else if (j >= 2 && tokens[j].Text == ")" && tokens[j - 2].Text == "(")
        {
            var inside = tokens[j - 1];
            if (inside.Kind == TokenKind.Number && inside.Text.Length == 2)
                yearBetween = inside.Text;
            else if (inside.Kind != TokenKind.Word || inside.Text.Length > 3)
                return null;
            j -= 3;
        }

        // Up to four origin words, longest match first (RIO DE JAN, USUNESCO PARIS FR).
        var wordsStart = j + 1;
        while (wordsStart - 1 >= 0 && j - (wordsStart - 1) < 4 && tokens[wordsStart - 1].Kind == TokenKind.Word
               && (wordsStart - 1 == j || !IsSeparatorWord(tokens[wordsStart - 1].Text)))
            wordsStart--;
        var adjacent = j == serialIndex - 1;
        for (var first = wordsStart; first <= j; first++)
        {
            if (ResolveWords(tokens, first, j, adjacent) is not { } station)
                continue;
            var yearIndex = -1;
            if (first > citedUntil && !HasBoundaryBefore(tokens, first, out yearIndex))
                return null;
            var yearBefore = yearIndex >= 0 ? AsYear(tokens[yearIndex].Text) : null;
            return new Origin(station, yearBetween ?? yearBefore, tokens[yearIndex >= 0 ? yearIndex : first].Start);
        }

        return null;
    }

    // "870 Ulaanbaatar": a serial first, then the origin, then nothing more in the item.
    private static bool TryCiteAfter(List<Token> tokens, int serialIndex, out string station, out int lastWord)
    {
        station = "";
        lastWord = -1;
        if (tokens[serialIndex].Text.Length < 3 || (serialIndex > 0 && tokens[serialIndex - 1].Kind is TokenKind.Word or TokenKind.Number))
            return false;
        var last = serialIndex + 1;
        while (last < tokens.Count && tokens[last].Kind == TokenKind.Word && last - serialIndex <= 4)
            last++;
        if (last == serialIndex + 1 || (last < tokens.Count && tokens[last].Text is not ("," or ";" or ".")))
            return false;
        if (ResolveWords(tokens, serialIndex + 1, last - 1, countryCodeAllowed: false) is not { } resolved)
            return false;
        station = resolved;
        lastWord = last - 1;
        return true;
    }

    private static string? ResolveWords(List<Token> tokens, int first, int last, bool countryCodeAllowed)
    {
        if (first > last || first < 0)
            return null;
        var station = Stations.Resolve(JoinWords(tokens, first, last));

        // "MADRID SP 0307": a country code between the station and the serial ("STATE CA-3400" is not a cable).
        if (station is null && countryCodeAllowed && last > first && tokens[last].Text.Length == 2 && TagCodes.GeographicCodes.Contains(tokens[last].Text))
            station = Stations.Resolve(JoinWords(tokens, first, last - 1));
        return station;
    }

    private static string JoinWords(List<Token> tokens, int first, int last)
    {
        if (first == last)
            return tokens[first].Text;
        var builder = new System.Text.StringBuilder();
        for (var k = first; k <= last; k++)
            builder.Append(tokens[k].Text);
        return builder.ToString();
    }

    // What may stand before an origin: the item start, a year ("2009 CAIRO", "'08 BUENOS AIRES", "(99) ROME", "10-OTTAWA"),
    // a separator, AND or REF — not another word ("INCSR BRAZIL 2008" is a report, not a cable).
    private static bool HasBoundaryBefore(List<Token> tokens, int first, out int yearIndex)
    {
        yearIndex = -1;
        if (first == 0)
            return true;
        var before = tokens[first - 1];
        if (before.Kind == TokenKind.Number)
        {
            yearIndex = first - 1;
            return AsYear(before.Text) is not null;
        }

        if (before.Kind == TokenKind.Punct)
        {
            if (before.Text == ")" && first >= 3 && tokens[first - 3].Text == "(" && tokens[first - 2].Kind == TokenKind.Number && AsYear(tokens[first - 2].Text) is not null)
                yearIndex = first - 2;
            else if (before.Text is "-" or "'" or "’" && first >= 2 && tokens[first - 2].Kind == TokenKind.Number && AsYear(tokens[first - 2].Text) is not null)
                yearIndex = first - 2;
            return true;
        }

        return before.Kind == TokenKind.Word && IsSeparatorWord(before.Text);
    }

    private static bool IsBareSerialWord(string word) => word is "AND" or "PREVIOUS" or "PREV" or "NOTAL" or "EXDIS" or "NODIS" or "STADIS";

    private static bool IsSeparatorWord(string word) => word is "AND" or "REF" or "REFS" or "REFTEL" or "REFTELS" or "SEE" or "ALSO" or "PLUS";

    // "(08)", "-91", "/08" and "AMMAN 07718 99," give the year after the serial.
    private static (int End, string? Year, int Next) ReadYearSuffix(List<Token> tokens, int serialIndex)
    {
        var end = tokens[serialIndex].End;
        var k = serialIndex + 1;
        if (k + 2 < tokens.Count && tokens[k].Text == "(" && tokens[k + 1].Kind == TokenKind.Number && tokens[k + 1].Text.Length == 2 && tokens[k + 2].Text == ")")
            return (tokens[k + 2].End, tokens[k + 1].Text, k + 3);
        if (k + 1 < tokens.Count && tokens[k].Text is "-" or "/" && !tokens[k].SpaceBefore && tokens[k + 1].Kind == TokenKind.Number
            && tokens[k + 1].Text.Length == 2 && !tokens[k + 1].SpaceBefore)
            return (tokens[k + 1].End, tokens[k + 1].Text, k + 2);
        if (k < tokens.Count && tokens[k].Kind == TokenKind.Number && tokens[k].Text.Length == 2 && tokens[serialIndex].Text.Length >= 3
            && (k + 1 == tokens.Count || tokens[k + 1].Text is "," or ";" or ":" || tokens[k + 1].Text == "AND"))
            return (tokens[k].End, tokens[k].Text, k + 1);
        return (end, null, k);
    }

    // After a citation: "/935", ", 259032", "AND 2764", "& 7743" — a serial not followed by an origin (that would be a new citation).
    private static bool TryReadContinuation(List<Token> tokens, int k, out int serialAt)
    {
        serialAt = -1;
        if (k + 1 >= tokens.Count)
            return false;
        var joiner = tokens[k].Text;
        if (joiner is not ("/" or "," or "AND" or "&"))
            return false;
        var candidate = tokens[k + 1];
        if (candidate.Kind != TokenKind.Number || candidate.Text.Length < 3 || !IsSerial(candidate.Text))
            return false;
        if (k + 2 < tokens.Count && tokens[k + 2].Kind == TokenKind.Word && Stations.Resolve(tokens[k + 2].Text) is not null)
            return false;
        serialAt = k + 1;
        return true;
    }

    private static bool IsSerial(string digits) => digits.Length is >= 1 and <= 7 && digits.AsSpan().IndexOfAnyExcept('0') >= 0;

    private static string Serial(string digits) => digits.TrimStart('0');

    // "08", "2008", "094" (§6.2: 3-digit year with a leading 0), "O4".
    private static string? AsYear(string digits) => digits.Length switch
    {
        2 => digits,
        4 when digits[0] is '1' or '2' => digits[2..],
        3 when digits[0] == '0' => digits[1..],
        _ => null,
    };

    // §6.3: YY + STATION + SERIAL, the citing cable's year when the item gives none (§6.2).
    private static string? MakeId(Citation citation, int? cableYear)
    {
        var year = citation.Year ?? (cableYear is { } y ? (y % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture) : null);
        return year is null ? null : year + citation.Station + citation.Serial;
    }

    /// <summary>Splits an item into words, numbers and punctuation, repairing <c>0</c>/<c>O</c> confusions (§12) and splitting glued ids.</summary>
    private static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>(Math.Max(4, (end - start) / 4));
        var p = start;
        var space = true;
        while (p < end)
        {
            var c = text[p];
            if (TextScan.IsWhite(c) || c == '¶')
            {
                space = true;
                p++;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                tokens.Add(new Token(TokenKind.Punct, c.ToString(), p, p + 1, space));
                space = false;
                p++;
                continue;
            }

            // A run of letters and digits; apostrophes and hyphens inside a word stay in it (N'DJAMENA, PORT-OF-SPAIN).
            var q = p;
            while (q < end && (char.IsLetterOrDigit(text[q]) || (text[q] is '\'' or '’' or '-' && q + 1 < end && q > p
                       && char.IsLetter(text[q - 1]) && char.IsLetter(text[q + 1]))))
                q++;
            AddAlphanumeric(tokens, text, p, q, space);
            space = false;
            p = q;
        }

        return tokens;
    }

    private static void AddAlphanumeric(List<Token> tokens, string text, int start, int end, bool space)
    {
        var span = text.AsSpan(start, end - start);
        var letters = 0;
        var digits = 0;
        foreach (var c in span)
        {
            if (char.IsLetter(c))
                letters++;
            else if (TextScan.IsDigit(c))
                digits++;
        }

        if (letters == 0)
        {
            tokens.Add(new Token(TokenKind.Number, span.ToString(), start, end, space));
            return;
        }

        // "O1512", "O4": a letter O used as a zero before digits.
        if (span[0] is 'O' or 'o' && letters == 1 && digits > 0)
        {
            tokens.Add(new Token(TokenKind.Number, "0" + span[1..].ToString(), start, end, space));
            return;
        }

        // A word with stray zeros for O ("0TTAWA", "COTON0U", "SANTIAG0"): at most one digit, and it is a zero.
        if (digits == 0 || (digits == 1 && span.Contains('0') && letters >= 3))
        {
            tokens.Add(new Token(TokenKind.Word, Clean(span), start, end, space));
            return;
        }

        // "09CAIRO0561", "2005PANAMA2342": year, origin, serial glued together.
        var lead = 0;
        while (lead < span.Length && TextScan.IsDigit(span[lead]))
            lead++;
        var middle = lead;
        while (middle < span.Length && char.IsLetter(span[middle]))
            middle++;
        var tail = middle;
        while (tail < span.Length && TextScan.IsDigit(span[tail]))
            tail++;
        if (lead is 2 or 4 && middle - lead >= 3 && tail == span.Length && tail > middle)
        {
            tokens.Add(new Token(TokenKind.Number, span[..lead].ToString(), start, start + lead, space));
            tokens.Add(new Token(TokenKind.Word, Clean(span[lead..middle]), start + lead, start + middle, false));
            tokens.Add(new Token(TokenKind.Number, span[middle..].ToString(), start + middle, end, false));
            return;
        }

        tokens.Add(new Token(TokenKind.Other, span.ToString().ToUpperInvariant(), start, end, space));
    }

    private static string Clean(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[Math.Min(word.Length, 64)];
        var length = 0;
        foreach (var c in word)
        {
            if (length == buffer.Length)
                break;
            if (c == '0')
                buffer[length++] = 'O';
            else if (char.IsLetter(c))
                buffer[length++] = char.ToUpperInvariant(c);
        }

        return new string(buffer[..length]);
    }

    private static ReferenceKind KindOf(string raw)
    {
        var upper = raw.ToUpperInvariant();
        if (ContainsAnyWord(upper, EmailWords))
            return ReferenceKind.Email;
        if (ContainsAnyWord(upper, ConversationWords))
            return ReferenceKind.Conversation;
        if (ContainsAnyWord(upper, DocumentWords))
            return ReferenceKind.Document;
        return ReferenceKind.Other;
    }

    private static bool ContainsAnyWord(string text, string[] words)
    {
        foreach (var word in words)
        {
            var at = text.IndexOf(word, StringComparison.Ordinal);
            while (at >= 0)
            {
                if (TextScan.IsWordStart(text, at) && TextScan.IsWordEnd(text, at + word.Length))
                    return true;
                at = text.IndexOf(word, at + 1, StringComparison.Ordinal);
            }
        }

        return false;
    }
}
