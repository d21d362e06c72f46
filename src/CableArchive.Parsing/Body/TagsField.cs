using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Body;

/// <summary>
/// Reads the TAGS line (§5): its extent (continuation lines), then the tags — separated by blanks, commas or both;
/// persons in parentheses or after OVIP; free-text phrases; run-together codes split; SIPDIS and a repeated keyword dropped.
/// </summary>
internal static class TagsField
{
    private static readonly System.Buffers.SearchValues<char> NotTagCharacters = System.Buffers.SearchValues.Create("…-–—_=*#.:/\\'\"`~+&|<>");

    private readonly record struct Token(string Text, int Start, int End, bool InParentheses, bool AfterComma);

    /// <summary>Reads the tags that <paramref name="keyword"/> starts, up to <paramref name="bound"/>.</summary>
    /// <returns>The tags (duplicates removed, first kept) and where the field ends.</returns>
    public static (List<Tag> Tags, int End) Read(BodyText body, Keyword keyword, int bound)
    {
        var text = body.Text;
        // §3.4: an old page header inside TAGS is followed by the next page's garbled repeat; the field ends at the break.
        var end = FindEnd(text, keyword.ContentStart, bound);
        end = body.NextPageBreak(keyword.ContentStart, end);
        var tokens = Tokenize(text, keyword.ContentStart, end);
        var tags = new List<Tag>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var run = new List<Token>();

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.InParentheses)
            {
                // §5.2: "OVIP (CLINTON, HILLARY)": the parenthesised name is a person tag.
                FlushRun(body, run, tags, seen);
                Add(body, tags, seen, TagCodes.CanonicalPerson(token.Text), TagKind.Person, token.Start, token.End);
                continue;
            }

            if (token.Text is "SIPDIS" or "TAGS")
            {
                // §3.2: SIPDIS is a caption that strayed into TAGS; §5.2: "TAGS: … BA, TAGS: EFIN" repeats the keyword.
                FlushRun(body, run, tags, seen);
                continue;
            }

            if (run.Count == 0 && tags.Count > 0 && tags[^1].Code == "OVIP" && TryReadPerson(tokens, i, out var person, out var used))
            {
                // "OVIP CLINTON HILLARY" → CLINTON, HILLARY (§5.2, D3).
                Add(body, tags, seen, person, TagKind.Person, token.Start, tokens[i + used - 1].End);
                i += used - 1;
                continue;
            }

            if (TryMatchPhrase(tokens, i, out var phraseWords, out _) && !CrossesComma(tokens, i, phraseWords))
            {
                // §5.2: a known free-text tag can hold a word that is also a code ("TIP IN TURKEY": IN is India).
                for (var k = 0; k < phraseWords; k++)
                    run.Add(tokens[i + k]);
                i += phraseWords - 1;
                continue;
            }

            if (IsCode(token.Text))
            {
                FlushRun(body, run, tags, seen);
                Add(body, tags, seen, token.Text, TagCodes.KindOf(token.Text), token.Start, token.End);
                continue;
            }

            // Words that are not codes form free-text phrases ("HUMAN RIGHTS"); a comma ends a phrase.
            if (token.AfterComma)
                FlushRun(body, run, tags, seen);
            run.Add(token);
        }

        FlushRun(body, run, tags, seen);
        return (tags, end);
    }

    /// <summary>
    /// Where the TAGS field ends: its first line, plus continuation lines that end the line before with a comma or that
    /// hold only tag-like upper-case words and are followed by the next field (§5.1: <c>… KU COUNTRY</c> / <c>CLEARANCE</c> /
    /// <c>SUBJECT:</c>; <c>… RS</c> / <c>NATO, UK, CN</c>).
    /// </summary>
    private static int FindEnd(string text, int contentStart, int bound)
    {
        var end = TextScan.LineEnd(text, contentStart, bound);
        while (end < bound)
        {
            var next = end + 1;
            if (next >= bound)
                break;
            var nextEnd = TextScan.LineEnd(text, next, bound);
            if (IsTerminatorLine(text, next, nextEnd))
                break;

            var previousEndsWithComma = TextScan.TrimEnd(text, contentStart, end) is var last && last > contentStart && text[last - 1] == ',';
            var thisEndsWithComma = TextScan.TrimEnd(text, next, nextEnd) is var own && own > next && text[own - 1] == ',';
            var followedByTerminator = nextEnd >= bound || IsTerminatorLine(text, nextEnd + 1, TextScan.LineEnd(text, nextEnd + 1, bound));
            if (!previousEndsWithComma && !(LooksLikeTags(text, next, nextEnd) && (followedByTerminator || thisEndsWithComma)))
                break;
            end = nextEnd;
        }

        return end;
    }

    private static bool IsTerminatorLine(string text, int start, int end)
    {
        var p = TextScan.SkipBlanks(text, start, end);
        return p >= end
            || Keywords.StartsLine(text, p, end)
            || Paragraphs.IsNumberedLine(text, p, end)
            || Banner.TryRead(text, p, end) is { Serial: not null }
            || TextScan.IsWordAt(text, p, "PAGE");
    }

    // Upper-case words only, few of them, no FOR/PASS (an office line): the tail of a wrapped TAGS line.
    private static bool LooksLikeTags(string text, int start, int end)
    {
        var words = 0;
        var letters = 0;
        var inWord = false;
        for (var p = start; p < end; p++)
        {
            var c = text[p];
            if (char.IsLower(c))
                return false;
            if (char.IsLetter(c))
                letters++;
            var separator = TextScan.IsWhite(c) || c is ',' or ';';
            if (!separator && !inWord)
            {
                words++;
                if (TextScan.IsWordAt(text, p, "FOR") || TextScan.IsWordAt(text, p, "PASS"))
                    return false;
            }

            inWord = !separator;
        }

        return letters > 0 && words <= 10;
    }

    private static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>(Math.Max(4, (end - start) / 5));
        var afterComma = true;
        var p = start;
        while (p < end)
        {
            var c = text[p];
            if (TextScan.IsWhite(c))
            {
                p++;
                continue;
            }

            if (c is ',' or ';' or ':')
            {
                afterComma = true;
                p++;
                continue;
            }

            if (c == '(')
            {
                var close = text.AsSpan(p + 1, end - p - 1).IndexOf(')');
                var innerEnd = close < 0 ? end : p + 1 + close;
                var inner = TextScan.Collapse(text, p + 1, innerEnd).ToUpperInvariant();
                if (inner.Length > 0)
                    tokens.Add(new Token(inner, p, Math.Min(end, innerEnd + 1), InParentheses: true, afterComma));
                afterComma = false;
                p = Math.Min(end, innerEnd + 1);
                continue;
            }

            var tokenEnd = p;
            while (tokenEnd < end && !TextScan.IsWhite(text[tokenEnd]) && text[tokenEnd] is not (',' or ';' or '('))
                tokenEnd++;
            var trimmedEnd = tokenEnd;
            while (trimmedEnd > p && text[trimmedEnd - 1] is '.' or ':' or ')')
                trimmedEnd--;
            // A token without a letter or digit ("…", "--") is not a tag.
            if (trimmedEnd > p && text.AsSpan(p, trimmedEnd - p).ContainsAnyExcept(NotTagCharacters))
                tokens.Add(new Token(UpperCase(text.AsSpan(p, trimmedEnd - p)), p, trimmedEnd, InParentheses: false, afterComma));
            afterComma = false;
            p = tokenEnd;
        }

        return tokens;
    }

    // One allocation: tags are mostly upper case already, so most calls only copy.
    private static string UpperCase(ReadOnlySpan<char> token)
    {
        if (token.Length > 128)
            return token.ToString().ToUpperInvariant();
        Span<char> buffer = stackalloc char[token.Length];
        var length = token.ToUpperInvariant(buffer);
        return new string(buffer[..length]);
    }

    // A code breaks a phrase: a known tag, any two-letter word (§5.2: geographic codes are not a closed list), any
    // four-letter subject-shaped tag, or a token with digits, "/" or "-" (UNGA/C-6).
    private static bool IsCode(string token)
    {
        if (TagCodes.IsKnown(token))
            return true;
        var letters = true;
        foreach (var c in token)
            letters &= c is >= 'A' and <= 'Z';
        if (!letters)
            return true;
        return token.Length == 2 || (token.Length == 4 && "PEMSTACOK".Contains(token[0]) && !IsPhraseWord(token));
    }

    private static bool CrossesComma(List<Token> tokens, int start, int count)
    {
        for (var k = start + 1; k < start + count; k++)
        {
            if (tokens[k].AfterComma)
                return true;
        }

        return false;
    }

    // Free-text tags are words ("COUNTER TERRORISM", "OIL AND GAS"); a run made only of short acronyms ("FBI JUS") is
    // a list of unknown codes whose separators were blanks.
    private static bool IsAcronymRun(List<Token> run, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (run[k].Text.Length > 3 || run[k].Text is "AND" or "THE" or "FOR" or "OF" or "IN" or "ON" or "TO")
                return false;
        }

        return true;
    }

    private static bool IsPhraseWord(string word)
    {
        foreach (var phrase in TagCodes.Phrases)
        {
            foreach (var w in phrase)
            {
                if (w == word)
                    return true;
            }
        }

        return false;
    }

    // "OVIP STEINBERG JAMES PREL": two words that are not codes, and an optional initial, make SURNAME, GIVEN.
    private static bool TryReadPerson(List<Token> tokens, int i, out string person, out int used)
    {
        person = "";
        used = 0;
        if (i + 1 >= tokens.Count)
            return false;
        var surname = tokens[i];
        var given = tokens[i + 1];
        if (given.AfterComma || !IsName(surname.Text) || !IsName(given.Text))
            return false;
        used = 2;
        var name = $"{surname.Text}, {given.Text}";
        if (i + 2 < tokens.Count && !tokens[i + 2].AfterComma && tokens[i + 2].Text.Length == 1 && char.IsLetter(tokens[i + 2].Text[0]))
        {
            name += " " + tokens[i + 2].Text + ".";
            used = 3;
        }

        person = TagCodes.CanonicalPerson(name);
        return true;

        static bool IsName(string word)
        {
            if (word.Length < 2 || TagCodes.IsKnown(word) || (word.Length == 4 && TagCodes.SubjectTags.Contains(word)))
                return false;
            foreach (var c in word)
            {
                if (c is not (>= 'A' and <= 'Z' or '\'' or '-'))
                    return false;
            }

            return true;
        }
    }

    // Turns a run of non-code words into phrases: known phrases first (the last word may be cut short, "FOREIGN POL",
    // or glued to codes, "HUMAN RIGHTSPOLMIL"), run-together codes split, typos repaired, other words joined.
    private static void FlushRun(BodyText body, List<Token> run, List<Tag> tags, HashSet<string> seen)
    {
        var pendingStart = -1;
        for (var i = 0; i < run.Count;)
        {
            if (TryMatchPhrase(run, i, out var words, out var remainder))
            {
                FlushPending(i);
                var last = run[i + words - 1];
                var phrase = JoinTexts(run, i, i + words);
                if (remainder is not null)
                    phrase = phrase[..^(remainder.Sum(r => r.Length))];
                Add(body, tags, seen, phrase, TagKind.Unknown, run[i].Start, last.End);
                foreach (var code in remainder ?? [])
                    Add(body, tags, seen, code, TagCodes.KindOf(code), last.Start, last.End);
                i += words;
                continue;
            }

            var token = run[i];
            var fixedCodes = TagCodes.SplitRunTogether(token.Text) ?? (TagCodes.RepairTypo(token.Text) is { } repaired ? [repaired] : null);
            if (fixedCodes is not null)
            {
                FlushPending(i);
                foreach (var code in fixedCodes)
                    Add(body, tags, seen, code, TagCodes.KindOf(code), token.Start, token.End);
                i++;
                continue;
            }

            if (pendingStart < 0)
                pendingStart = i;
            i++;
        }

        FlushPending(run.Count);
        run.Clear();

        void FlushPending(int upTo)
        {
            if (pendingStart < 0)
                return;
            if (IsAcronymRun(run, pendingStart, upTo))
            {
                for (var k = pendingStart; k < upTo; k++)
                    Add(body, tags, seen, run[k].Text, TagCodes.KindOf(run[k].Text), run[k].Start, run[k].End);
            }
            else
            {
                var phrase = JoinTexts(run, pendingStart, upTo);
                Add(body, tags, seen, phrase, TagCodes.KindOf(phrase), run[pendingStart].Start, run[upTo - 1].End);
            }

            pendingStart = -1;
        }
    }

    private static string JoinTexts(List<Token> run, int from, int to)
    {
        if (to - from == 1)
            return run[from].Text;
        var builder = new System.Text.StringBuilder();
        for (var k = from; k < to; k++)
        {
            if (k > from)
                builder.Append(' ');
            builder.Append(run[k].Text);
        }

        return builder.ToString();
    }

    private static bool TryMatchPhrase(List<Token> run, int i, out int words, out List<string>? remainder)
    {
        words = 0;
        remainder = null;
        foreach (var phrase in TagCodes.Phrases)
        {
            if (i + phrase.Length > run.Count)
                continue;
            var matches = true;
            for (var k = 0; k < phrase.Length - 1 && matches; k++)
                matches = run[i + k].Text == phrase[k];
            if (!matches)
                continue;

            var last = run[i + phrase.Length - 1].Text;
            var expected = phrase[^1];
            if (last == expected || (last.Length >= 3 && expected.StartsWith(last, StringComparison.Ordinal)))
            {
                words = phrase.Length;
                return true;
            }

            if (last.StartsWith(expected, StringComparison.Ordinal) && TagCodes.SplitCodes(last[expected.Length..]) is { } codes)
            {
                words = phrase.Length;
                remainder = codes;
                return true;
            }
        }

        return false;
    }

    private static void Add(BodyText body, List<Tag> tags, HashSet<string> seen, string code, TagKind kind, int start, int end)
    {
        if (code.Length == 0 || !seen.Add(code))
            return;
        tags.Add(new Tag(code, kind, body.ToSourceSpan(start, end)));
    }
}
