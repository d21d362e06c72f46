using System.Text;

namespace CableArchive.Parsing.Synthetic;

/// <summary>
/// The long tail of the generator's words: tens of thousands of made-up content words and surnames, drawn by Zipf's law
/// (the word of rank <c>r</c> about <c>1/r</c> as often as the first). Real cables name thousands of people, places and
/// projects, most of them a handful of times: on the 303 WikiLeaks pages the median word stem (four letters or more)
/// stands in 0.06% of the portions. The template lists of <see cref="Vocabulary"/> alone gave 387 stems, the median in
/// 9% of all portions, so that any two words met in tens of thousands of portions and every search term was frequent.
/// </summary>
/// <remarks>
/// The words are made from syllables by a fixed seed, so every cable of every run draws from the same lexicon. They use
/// no <c>x</c> (a run of X is a redaction, §10), and none contains a fragment of a field keyword, caption or portion mark
/// (SUBJECT, REF, TAGS, SUMMARY, COMMENT, SECTION, PAGE, SIPDIS, NOFORN, …) that could be read as one when a capitalised
/// cable wraps a line before it.
/// </remarks>
internal static class Lexicon
{
    private const int ContentWordCount = 40_000;
    private const int SurnameCount = 12_000;

    private static readonly string[] Onsets = ["b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "pr", "r", "s", "st", "t", "tr", "v", "z", "sh", "ch", "th"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ou", "ia"];
    private static readonly string[] Codas = ["", "", "", "n", "r", "l", "s", "m", "t", "k"];

    // Fragments of what the body parser keys on (§3–§10), in lower case; a made-up word holding one is dropped.
    private static readonly string[] Forbidden =
    [
        "sub", "ref", "tag", "sum", "com", "sec", "pag", "end", "sip", "nof", "dis", "cla", "dec", "con", "unc", "orc",
        "rel", "fgi", "pas", "inf", "fro", "nnn", "par", "del", "dtg", "eo",
    ];

    /// <summary>Made-up content words (place names, project names, technical terms), most frequent first.</summary>
    private static readonly string[] ContentWords = Build(ContentWordCount, 2, 4, seed: 20101128, capitalise: false);

    /// <summary>Made-up surnames, most frequent first.</summary>
    private static readonly string[] Surnames = Build(SurnameCount, 2, 3, seed: 20101129, capitalise: true);

    private static readonly double[] ContentWeights = CumulativeZipf(ContentWordCount);
    private static readonly double[] SurnameWeights = CumulativeZipf(SurnameCount);

    /// <summary>A content word, by Zipf's law.</summary>
    public static string ContentWord(Random random) => ContentWords[Draw(random, ContentWeights)];

    /// <summary>A surname, by Zipf's law.</summary>
    public static string Surname(Random random) => Surnames[Draw(random, SurnameWeights)];

    private static int Draw(Random random, double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private static double[] CumulativeZipf(int count)
    {
        var cumulative = new double[count];
        var sum = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }

        return cumulative;
    }

    private static string[] Build(int count, int minSyllables, int maxSyllables, int seed, bool capitalise)
    {
        var random = new Random(seed);
        var words = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var builder = new StringBuilder();
        while (words.Count < count)
        {
            builder.Clear();
            var syllables = random.Next(minSyllables, maxSyllables + 1);
            for (var s = 0; s < syllables; s++)
            {
                builder.Append(Onsets[random.Next(Onsets.Length)]).Append(Vowels[random.Next(Vowels.Length)]);
                if (s == syllables - 1 || random.Next(3) == 0)
                    builder.Append(Codas[random.Next(Codas.Length)]);
            }

            var word = builder.ToString();
            if (word.Length < 5 || IsForbidden(word) || !seen.Add(word))
                continue;
            words.Add(capitalise ? char.ToUpperInvariant(word[0]) + word[1..] : word);
        }

        return [.. words];
    }

    private static bool IsForbidden(string word)
    {
        foreach (var fragment in Forbidden)
        {
            if (word.Contains(fragment, StringComparison.Ordinal))
                return true;
        }

        return false;
    }
}
