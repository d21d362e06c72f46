using System.Buffers;
using CableArchive.Domain;
using CableArchive.Domain.Cables;
using CableArchive.Parsing.Identity;

namespace CableArchive.Parsing.Header;

/// <summary>Reads one addressee line, <c>[RI "/"] PLAD [PRECEDENCE] [MCN]</c> (cable-format notes §2.7).</summary>
internal static class AddresseeParser
{
    private const int MaxTokens = 48;

    private static readonly SearchValues<char> Blanks = SearchValues.Create(" \t");

    private static readonly SearchValues<char> UpperLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>The precedence words (§2.7, FAH 5 FAH-2 H-420); NIACT IMMEDIATE is read from its two words.</summary>
    private static readonly string[] PrecedenceWords = ["FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE"];

    /// <summary>
    /// Reads the addressee in <paramref name="line"/>, which starts at <paramref name="offset"/> of the cable text.
    /// Returns null when the line holds no name (only a precedence word or a number).
    /// </summary>
    public static Addressee? Parse(ParseContext context, ReadOnlySpan<char> line, int offset)
    {
        var leading = line.Length - line.TrimStart().Length;
        var text = line.Trim();
        offset += leading;
        if (text.IsEmpty)
            return null;
        var span = new TextSpan(offset, text.Length);

        // The routing indicator is the first word when a slash ends it: RUEHC/SECSTATE WASHDC, and the pseudo-RI ZEN/.
        string? routingIndicator = null;
        var slash = text.IndexOf('/');
        var firstBlank = text.IndexOfAny(Blanks);
        if (slash is >= 2 and <= 8 && (firstBlank < 0 || slash < firstBlank) && !text[..slash].ContainsAnyExcept(UpperLetters))
        {
            routingIndicator = new string(text[..slash]);
            text = text[(slash + 1)..].TrimStart();
        }

        Span<Range> tokens = stackalloc Range[MaxTokens];
        var count = text.SplitAny(tokens, " \t", StringSplitOptions.RemoveEmptyEntries);
        var nameEnd = count;

        string? mcn = null, mcnEnd = null;
        if (nameEnd > 0 && TryReadMcn(text[tokens[nameEnd - 1]], out mcn, out mcnEnd))
            nameEnd--;

        string? precedence = null;
        if (nameEnd > 0 && TryReadPrecedence(text[tokens[nameEnd - 1]], out precedence, out var corrected))
        {
            if (corrected)
                context.Report(DiagnosticSeverity.Info, offset, $"Precedence '{text[tokens[nameEnd - 1]]}' read as {precedence}.");
            nameEnd--;
            // NIACT ("night action") raises IMMEDIATE: the pair is one precedence (§2.7).
            if (precedence == "IMMEDIATE" && nameEnd > 0 && text[tokens[nameEnd - 1]].Equals("NIACT", StringComparison.OrdinalIgnoreCase))
            {
                precedence = "NIACT IMMEDIATE";
                nameEnd--;
            }
        }
        else if (nameEnd > 0 && text[tokens[nameEnd - 1]].Equals("NIACT", StringComparison.OrdinalIgnoreCase))
        {
            precedence = "NIACT IMMEDIATE";
            nameEnd--;
        }

        if (nameEnd == 0)
            return null;

        // The name keeps its words with single spaces (COMUSNAVCENT  IMMEDIATE has two).
        var name = JoinWords(text, tokens[..nameEnd]);
        return new Addressee
        {
            RoutingIndicator = routingIndicator,
            Name = name,
            Precedence = precedence,
            Mcn = mcn,
            McnEnd = mcnEnd,
            Span = span,
        };
    }

    /// <summary>
    /// Whether <paramref name="line"/> starts with an old-format page header (<c>PAGE 02        STATE   015113  182333Z</c>),
    /// which breaks into address lists (§2.7, §3.4); <paramref name="length"/> is how much of the line it takes.
    /// </summary>
    public static bool TryReadPageHeader(ReadOnlySpan<char> line, out int length)
    {
        length = 0;
        if (!line.StartsWith("PAGE", StringComparison.Ordinal) || line.Length < 6 || !char.IsWhiteSpace(line[4]))
            return false;

        // PAGE nn <station, maybe two words> <serial> [nn OF nn] <DDHHMMZ>: the header ends with its time.
        Span<Range> tokens = stackalloc Range[12];
        var count = line.SplitAny(tokens, " \t", StringSplitOptions.RemoveEmptyEntries);
        if (count < 4 || !IsDigits(line[tokens[1]]))
            return false;

        for (var i = 2; i < count && i < tokens.Length - 1; i++)
        {
            var token = line[tokens[i]];
            if (token.Length == 7 && IsDigits(token[..6]) && token[6] == 'Z')
            {
                length = tokens[i].End.GetOffset(line.Length);
                return true;
            }
        }

        return false;
    }

    /// <summary>A message continuity number, 4 digits or more, or a range of them (<c>2276-2279</c>, §2.7).</summary>
    private static bool TryReadMcn(ReadOnlySpan<char> token, out string? mcn, out string? mcnEnd)
    {
        (mcn, mcnEnd) = (null, null);
        var dash = token.IndexOf('-');
        var first = dash < 0 ? token : token[..dash];
        if (first.Length < 4 || !IsDigits(first))
            return false;
        if (dash >= 0)
        {
            var last = token[(dash + 1)..];
            if (!IsDigits(last))
                return false;
            mcnEnd = new string(last);
        }

        mcn = new string(first);
        return true;
    }

    /// <summary>
    /// A precedence word, normalised; <paramref name="corrected"/> when it was a typo one or two letters off
    /// (<c>PRIOITY</c>, <c>PIORITY</c>, §2.7).
    /// </summary>
    private static bool TryReadPrecedence(ReadOnlySpan<char> token, out string? precedence, out bool corrected)
    {
        (precedence, corrected) = (null, false);
        foreach (var word in PrecedenceWords)
        {
            if (token.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                precedence = word;
                return true;
            }
        }

        // Typos keep the first letter and most of the length; short words are left alone, they could be a place.
        if (token.Length < 6 || token.Length > 11)
            return false;
        Span<char> upper = stackalloc char[token.Length];
        token.ToUpperInvariant(upper);
        foreach (var word in PrecedenceWords)
        {
            if (word.Length >= 6 && upper[0] == word[0] && Spelling.Distance(upper, word, 3) <= 2)
            {
                precedence = word;
                corrected = true;
                return true;
            }
        }

        return false;
    }

    private static string JoinWords(ReadOnlySpan<char> text, ReadOnlySpan<Range> words)
    {
        var length = words.Length - 1;
        foreach (var word in words)
            length += text[word].Length;

        // Usually the words already stand one space apart: then the name is that stretch of the line as it is.
        var stretch = text[words[0].Start..words[^1].End];
        if (stretch.Length == length && !stretch.Contains('\t'))
            return new string(stretch);

        Span<char> buffer = length <= 256 ? stackalloc char[length] : new char[length];
        var position = 0;
        foreach (var word in words)
        {
            if (position > 0)
                buffer[position++] = ' ';
            text[word].CopyTo(buffer[position..]);
            position += text[word].Length;
        }

        return new string(buffer);
    }

    private static bool IsDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');
}
