using System.Buffers;
using CableArchive.Domain.Classification;

namespace CableArchive.Parsing.Containers;

/// <summary>What a banner (classification) line says, as far as the container readers need it.</summary>
/// <param name="Level">The classification word's level.</param>
/// <param name="Spaced">Whether the word is written with spaces between its letters (<c>S E C R E T</c>).</param>
/// <param name="OriginWords">The origin words before the serial (<c>RIO DE JANEIRO</c>), or null when the line has none.</param>
/// <param name="Serial">The serial as written (<c>002577</c>), or null when the line has none.</param>
internal readonly record struct Banner(ClassificationLevel Level, bool Spaced, string? OriginWords, string? Serial)
{
    /// <summary>Whether the line is a complete banner, with origin words and a serial, not a classification word alone.</summary>
    public bool IsComplete => OriginWords is not null && Serial is not null;
}

/// <summary>
/// Recognises the banner that starts the body: <c>&lt;CLASSIFICATION&gt; [SECTION nn OF nn] &lt;ORIGIN WORDS&gt; &lt;SERIAL&gt;</c>
/// (cable-format notes §3.1). The container readers split header from body at it; the body parser reads it in full.
/// </summary>
internal static class BannerLine
{
    private const int MaxTokens = 16;

    private const int MaxOriginWords = 4;

    /// <summary>The longest origin words, blanks included (<c>BANDAR SERI BEGAWAN</c> is 19); more is not a banner.</summary>
    private const int MaxOriginLength = 80;

    private static readonly SearchValues<char> Blanks = SearchValues.Create(" \t");

    private static readonly SearchValues<char> OriginCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.'-");

    /// <summary>
    /// The classification words, letters only, longest first so that UNCLASSIFIED is tried before UNCLAS
    /// (§3.1; §11 for LIMITED OFFICIAL USE and TOP SECRET, kept though not observed on a banner).
    /// </summary>
    private static readonly (string Letters, ClassificationLevel Level)[] ClassificationWords =
    [
        ("LIMITEDOFFICIALUSE", ClassificationLevel.Sbu),
        ("UNCLASSIFIED", ClassificationLevel.Unclassified),
        ("CONFIDENTIAL", ClassificationLevel.Confidential),
        ("TOPSECRET", ClassificationLevel.TopSecret),
        ("UNCLAS", ClassificationLevel.Unclassified),
        ("SECRET", ClassificationLevel.Secret),
    ];

    /// <summary>Captions written on the banner itself between the word and the origin (<c>UNCLAS EFTO</c>, §11).</summary>
    private static readonly string[] BannerCaveats = ["EFTO", "NOFORN", "SBU", "SENSITIVE"];

    /// <summary>
    /// The length of the classification word at the start of <paramref name="line"/> (after blanks), 0 when there is none.
    /// Matches every §3.1 spelling: spaced letters (<c>S E C R E T</c>), any case (<c>S e c r e t</c>), a doubled first letter
    /// (<c>SS E C R E T</c>). The word must end there: <c>SECRETARY</c> is not <c>SECRET</c>.
    /// </summary>
    public static int MatchClassificationWord(ReadOnlySpan<char> line, out ClassificationLevel level, out bool spaced)
    {
        var start = line.IndexOfAnyExcept(Blanks);
        foreach (var (letters, wordLevel) in ClassificationWords)
        {
            var end = MatchLetters(line, Math.Max(start, 0), letters, out var gaps);
            if (end > 0 && (end == line.Length || !char.IsLetter(line[end])))
            {
                level = wordLevel;
                // Multi-word labels have gaps of their own: only gaps beyond those mark the spaced form.
                spaced = gaps > letters.Length / 2;
                return end;
            }
        }

        (level, spaced) = (default, false);
        return 0;
    }

    /// <summary>Reads a banner; false when the line does not start with a classification word.</summary>
    public static bool TryRead(ReadOnlySpan<char> line, out Banner banner)
    {
        banner = default;
        var wordEnd = MatchClassificationWord(line, out var level, out var spaced);
        if (wordEnd == 0)
            return false;

        banner = new Banner(level, spaced, null, null);
        var rest = line[wordEnd..];
        Span<Range> tokens = stackalloc Range[MaxTokens];
        var count = rest.SplitAny(tokens, " \t", StringSplitOptions.RemoveEmptyEntries);
        if (count == MaxTokens)
            return true;

        var index = 0;
        while (index < count && IsBannerCaveat(rest[tokens[index]]))
            index++;

        // §3.3: SECTION nn OF nn stands on the banner of each section.
        if (count - index >= 4 && rest[tokens[index]].Equals("SECTION", StringComparison.OrdinalIgnoreCase)
            && IsDigits(rest[tokens[index + 1]]) && rest[tokens[index + 2]].Equals("OF", StringComparison.OrdinalIgnoreCase)
            && IsDigits(rest[tokens[index + 3]]))
            index += 4;

        var originCount = count - index - 1;
        if (originCount < 1 || originCount > MaxOriginWords || !IsDigits(rest[tokens[count - 1]]))
            return true;
        for (var i = index; i < count - 1; i++)
        {
            var word = rest[tokens[i]];
            if (word.ContainsAnyExcept(OriginCharacters) || !word.ContainsAnyInRange('A', 'z'))
                return true;
        }

        var origin = rest[tokens[index].Start.GetOffset(rest.Length)..tokens[count - 2].End.GetOffset(rest.Length)];
        if (origin.Length > MaxOriginLength)
            return true;
        banner = banner with { OriginWords = CollapseBlanks(origin), Serial = new string(rest[tokens[count - 1]]) };
        return true;
    }

    /// <summary>
    /// Matches <paramref name="letters"/> at <paramref name="start"/>, allowing one or two blanks before each letter and a doubled
    /// first letter; returns the end of the match, or 0.
    /// </summary>
    private static int MatchLetters(ReadOnlySpan<char> line, int start, string letters, out int gaps)
    {
        gaps = 0;
        var position = start;
        for (var k = 0; k < letters.Length; k++)
        {
            if (k > 0)
            {
                var blanks = 0;
                while (blanks < 2 && position < line.Length && line[position] is ' ' or '\t')
                {
                    position++;
                    blanks++;
                }

                if (blanks > 0)
                    gaps++;
            }

            if (position >= line.Length || char.ToUpperInvariant(line[position]) != letters[k])
                return 0;
            position++;

            // §3.1: SS E C R E T, the first letter typed twice.
            if (k == 0 && position < line.Length && char.ToUpperInvariant(line[position]) == letters[0] && letters[1] != letters[0])
                position++;
        }

        return position;
    }

    private static bool IsBannerCaveat(ReadOnlySpan<char> token)
    {
        foreach (var caveat in BannerCaveats)
        {
            if (token.Equals(caveat, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    private static bool IsDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    private static string CollapseBlanks(ReadOnlySpan<char> text)
    {
        Span<char> buffer = stackalloc char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            var isBlank = c is ' ' or '\t';
            if (isBlank && (length == 0 || buffer[length - 1] == ' '))
                continue;
            buffer[length++] = isBlank ? ' ' : c;
        }

        return new string(buffer[..length].TrimEnd(' '));
    }
}
