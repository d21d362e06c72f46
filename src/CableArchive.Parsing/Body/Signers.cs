using System.Buffers;
using System.Collections.Frozen;

using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Body;

/// <summary>
/// Reads the signature (§9): scanning back from the end past the trailers (a trailing classification line, SIPDIS, NNNN,
/// "End Cable Text", classified-web footers, another archive's trailer…), the last line is the signer's surname —
/// one to three words, upper case or a single capitalised word — or a name after the last sentence of the text
/// (<c>21.  BEIRUT MINIMIZE CONSIDERED.  EAGLETON</c>). Several signers stand on the lines above it, around UNQUOTE
/// (<c>CLINTON UNQUOTE CLINTON</c>), or joined (<c>KEEGANPAAL</c>).
/// </summary>
internal static class Signers
{
    private const int MaxTrailerLines = 30;

    // Words that end a text without being a name.
    private static readonly FrozenSet<string> NotNames = FrozenSet.ToFrozenSet(
    [
        "UNQUOTE", "QUOTE", "END", "TEXT", "REGARDS", "SIPDIS", "NOFORN", "CONFIDENTIAL", "SECRET", "UNCLASSIFIED", "UNCLAS",
        "BT", "NNNN", "COMMENT", "SUMMARY", "MINIMIZE", "CONSIDERED", "THANKS", "THANK", "YOU", "NOTE", "FYI", "ENDS",
        "FOLLOWS", "CLASSIFIED", "PARAGRAPH", "DECLASSIFIED", "SEPTEL", "ACTION", "INFO", "CORRECTION", "APPROVED",
        "CLEARED", "DRAFTED", "YYY", "XXX", "ENDIT", "ENDTEXT", "STATE", "DEPARTMENT", "EMBASSY", "THE", "AND", "BEST",
        "SINCERELY", "ATTACHMENT", "ENCLOSURE", "TAGS", "SUBJECT", "NIACT", "IMMEDIATE", "PRIORITY", "ROUTINE",
    ], StringComparer.Ordinal);

    private static readonly char[] SurnameEdges = ['.', ','];
    private static readonly SearchValues<string> FooterMarkers =
        SearchValues.Create(["http", "intelink", "/wiki/", "Classified Web", "sgov.gov", "SELECT * FROM"], StringComparison.OrdinalIgnoreCase);

    // Words a footer ends with that are not a signer ("… Classified Web Site", "… Portal").
    private static readonly FrozenSet<string> NotFooterNames = FrozenSet.ToFrozenSet(["WEBSITE", "SITE", "WEB", "PORTAL", "HOME", "PAGE"], StringComparer.Ordinal);

    // The file extension of an address that a wrapped line split off ("index. cfm").
    private static readonly FrozenSet<string> AddressEndings = FrozenSet.ToFrozenSet(["cfm", "htm", "html", "asp", "aspx", "php"], StringComparer.OrdinalIgnoreCase);

    private static readonly string[] LoneTrailerWords = ["SIPDIS", "NOFORN", "NNNN", "BT"];
    private static readonly string[] TrailerPrefixes = ["END CABLE TEXT", "DECLASSIFIED/RELEASED", "NOTE BY OC/T", "NOTE: NOT PASSED", "REVIEW "];

    // §9: CM-c14n keeps a table of surname typos; only the generic ones are kept here.
    private static readonly FrozenDictionary<string, string> Corrections = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ODONOHUE"] = "O'DONOHUE",
        ["SCHEIFFER"] = "SCHIEFFER",
        ["RICCIARONDE"] = "RICCIARDONE",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Reads the signers at the end of [start, end).</summary>
    /// <param name="body">The cleaned body.</param>
    /// <param name="start">Where the text after the front matter starts.</param>
    /// <param name="end">Where the body ends.</param>
    /// <param name="classifiers">Names from the Classified By line, to split joined signers (<c>KEEGANPAAL</c>).</param>
    /// <returns>The signers in text order, and where the text before the signature and trailers ends.</returns>
    public static (List<Signer> Signers, int TextEnd) Read(BodyText body, int start, int end, IReadOnlyList<string> classifiers)
    {
        var text = body.Text;
        var signers = new List<Signer>();
        var textEnd = end;
        var cursor = end;
        for (var examined = 0; cursor > start && examined < MaxTrailerLines; examined++)
        {
            var (lineStart, lineEnd) = PreviousLine(text, start, cursor);
            cursor = lineStart;
            var a = TextScan.SkipBlanks(text, lineStart, lineEnd);
            var b = TextScan.TrimEnd(text, a, lineEnd);
            if (a >= b)
                continue;
            if (IsTrailer(text, a, b))
            {
                // "…Classified Website: http://… ******** CUNNINGHAM", "… london/index. cfm Tuttle": the footer shares the
                // signer's line.
                if ((text[a] == '*' && ReadSameLineName(text, a, b, out var afterFooter)) || ReadNameAfterAddress(text, a, b, out afterFooter))
                {
                    AddNames(body, signers, [(afterFooter, b)], classifiers);
                    textEnd = lineStart;
                    break;
                }

                textEnd = lineStart;
                continue;
            }

            // A signer typed in lower case, on its own line: under a footer ("********" / "jones", 10KUWAIT45), after a
            // sentence, or under another name ("Best," / "" / "Jeff" / "clinton", 09STATE63812).
            if (IsLowerCaseWord(text, a, b) && (UnderFooter(text, start, lineStart) || FollowsSentence(text, start, lineStart) || UnderName(text, start, lineStart)))
            {
                AddNames(body, signers, [(a, b)], classifiers);
                textEnd = lineStart;
                ReadSignersAbove(body, start, lineStart, signers, classifiers, ref textEnd);
                break;
            }

            // A name with a period ("MCNAMARA.") must follow a sentence's end, not end a wrapped one ("… BE IN" / "JEOPARDY.").
            if (ReadNameLine(text, a, b, allowPeriod: true, out var names) && (!EndsWithPeriod(text, a, b) || FollowsSentence(text, start, lineStart)))
            {
                AddNames(body, signers, names, classifiers);
                textEnd = lineStart;
                ReadSignersAbove(body, start, lineStart, signers, classifiers, ref textEnd);
                break;
            }

            // "END OF TEXT. BAKER": a name after the last sentence on the same line.
            if (ReadSameLineName(text, a, b, out var nameStart))
            {
                AddNames(body, signers, [(nameStart, b)], classifiers);
                textEnd = nameStart;
            }

            break;
        }

        return (signers, textEnd);
    }

    // Separate lines above the signer ("BURNS" / "BRYS", "Kenny" / "GREENLEE"), also across UNQUOTE (the quoted telegram's
    // own signer, §8.8); each must follow the end of a sentence, so that a wrapped tail ("… of America" / "City") is not one.
    private static void ReadSignersAbove(BodyText body, int start, int cursor, List<Signer> signers, IReadOnlyList<string> classifiers, ref int textEnd)
    {
        var text = body.Text;
        var found = 0;
        for (var lines = 0; cursor > start && lines < 8 && found < 3; lines++)
        {
            var (lineStart, lineEnd) = PreviousLine(text, start, cursor);
            cursor = lineStart;
            var a = TextScan.SkipBlanks(text, lineStart, lineEnd);
            var b = TextScan.TrimEnd(text, a, lineEnd);
            if (a >= b || (TextScan.IsWordAt(text, a, "UNQUOTE") && a + 7 == b))
                continue;
            if (!ReadNameLine(text, a, b, allowPeriod: false, out var names) || names.Count > 2 || !FollowsSentence(text, start, lineStart))
            {
                // "… End Comment. Kenny" / "GREENLEE": the first signer ends the text's last line.
                if (ReadSameLineName(text, a, b, out var nameStart))
                {
                    AddNamesFirst(body, signers, [(nameStart, b)], classifiers);
                    textEnd = nameStart;
                }

                return;
            }

            AddNamesFirst(body, signers, names, classifiers);
            textEnd = lineStart;
            found++;
        }
    }

    // Signers found above the ones already read come first, in text order.
    private static void AddNamesFirst(BodyText body, List<Signer> signers, List<(int Start, int End)> names, IReadOnlyList<string> classifiers)
    {
        var before = signers.Count;
        AddNames(body, signers, names, classifiers);
        var added = signers.GetRange(before, signers.Count - before);
        signers.RemoveRange(before, added.Count);
        signers.InsertRange(0, added);
    }

    private static (int Start, int End) PreviousLine(string text, int start, int cursor)
    {
        var lineEnd = cursor;
        if (lineEnd > start && text[lineEnd - 1] == '\n')
            lineEnd--;
        var lineStart = Math.Max(start, TextScan.LineStart(text, lineEnd));
        return (lineStart, lineEnd);
    }

    /// <summary>
    /// Whether [a, b) is a name line: one to three upper-case words or one capitalised word (<c>Beyrle</c>, <c>LeBaron</c>),
    /// letters with apostrophes and hyphens (<c>O'DONOHUE</c>, <c>STRAUSZ-HUPE</c>), optionally <c>##</c> or a period after it;
    /// UNQUOTE may stand between two names (<c>CLINTON UNQUOTE CLINTON</c>).
    /// </summary>
    private static bool ReadNameLine(string text, int a, int b, bool allowPeriod, out List<(int Start, int End)> names)
    {
        names = [];
        var end = b;
        while (end > a && text[end - 1] is '#' or ' ' or '.' or '>')
            end--;
        if (end <= a || end - a > 45 || (!allowPeriod && end < b && text[end] == '.'))
            return false;

        var words = new List<(int Start, int End)>();
        for (var p = a; p < end;)
        {
            var wordEnd = p;
            while (wordEnd < end && !TextScan.IsWhite(text[wordEnd]))
                wordEnd++;
            words.Add((p, wordEnd));
            p = TextScan.SkipBlanks(text, wordEnd, end);
        }

        var groupStart = -1;
        var upper = IsUpperCase(text, a, end);
        for (var i = 0; i <= words.Count; i++)
        {
            var isUnquote = i < words.Count && Word(text, words[i]) == "UNQUOTE";
            if (i < words.Count && !isUnquote)
            {
                if (!IsNameWord(text, words[i].Start, words[i].End))
                    return false;
                if (groupStart < 0)
                    groupStart = i;
                continue;
            }

            if (groupStart >= 0)
            {
                var count = i - groupStart;
                if (count > 3 || (!upper && count > 1))
                    return false;

                // "KUBISKE KUBISKE": a name typed twice is two signatures, not a two-word name.
                if (count == 2 && Word(text, words[groupStart]) == Word(text, words[groupStart + 1]))
                {
                    names.Add(words[groupStart]);
                    names.Add(words[groupStart + 1]);
                }
                else
                {
                    names.Add((words[groupStart].Start, words[i - 1].End));
                }
            }

            groupStart = -1;
        }

        return names.Count > 0;
    }

    private static bool IsNameWord(string text, int start, int end)
    {
        if (end - start < 2 && !(end - start == 1 && char.IsUpper(text[start])))
            return false;
        if (!char.IsUpper(text[start]) || (end - start >= 4 && text.AsSpan(start, end - start).IndexOfAnyExcept('X', 'x') < 0))
            return false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (!char.IsLetter(c) && c is not ('\'' or '’' or '-'))
                return false;
        }

        return !NotNames.Contains(Word(text, (start, end)));
    }

    private static string Word(string text, (int Start, int End) word) => text.Substring(word.Start, word.End - word.Start).ToUpperInvariant();

    private static bool IsUpperCase(string text, int a, int b)
    {
        for (var i = a; i < b; i++)
        {
            if (char.IsLower(text[i]))
                return false;
        }

        return true;
    }

    private static bool IsLowerCaseWord(string text, int a, int b)
    {
        if (b - a < 3 || b - a > 20)
            return false;
        for (var i = a; i < b; i++)
        {
            if (text[i] is not (>= 'a' and <= 'z'))
                return false;
        }

        return !NotNames.Contains(Word(text, (a, b)));
    }

    // The last line of text above the line at `lineStart`, blank lines skipped, without its blanks; empty when none.
    private static (int Start, int End) LineAbove(string text, int start, int lineStart)
    {
        var end = TextScan.TrimEnd(text, start, lineStart);
        return end <= start ? (start, start) : (TextScan.SkipBlanks(text, TextScan.LineStart(text, end - 1), end), end);
    }

    private static bool UnderName(string text, int start, int lineStart)
    {
        var (a, b) = LineAbove(text, start, lineStart);
        return a < b && ReadNameLine(text, a, b, allowPeriod: false, out var names) && names.Count == 1;
    }

    // The line above is a classified-web footer: a line of stars or one that quotes the web address.
    private static bool UnderFooter(string text, int start, int lineStart)
    {
        var (a, b) = LineAbove(text, start, lineStart);
        return a < b && (text[a] == '*' || text.AsSpan(a, b - a).ContainsAny(FooterMarkers)) && IsTrailer(text, a, b);
    }

    private static bool EndsWithPeriod(string text, int a, int b) => b > a && text[b - 1] == '.';

    // A name line with a period ("MCNAMARA.") or a second signer must not be the tail of a wrapped sentence ("…BE IN" / "JEOPARDY.").
    private static bool FollowsSentence(string text, int start, int lineStart)
    {
        var (a, previous) = LineAbove(text, start, lineStart);
        if (previous <= start)
            return true;
        if (previous < lineStart - 1 && text.AsSpan(previous, lineStart - previous).Count('\n') >= 2)
            return true;
        return text[previous - 1] is '.' or '!' or '?' or ':' or '"' or ')' or '”' || IsTrailer(text, a, previous)
            || TextScan.IsWordAt(text, a, "UNQUOTE") || TextScan.IsWordAt(text, a, "GP");
    }

    /// <summary>
    /// A name after the last sentence on the same line: <c>21.  BEIRUT MINIMIZE CONSIDERED.  EAGLETON</c>,
    /// <c>END OF TEXT. BAKER</c>, <c>… END COMMENT EIKENBERRY</c>, <c>… restructuring. .FARRAR</c>; in re-flowed media copies
    /// (§12: long lines) also a capitalised name (<c>… can do together. Aguirre</c>), and a name after a footer's stars.
    /// </summary>
    private static bool ReadSameLineName(string text, int a, int b, out int nameStart)
    {
        nameStart = b;
        var (p, end) = LastWord(text, a, b);
        if (end - p < 3 || p == a || !IsNameWord(text, p, end))
            return false;

        var upper = IsUpperCase(text, p, end);
        var q = p;
        while (q > a && text[q - 1] == ' ')
            q--;
        var spaced = q < p;
        var before = text[q - 1];

        // After a sentence: a period (also glued, ".FARRAR"), or a closing quote or parenthesis after one; a capitalised name
        // only after a sentence of some length ("¶4.  (SBU)  Fourth." is a paragraph, not a signature).
        var closesSentence = before is '.' or '!' or '?' || (before is '"' or '”' or ')' && q - 2 >= a && text[q - 2] is '.' or '!' or '?');
        var afterSentence = upper ? closesSentence && (spaced || before == '.') : closesSentence && spaced && CountWords(text, a, q) >= 3;
        var afterMarker = upper && spaced && (before == '*' || EndsWithWords(text, a, q, "END COMMENT") || EndsWithWords(text, a, q, "END TEXT")
            || EndsWithWords(text, a, q, "END NOTE") || EndsWithWords(text, a, q, "UNQUOTE"));
        if (!afterSentence && !afterMarker)
            return false;
        nameStart = p;
        return true;
    }

    /// <summary>
    /// A name ending a classified-web footer, after its web address (<c>Visit London's Classified Website:
    /// http://www.state.sgov.gov/p/eur/london/index. cfm Tuttle</c>): the last word, a name set off by a space, with
    /// nothing between it and the address but the address's own pieces (a wrapped address keeps a dot, a slash or a
    /// file extension in each).
    /// </summary>
    private static bool ReadNameAfterAddress(string text, int a, int b, out int nameStart)
    {
        nameStart = b;
        var (p, end) = LastWord(text, a, b);
        if (end - p < 3 || p == a || text[p - 1] != ' ' || !IsNameWord(text, p, end) || NotFooterNames.Contains(Word(text, (p, end))))
            return false;
        var scheme = text.AsSpan(a, p - a).LastIndexOf("http", StringComparison.OrdinalIgnoreCase);
        if (scheme < 0)
            return false;
        foreach (var piece in text.Substring(a + scheme, p - a - scheme).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (piece.AsSpan().IndexOfAny('/', '.') < 0 && !AddressEndings.Contains(piece))
                return false;
        }

        nameStart = p;
        return true;
    }

    // The last word of [a, b) without a trailing period or "##": letters, apostrophes and hyphens.
    private static (int Start, int End) LastWord(string text, int a, int b)
    {
        var end = b;
        while (end > a && text[end - 1] is '.' or '#')
            end--;
        var start = end;
        while (start > a && (char.IsLetter(text[start - 1]) || text[start - 1] is '\'' or '-'))
            start--;
        return (start, end);
    }

    private static int CountWords(string text, int start, int end)
    {
        var words = 0;
        for (var i = start; i < end; i++)
        {
            if (!TextScan.IsWhite(text[i]) && (i == start || TextScan.IsWhite(text[i - 1])))
                words++;
        }

        return words;
    }

    private static bool EndsWithWords(string text, int a, int end, string words)
    {
        var start = end - words.Length;
        return start >= a && TextScan.StartsWithIgnoreCase(text, start, words) && TextScan.IsWordStart(text, start);
    }

    private static void AddNames(BodyText body, List<Signer> signers, List<(int Start, int End)> names, IReadOnlyList<string> classifiers)
    {
        var text = body.Text;
        foreach (var (start, end) in names)
        {
            var name = TextScan.Collapse(text, start, end).ToUpperInvariant();
            var span = body.ToSourceSpan(start, end);
            if (SplitJoined(name, classifiers) is { } pair)
            {
                signers.Add(new Signer(pair.First, span));
                signers.Add(new Signer(pair.Second, span));
                continue;
            }

            signers.Add(new Signer(Corrections.TryGetValue(name, out var corrected) ? corrected : name, span));
        }
    }

    // §9: "KEEGANPAAL" (04TAIPEI3991) → KEEGAN, PAAL, when one half is a surname the Classified By line names.
    private static (string First, string Second)? SplitJoined(string name, IReadOnlyList<string> classifiers)
    {
        if (name.Length < 7 || name.Contains(' '))
            return null;
        foreach (var classifier in classifiers)
        {
            var space = classifier.LastIndexOf(' ');
            var surname = (space < 0 ? classifier : classifier[(space + 1)..]).TrimEnd(SurnameEdges).ToUpperInvariant();
            if (surname.Length < 3 || surname.Length > name.Length - 3)
                continue;
            if (name.StartsWith(surname, StringComparison.Ordinal))
                return (surname, name[surname.Length..]);
            if (name.EndsWith(surname, StringComparison.Ordinal))
                return (name[..^surname.Length], surname);
        }

        return null;
    }

    private static bool HasClockTime(ReadOnlySpan<char> line)
    {
        for (var i = 0; i + 8 <= line.Length; i++)
        {
            if (char.IsAsciiDigit(line[i]) && char.IsAsciiDigit(line[i + 1]) && line[i + 2] == ':' && char.IsAsciiDigit(line[i + 3])
                && char.IsAsciiDigit(line[i + 4]) && line[i + 5] == ':' && char.IsAsciiDigit(line[i + 6]) && char.IsAsciiDigit(line[i + 7]))
                return true;
        }

        return false;
    }

    /// <summary>Whether the line [a, b) is a trailer that can follow the signature (§9, §8.7).</summary>
    public static bool IsTrailer(string text, int a, int b)
    {
        if (a >= b)
            return true;
        var length = b - a;

        // A lone classification line (centred or not), SIPDIS, NOFORN, NNNN, ">", ".", "##".
        if (Banner.TryReadLevel(text, a, b, out _, out var levelEnd))
        {
            var rest = TextScan.SkipBlanks(text, levelEnd, b);
            while (rest < b && text[rest] == '/')
                rest++;
            if (rest >= b || (TextScan.IsWordAt(text, rest, "NOFORN") && rest + 6 == b))
                return true;
        }

        foreach (var word in LoneTrailerWords)
        {
            if (TextScan.IsWordAt(text, a, word) && a + word.Length == b)
                return true;
        }

        if (text.AsSpan(a, length).IndexOfAnyExcept(">.#*-=_ ") < 0)
            return true;

        // "End Cable Text", "Declassified/Released US Department of State EO Systematic" / "Review 30 JUN 2006",
        // "NOTE BY OC/T: …", "NOTE: NOT PASSED TO ABOVE ADDRESSEE(S)".
        foreach (var prefix in TrailerPrefixes)
        {
            if (TextScan.StartsWithIgnoreCase(text, a, prefix) && (prefix != "REVIEW " || text.AsSpan(a, length).IndexOfAny(TextScan.Digits) > 0))
                return true;
        }

        // "2004CARACA01540 - UNCLASSIFIED", " 2002ROME01748 - Classification: SECRET": another archive's trailer (§1.4).
        if (length > 8 && TextScan.IsDigit(text[a]) && text.AsSpan(a, length).Contains(" - ", StringComparison.Ordinal)
            && text.AsSpan(a, 4).IndexOfAnyExcept(TextScan.Digits) < 0)
            return true;

        // Classified-web footers (§8.7) and old distribution blocks ("INFO  LOG-00   NP-00 …"); mail and database debris
        // that some copies carry after the text ("Zenaida X Toledo 07/30/2008 04:04:14 PM From DB/Inbox", "EPET @ EL P").
        // A numbered paragraph is text whatever it quotes ("¶9. (U) Please see: http://en.wikipedia.org/…").
        var line = text.AsSpan(a, length);
        if ((line.IndexOfAny('@', '`') >= 0 || line.IndexOfAny(FooterMarkers) >= 0 || HasClockTime(line)) && !Paragraphs.IsNumberedLine(text, a, b))
            return true;
        return line.Contains("-00 ", StringComparison.Ordinal) && (line.StartsWith("INFO") || line.StartsWith("ACTION") || line.Count("-00") >= 3);
    }
}
