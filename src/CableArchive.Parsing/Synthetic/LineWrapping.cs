namespace CableArchive.Parsing.Synthetic;

/// <summary>
/// Breaks text into lines the way cable drafting software did: at spaces, about 55–70 characters wide
/// (cable-format notes §12), or not at all for the re-flowed cables whose paragraphs are single long lines (§10, J3).
/// </summary>
internal static class LineWrapping
{
    /// <summary>
    /// Wraps <paramref name="text"/> (single-spaced) into lines of at most <paramref name="width"/> characters where words allow;
    /// the first line is <paramref name="firstLinePrefix"/> (which ends in a space when not empty) followed by text.
    /// A width of 0 keeps everything on one line.
    /// </summary>
    public static List<string> Wrap(string text, int width, string firstLinePrefix = "")
    {
        var lines = new List<string>();
        if (width <= 0)
        {
            lines.Add(firstLinePrefix + text);
            return lines;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var line = new System.Text.StringBuilder(firstLinePrefix);
        var lineHasWord = false;
        foreach (var word in words)
        {
            // A wrapped line must not begin with "2008." or "B.": the WikiLeaks pages would anchor it and a parser would read a
            // paragraph number (§1.1, §8.1). Such a word stays on the line before, even past the width.
            var fits = line.Length + 1 + word.Length <= width;
            if (lineHasWord && !fits && !StartsLikeParagraphNumber(word))
            {
                lines.Add(line.ToString());
                line.Clear();
                lineHasWord = false;
            }

            if (lineHasWord)
                line.Append(' ');
            line.Append(word);
            lineHasWord = true;
        }

        if (line.Length > 0)
            lines.Add(line.ToString());
        return lines;
    }

    /// <summary>
    /// Whether a word at the start of a line would read as a paragraph or item number: digits or one capital letter, then a period
    /// (the WikiLeaks anchor rule, <c>^\s*(\d+|[A-Z])\.\s</c>, as the 303 pages show it).
    /// </summary>
    public static bool StartsLikeParagraphNumber(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || word[^1] != '.')
            return false;
        var head = word[..^1];
        if (head.Length == 1 && char.IsAsciiLetterUpper(head[0]))
            return true;
        foreach (var c in head)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }

        return true;
    }
}
