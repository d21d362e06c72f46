using System.Collections.Frozen;
using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Body;

/// <summary>
/// Reads the "Classified By" line (§7): the classifier's name(s) with the title stripped, and the reasons
/// normalised (<c>1.4(b)</c>, <c>1.4(d)</c>). Handles the label repeated (<c>Classified By: Classified by DCM …</c>),
/// words split by wrapping (<c>Hoyt Y</c> / <c>ee</c>, <c>REA</c> / <c>SONS</c>), misspelt titles (<c>Ambassadro</c>),
/// and two officers (<c>AF KARL WYCOFF, ACTING AND S/CT DAS SHARI VILLAROSA</c>).
/// </summary>
internal static class ClassifiedByField
{
    private const int MaxNameLines = 3;
    private const int MaxNameChars = 400;
    private const int ReasonSearchChars = 160;

    // Titles, ranks, offices and bureaus that stand before a name; matched on the upper-cased token without its dots.
    private static readonly FrozenSet<string> Titles = FrozenSet.ToFrozenSet(
    [
        "AMBASSADOR", "AMB", "CHARGE", "CHARG", "CDA", "DCM", "D'AFFAIRES", "D'AFFAIRS", "AFFAIRES", "AFFAIRS", "AFFAIRE", "AFFAIR",
        "ACTING", "DEPUTY", "CHIEF", "MISSION", "POLITICAL", "POL", "ECON", "ECONOMIC", "ECONOMICAL", "COUNSELOR", "COUNSELLOR",
        "COUNS", "COUNSEL", "MINISTER", "OFFICER", "OFFICE", "PRINCIPAL", "DIRECTOR", "ASSISTANT", "SECRETARY", "SPECIAL",
        "ENVOY", "REPRESENTATIVE", "PERMANENT", "CONSUL", "GENERAL", "CONGEN", "ATTACHE", "ADVISER", "ADVISOR", "LEGAL", "HEAD",
        "LEADER", "TEAM", "SECTION", "COORDINATOR", "CHAIRMAN", "MEMBER", "USDEL", "DELEGATION", "DAS", "PDAS", "DPO", "PO",
        "IPO", "ARSO", "RSO", "MC", "POLOFF", "ECONOFF", "POLECONOFF", "ECPO", "POLMIN", "POLMINCONS", "ECMIN", "EMIN",
        "ECONCOUNS", "POLCOUNS", "MCOUNSELOR", "INTERAGENCY", "PROVINCIAL", "GOVERNANCE", "AIT", "PRT", "USEU", "USUN",
        "USNATO", "EMBASSY", "US", "CONSULATE", "STATE", "DEPARTMENT", "DEPT", "AF", "EUR", "NEA", "EAP", "WHA", "SCA", "IO",
        "ISN", "INR", "DRL", "EB", "OES", "PM", "CT", "VCI", "NP", "AI", "CHARGÉ", "DE'AFFAIRS", "POLMIL", "ECONOMICS", "PUBLIC",
        "AFFAIRS", "UNDER", "SENIOR", "ADVISOR", "PRESIDENT", "VICE", "CONSUL-GENERAL", "MINISTER-COUNSELOR", "COMMANDER", "DATT",
        "DIRECTOR-GENERAL", "ADMINISTRATOR", "PAO", "DHS", "FBI", "LEGATT", "REFCOORD", "CONOFF", "MGT", "A/S", "POLAD", "M/C",
    ], StringComparer.Ordinal);

    // Long titles whose misspellings occur (§7: Ambassaor, Abassador, Ambasasdor, AMBSSADOR, Counsleor, CIEF, REPRESENATIVE).
    private static readonly string[] TitleRoots =
    [
        "AMBASSADOR", "COUNSELOR", "COUNSELLOR", "OFFICER", "DIRECTOR", "MINISTER", "SECRETARY", "REPRESENTATIVE", "COORDINATOR",
        "ATTACHE", "ADVISER", "AFFAIRES", "AFFAIRS", "POLITICAL", "ECONOMIC", "ASSISTANT", "PRINCIPAL", "MISSION", "PERMANENT",
        "CHAIRMAN", "DEPUTY", "ACTING", "CHARGE", "CHIEF",
    ];

    // Words that end a name or join titles (lower-case words end a name anyway in mixed-case text).
    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "FOR", "PER", "AND", "TO", "OF", "THE", "ON", "BASED", "DUE", "UNDER", "BY", "IN", "AT", "WITH", "A.I", "AI", "OR",
        "A.Y", "REASON", "REASONS", "SECTION", "&",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Prepositions = FrozenSet.ToFrozenSet(["TO", "FOR", "OF", "AND", "IN", "AT"], StringComparer.Ordinal);

    // Punctuation that closes a token without being part of it.
    private static readonly char[] Closers = [',', ';', ':'];
    private static readonly char[] ClosersAndPeriod = [',', ';', ':', '.'];
    private static readonly char[] TitleEdges = [' ', ',', ':'];

    private static readonly FrozenSet<string> Suffixes = FrozenSet.ToFrozenSet(["JR", "SR", "II", "III", "IV"], StringComparer.Ordinal);

    private enum Role
    {
        Name,
        Title,
        Stop,
        Other,
    }

    private sealed class Word(string text, int start, int end, bool newlineBefore)
    {
        private string? key;
        private Role? role;

        public string Text
        {
            get => text;
            set
            {
                text = value;
                key = null;
                role = null;
            }
        }

        public int Start { get; } = start;

        public int End { get; set; } = end;

        public bool NewlineBefore { get; } = newlineBefore;

        public bool IsSeparator => text is "," or ";" or "-" or "?" or "/";

        public string Key => key ??= Normalize(text);

        // The role depends on the text and the case mode of the line, which does not change while a line is read.
        public Role RoleIn(bool mixedCase) => role ??= RoleOf(this, mixedCase);
    }

    /// <summary>Reads the line that <paramref name="keyword"/> starts, up to <paramref name="bound"/>.</summary>
    /// <returns>The record and where it ends.</returns>
    public static (ClassifiedBy Record, int End) Read(BodyText body, Keyword keyword, int bound)
    {
        var text = body.Text;
        var nameStart = SkipRepeatedLabel(text, keyword.ContentStart, bound);
        var nameEnd = FindNameEnd(text, nameStart, bound);
        var reasons = ReadReasons(text, nameEnd, Math.Min(bound, nameEnd + ReasonSearchChars), out var reasonsEnd);
        var end = Math.Max(TextScan.TrimEnd(text, nameStart, nameEnd), reasonsEnd);

        var (names, title) = ReadNames(text, nameStart, nameEnd);
        var record = new ClassifiedBy
        {
            Name = names.Count > 0 ? names[0] : null,
            Names = names,
            Title = title,
            Reasons = reasons,
            Raw = text[keyword.Start..end],
            Span = body.ToSourceSpan(keyword.Start, end),
        };
        return (record, end);
    }

    // "Classified By: Classified by DCM …", "Classified By: (C) CLASSIFIED BY …", "Classified By: 1. CLASSIFIED BY …".
    private static int SkipRepeatedLabel(string text, int p, int bound)
    {
        for (var round = 0; round < 3; round++)
        {
            var q = TextScan.SkipWhitespace(text, p, bound);
            if (q < bound && text[q] == '(')
            {
                var close = text.AsSpan(q, Math.Min(6, bound - q)).IndexOf(')');
                if (close > 1)
                    q = TextScan.SkipWhitespace(text, q + close + 1, bound);
            }
            else if (q + 1 < bound && TextScan.IsDigit(text[q]) && text[q + 1] == '.' && !(q + 2 < bound && TextScan.IsDigit(text[q + 2])))
            {
                q = TextScan.SkipWhitespace(text, q + 2, bound);
            }

            var again = Keywords.FindAll(text, q, Math.Min(bound, q + 20));
            if (again.Count > 0 && again[0].Field == FrontField.ClassifiedBy && again[0].Start == q)
            {
                p = again[0].ContentStart;
                continue;
            }

            return round == 0 ? p : q;
        }

        return p;
    }

    /// <summary>
    /// Where the name part ends: at the reason (the word, even split, or the number), at <c>E.O.</c>, at a blank line or a
    /// paragraph, or after a few lines (§7: CM-reader's look-ahead <c>R\s*E\s*A\s*S?\s*ON?|E\.O\.|1\.[45]</c>).
    /// </summary>
    private static int FindNameEnd(string text, int start, int bound)
    {
        bound = Math.Min(bound, start + MaxNameChars);
        var lines = 0;
        for (var p = start; p < bound; p++)
        {
            var c = text[p];
            if (c == '\n')
            {
                var next = p + 1;
                var nextEnd = TextScan.LineEnd(text, next, bound);
                if (++lines >= MaxNameLines || TextScan.IsBlank(text, next, nextEnd) || Paragraphs.IsNumberedLine(text, TextScan.SkipBlanks(text, next, nextEnd), nextEnd))
                    return p;
                continue;
            }

            if (!TextScan.IsWordStart(text, p))
                continue;
            if (c is 'R' or 'r' && MatchReasonWord(text, p, bound) > p)
                return p;
            if (c is 'E' or 'e' && IsExecutiveOrderMention(text, p, bound))
                return p;
            if (c == '1' && MatchReasonNumber(text, p, bound, out _) > p)
                return p;
            if (c is 'S' or 's' && TextScan.IsWordAt(text, p, "SUMMARY"))
                return p;
        }

        return bound;
    }

    /// <summary>
    /// Matches "reason(s)" at <paramref name="p"/> in its observed spellings and splits: REASONS, Resons, reaons, RASONS,
    /// REA / SONS, re / ason, r / easons (§7, §12). Returns the offset after it, or -1.
    /// </summary>
    private static int MatchReasonWord(string text, int p, int limit)
    {
        if (p >= limit || char.ToUpperInvariant(text[p]) != 'R')
            return -1;
        var q = p + 1;
        var vowels = 0;
        var newlines = 0;
        while (q < limit)
        {
            q = SkipWrap(text, q, limit, ref newlines);
            if (q < limit && char.ToUpperInvariant(text[q]) is 'E' or 'A' or 'S')
            {
                vowels++;
                q++;
                continue;
            }

            break;
        }

        if (vowels < 2 || q >= limit || char.ToUpperInvariant(text[q]) != 'O')
            return -1;
        q = SkipWrap(text, q + 1, limit, ref newlines);
        if (q >= limit || char.ToUpperInvariant(text[q]) != 'N')
            return -1;
        return q + 1;
    }

    // Blanks and at most one line break inside a wrapped word.
    private static int SkipWrap(string text, int q, int limit, ref int newlines)
    {
        while (q < limit && (text[q] is ' ' or '\t' || (text[q] == '\n' && newlines++ == 0)))
            q++;
        return q;
    }

    /// <summary>
    /// Whether the E.O. keyword at <paramref name="start"/> is the order the reasons cite (<c>Classified by … ; reasons:
    /// E.O. 12958 1.4 (b,d).</c>), not the E.O. field: its line gives a reason number and no declassification.
    /// </summary>
    public static bool IsCitedInReasons(string text, int start, int limit)
    {
        var lineEnd = TextScan.LineEnd(text, start, limit);
        var line = text.AsSpan(start, lineEnd - start);
        if (line.Contains("DECL", StringComparison.OrdinalIgnoreCase))
            return false;
        for (var p = start + 1; p < lineEnd; p++)
        {
            if (text[p] == '1' && TextScan.IsWordStart(text, p) && MatchReasonNumber(text, p, lineEnd, out _) > p)
                return true;
        }

        return false;
    }

    private static bool IsExecutiveOrderMention(string text, int p, int limit)
    {
        var q = p + 1;
        if (q < limit && text[q] == '.')
            q++;
        q = TextScan.SkipBlanks(text, q, limit);
        if (q >= limit || char.ToUpperInvariant(text[q]) != 'O' || !TextScan.IsWordEnd(text, q + 1) && !(q + 1 < limit && text[q + 1] == '.'))
            return false;
        return q > p + 1 || (q + 1 < limit && TextScan.IsDigit(text[TextScan.SkipBlanks(text, q + 1, limit)]));
    }

    /// <summary>Matches a reason number <c>1\s*[.,/]\s*[245]</c> (typos 1,4 and 1/4; split <c>1.</c> / <c>4</c>); returns the offset after it or -1.</summary>
    private static int MatchReasonNumber(string text, int p, int limit, out char section)
    {
        section = '\0';
        if (p >= limit || text[p] != '1' || (p > 0 && TextScan.IsDigit(text[p - 1])))
            return -1;
        var newlines = 0;
        var q = SkipWrap(text, p + 1, limit, ref newlines);
        if (q >= limit || text[q] is not ('.' or ',' or '/'))
            return -1;
        q = SkipWrap(text, q + 1, limit, ref newlines);
        if (q >= limit || text[q] is not ('2' or '4' or '5') || (q + 1 < limit && TextScan.IsDigit(text[q + 1])))
            return -1;
        section = text[q];
        return q + 1;
    }

    /// <summary>
    /// Reads the reasons after the name: the first reason number, then letters a–h joined by "and", "&amp;", ",", "/", "+"
    /// or blanks, with or without parentheses (§7: <c>(b) and (d)</c>, <c>(B), (D)</c>, <c>b/d</c>, <c>1.4(G)(E)</c>, <c>1.5.D.</c>).
    /// </summary>
    private static List<string> ReadReasons(string text, int start, int limit, out int end)
    {
        var reasons = new List<string>();
        end = start;
        for (var p = start; p < limit; p++)
        {
            if (text[p] != '1' || !TextScan.IsWordStart(text, p) && text[p - 1] != '(')
                continue;
            var after = MatchReasonNumber(text, p, limit, out var section);
            if (after < 0)
                continue;

            end = after;
            var q = after;
            while (q < limit)
            {
                var c = text[q];
                if (TextScan.IsWhite(c) || c is '(' or ')' or ',' or '/' or '&' or '+' or '.' or ';')
                {
                    q++;
                    continue;
                }

                // "and", also split by wrapping ("1.4 (b) an" / "d (d).", §12).
                var and = TextScan.MatchLoose(text, q, limit, "AND", maxGap: 0, acrossLines: true);
                if (and > q && TextScan.IsWordStart(text, q) && TextScan.IsWordEnd(text, and))
                {
                    q = and;
                    continue;
                }

                var letter = char.ToLowerInvariant(c);
                if (letter is >= 'a' and <= 'h' && (q + 1 >= limit || !char.IsLetter(text[q + 1])))
                {
                    var reason = $"1.{section}({letter})";
                    if (!reasons.Contains(reason))
                        reasons.Add(reason);
                    q++;
                    end = q;
                    if (end < limit && text[end] == ')')
                        end++;
                    continue;
                }

                break;
            }

            if (reasons.Count == 0)
                reasons.Add($"1.{section}");
            while (end < limit && text[end] is '.' or ')' or ' ')
                end++;

            // "… 1.4 (b) and (d" / ").": the closing punctuation wrapped onto a line of its own.
            if (end < limit && text[end] == '\n')
            {
                var next = TextScan.LineEnd(text, end + 1, limit);
                if (next > end + 1 && text.AsSpan(end + 1, next - end - 1).IndexOfAnyExcept(").; ") < 0)
                    end = next;
            }

            end = TextScan.TrimEnd(text, start, end);
            return reasons;
        }

        return reasons;
    }

    /// <summary>
    /// The names in [start, end): the name is the last run of name-like words in a part (parts are separated by commas,
    /// semicolons, dashes) after the titles; further parts add a name only after "AND" (§7 G6).
    /// </summary>
    private static (List<string> Names, string? Title) ReadNames(string text, int start, int end)
    {
        var words = Tokenize(text, start, end);

        // "Classified By: Derived from Multiple Sources": a derivative classification names no officer.
        if (words.Count > 0 && words[0].Key == "DERIVED")
            return ([], null);
        var mixedCase = false;
        for (var i = start; i < end && !mixedCase; i++)
            mixedCase = char.IsLower(text[i]);
        if (mixedCase)
            JoinWrappedWords(words);

        var names = new List<string>(2);
        string? title = null;
        var partStart = 0;
        for (var i = 0; i <= words.Count; i++)
        {
            if (i < words.Count && !words[i].IsSeparator)
                continue;
            var partEnd = i;
            var suffix = i + 1 < words.Count && Suffixes.Contains(words[i + 1].Key) ? words[i + 1] : null;
            var allowSingleWord = names.Count == 0 && partStart == 0;
            var from = partStart;
            partStart = i + 1;

            if (!FindName(words, from, partEnd, mixedCase, allowSingleWord, out var nameStart, out var nameEnd))
                continue;
            if (names.Count > 0 && (!ContainsAnd(words, from, partEnd) || WordCount(words, nameStart, nameEnd) < 2))
                continue;

            var found = Join(words, nameStart, nameEnd, clean: true);

            // "THOMAS W. SIMONS, JR., AMBASSADOR": a suffix after the comma belongs to the name.
            if (suffix is not null)
            {
                found += ", " + suffix.Text.TrimEnd(Closers);
                partStart = i + 2;
                i++;
            }

            if (names.Count == 0 && nameStart > from)
                title = Join(words, from, nameStart, clean: false).Trim(TitleEdges);
            names.Add(found);
        }

        return (names, string.IsNullOrEmpty(title) ? null : title);
    }

    private static bool ContainsAnd(List<Word> words, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (words[k].Key is "AND" or "&")
                return true;
        }

        return false;
    }

    private static string Join(List<Word> words, int from, int to, bool clean)
    {
        if (to - from == 1)
            return clean ? Clean(words[from].Text) : words[from].Text;
        var builder = new System.Text.StringBuilder();
        for (var k = from; k < to; k++)
        {
            if (k > from)
                builder.Append(' ');
            builder.Append(clean ? Clean(words[k].Text) : words[k].Text);
        }

        return builder.ToString();
    }

    // The name in words[from, to): the last run of name words with two words or more (or one word right after a title,
    // in the first part), without a leading undotted initial or a place after a preposition, at most three words long.
    private static bool FindName(List<Word> words, int from, int to, bool mixedCase, bool allowSingleWord, out int nameStart, out int nameEnd)
    {
        nameStart = nameEnd = -1;
        int singleStart = -1, singleEnd = -1;
        var i = from;
        while (i < to)
        {
            if (words[i].RoleIn(mixedCase) != Role.Name)
            {
                i++;
                continue;
            }

            var runStart = i;
            while (i < to && words[i].RoleIn(mixedCase) == Role.Name)
                i++;
            var before = runStart > from ? words[runStart - 1] : null;

            // "S ROBERT LUKE" (AFFAIR / S wrapped): an undotted initial does not start a name.
            var first = runStart;
            while (first < i && IsInitial(words[first].Text) && !words[first].Text.Contains('.') && WordCount(words, first + 1, i) >= 2)
                first++;

            // "AMBASSADOR TO SUDAN TIMOTHY CARNEY", "… for Afghanistan and Pakistan Richard C. Holbrooke": a place after a
            // preposition belongs to the title.
            if (before is not null && Prepositions.Contains(before.Key) && WordCount(words, first, i) >= 3)
                first++;
            while (WordCount(words, first, i) > 3)
                first++;

            var wordCount = WordCount(words, first, i);
            if (wordCount >= 2)
            {
                (nameStart, nameEnd) = (first, i);
            }
            else if (allowSingleWord && wordCount == 1 && before is not null && before.RoleIn(mixedCase) == Role.Title)
            {
                (singleStart, singleEnd) = (first, i);
            }
        }

        if (nameStart < 0)
            (nameStart, nameEnd) = (singleStart, singleEnd);
        return nameStart >= 0;
    }

    private static int WordCount(List<Word> words, int from, int to)
    {
        var count = 0;
        for (var k = from; k < to; k++)
        {
            if (!IsInitial(words[k].Text) && words[k].Text[0] is not ('"' or '“' or '\''))
                count++;
        }

        return count;
    }

    private static Role RoleOf(Word word, bool mixedCase)
    {
        var key = word.Key;
        if (key.Length == 0)
            return Role.Other;
        if (StopWords.Contains(key))
            return Role.Stop;
        if (IsTitle(key))
            return Role.Title;

        var text = word.Text.TrimEnd(Closers);
        if (text.Length == 0)
            return Role.Other;

        // A nickname in quotes belongs to the name: A. “Hoot” Baez.
        if (text.Length > 2 && text[0] is '"' or '“' or '\'' && text[^1] is '"' or '”' or '\'')
            return Role.Name;
        if (!char.IsUpper(text[0]) && text[0] != '0')
            return char.IsLower(text[0]) ? Role.Stop : Role.Other;

        // "LEE 0. COLDREN": an initial, even a zero typed for an O (§7, §12).
        if (IsInitial(text))
            return Role.Name;
        var lower = 0;
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsLower(c))
                    lower++;
            }
            else if (c is not ('.' or '\'' or '’' or '-' or '0'))
            {
                return Role.Other;
            }
        }

        if (letters == 0)
            return Role.Other;

        // In mixed-case text an all-capitals word is an office or acronym (DPO, USUN, MC), not a name.
        if (mixedCase && lower == 0 && letters >= 2 && !IsInitial(text) && !Suffixes.Contains(key))
            return Role.Other;
        return Role.Name;
    }

    // Run-together titles: "Polcounselor", "PolMinCouns", "PolMC" end with a title.
    private static readonly string[] TitleEndings = ["COUNSELOR", "COUNSELLOR", "COUNS", "MINISTER", "DIRECTOR", "SECRETARY", "OFFICER", "AMBASSADOR", "COORDINATOR", "ATTACHE", "ADVISOR", "ADVISER", "POLMC", "ECONMC"];

    private static bool IsTitle(string key)
    {
        if (Titles.Contains(key))
            return true;
        foreach (var ending in TitleEndings)
        {
            if (key.Length > ending.Length + 1 && key.EndsWith(ending, StringComparison.Ordinal))
                return true;
        }

        // "Minister-Counselour", "Pol/Econ": a compound with a title in it.
        if (key.AsSpan().IndexOfAny('-', '/') > 0)
        {
            foreach (var part in key.Split('-', '/'))
            {
                if (part.Length > 0 && (Titles.Contains(part) || IsMisspeltTitle(part)))
                    return true;
            }
        }

        return IsMisspeltTitle(key);
    }

    private static bool IsMisspeltTitle(string key)
    {
        if (key.Length < 4)
            return false;
        foreach (var root in TitleRoots)
        {
            // A typo keeps the first letter (Abassador, CIEF, REPRESENATIVE); checking it first keeps this cheap.
            if (root[0] != key[0])
                continue;
            var allowed = root.Length >= 8 && key.Length >= 8 ? 2 : 1;
            if (Math.Abs(root.Length - key.Length) <= allowed && EditDistance(key, root, allowed) <= allowed)
                return true;
        }

        return false;
    }

    // Optimal string alignment distance (a swap of neighbours counts one), cut off above `limit`.
    private static int EditDistance(string a, string b, int limit)
    {
        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
                return limit + 1;
            previous.CopyTo(previous2);
            current.CopyTo(previous);
        }

        return previous[b.Length];
    }

    private static bool IsInitial(string text)
    {
        var t = text.AsSpan().TrimEnd(Closers);
        if (t.Length == 1)
            return char.IsLetter(t[0]) || t[0] == '0';
        if (t.Length == 2 && t[1] == '.')
            return char.IsLetter(t[0]) || t[0] == '0';

        // "S.K.", "A.F.", "W.S."
        if (t.Length >= 4 && t.Length % 2 == 0)
        {
            for (var k = 0; k < t.Length; k += 2)
            {
                if (!char.IsLetter(t[k]) || t[k + 1] != '.')
                    return false;
            }

            return true;
        }

        return false;
    }

    // Tokens of the name part: words, and the separators that split it into parts (comma, semicolon, a lone dash or "?").
    private static List<Word> Tokenize(string text, int start, int end)
    {
        var words = new List<Word>(16);
        var newline = false;
        var p = start;
        while (p < end)
        {
            var c = text[p];
            if (TextScan.IsWhite(c) || c == ':')
            {
                newline |= c == '\n';
                p++;
                continue;
            }

            if (c is ',' or ';')
            {
                words.Add(new Word(c.ToString(), p, p + 1, newline));
                newline = false;
                p++;
                continue;
            }

            var q = p;
            while (q < end && !TextScan.IsWhite(text[q]) && text[q] is not (',' or ';' or ':'))
                q++;
            var token = text.Substring(p, q - p);
            words.Add(new Word(token is "--" ? "-" : token, p, q, newline));
            newline = false;
            p = q;
        }

        return words;
    }

    // §7, §12: "Hoyt Y" / "ee", "Charles O. Blah" / "a", "Richa" / "rd": a lower-case piece at a line start that is not a
    // word of its own finishes the capitalised word before the break.
    private static void JoinWrappedWords(List<Word> words)
    {
        for (var i = words.Count - 1; i > 0; i--)
        {
            var piece = words[i];
            var before = words[i - 1];
            if (!piece.NewlineBefore || piece.Text.Length == 0 || !char.IsLower(piece.Text[0]) || StopWords.Contains(piece.Key)
                || MatchReasonWord(piece.Text, 0, piece.Text.Length) > 0)
                continue;
            if (before.Text.Length == 0 || !char.IsUpper(before.Text[0]) || !char.IsLetter(before.Text[^1]))
                continue;
            before.Text += piece.Text;
            before.End = piece.End;
            words.RemoveAt(i);
        }
    }

    private static string Clean(string token) => IsInitial(token) || Suffixes.Contains(Normalize(token))
        ? token.TrimEnd(Closers)
        : token.TrimEnd(ClosersAndPeriod);

    // Upper case, trailing punctuation and enclosing apostrophes dropped, zero read as O (COUNSEL0R, AMBASSAD0R, 0N).
    private static string Normalize(string token)
    {
        var t = token.AsSpan().Trim("(),;:.'’");
        if (t.IsEmpty)
            return "";
        return string.Create(t.Length, token, static (buffer, source) =>
        {
            var trimmed = source.AsSpan().Trim("(),;:.'’");
            for (var i = 0; i < trimmed.Length; i++)
                buffer[i] = trimmed[i] == '0' ? 'O' : char.ToUpperInvariant(trimmed[i]);
        });
    }
}
