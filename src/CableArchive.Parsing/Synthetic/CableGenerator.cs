using System.Collections.Concurrent;
using System.Text;
using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Synthetic;

/// <summary>What the generator should put into every cable besides the realistic content.</summary>
public sealed record SyntheticOptions
{
    /// <summary>The plain options: realistic cables, nothing added.</summary>
    public static SyntheticOptions Default { get; } = new();

    /// <summary>
    /// Canary mode: every portion (the subject and each paragraph, sub-paragraph and unnumbered block) holds a unique random
    /// token, <c>CANARY</c> + 12 capital letters, exposed as <see cref="SyntheticPortion.Canary"/>, so that a test can tell
    /// exactly which portions a reader was shown.
    /// </summary>
    public bool Canary { get; init; }
}

/// <summary>
/// Generates realistic synthetic cables from a random model (cable-format notes §1–§10): posts with their FM names, routing
/// indicators and banner words, dates from 1966 to 2010 (mostly 2004–2010), routing headers, captions, E.O. lines, TAGS, SUBJECT
/// with a portion mark, REF items, Classified By, marked paragraphs, summaries, comments, redactions, page breaks and signers.
/// </summary>
/// <remarks>
/// Deterministic: a seed always gives the same cable. The stream of seed S is the cables of seeds S, S+1, S+2…, so that any cable
/// of a stream can be regenerated alone, with <see cref="Create"/> from its <see cref="SyntheticCable.Seed"/> or with
/// <c>cablearchive generate --seed S --count 1</c>, which is what a bug report needs.
/// </remarks>
public sealed class CableGenerator
{
    private readonly int seed;
    private readonly SyntheticOptions options;
    private int index;

    /// <summary>Creates a generator whose stream of cables is fixed by <paramref name="seed"/>.</summary>
    public CableGenerator(int seed, SyntheticOptions? options = null)
    {
        this.seed = seed;
        this.options = options ?? SyntheticOptions.Default;
    }

    /// <summary>The next cable of the stream; its record number is its 1-based place in the stream.</summary>
    public SyntheticCable Next()
    {
        var cable = Create(unchecked(seed + index), options) with { RecordNumber = index + 1 };
        index++;
        return cable;
    }

    /// <summary>The one cable a seed gives.</summary>
    public static SyntheticCable Create(int seed, SyntheticOptions? options = null) =>
        new CableBuilder(seed, options ?? SyntheticOptions.Default).Build();

    /// <summary>
    /// The seeds of the first <paramref name="count"/> cables of the stream fixed by <paramref name="seed"/> whose reference
    /// ids have not come before in it, in stream order: a corpus of distinct cables. The stream itself repeats ids (about 6%
    /// at 250,000, as posts and years are drawn independently for each cable), and a corpus written one file per id would
    /// lose the repeats silently. Every cable looked at is built once, in parallel, to learn its id.
    /// </summary>
    public static IReadOnlyList<int> DistinctSeeds(int seed, int count)
    {
        var kept = new List<int>(Math.Max(0, count));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var next = seed;
        while (kept.Count < count)
        {
            // A chunk of the stream at a time: a tenth more than is missing, as the repeats take some.
            var chunk = Math.Max(1_000, (count - kept.Count) * 11 / 10);
            var ids = new string[chunk];
            var first = next;
            Parallel.For(0, chunk, i => ids[i] = Create(unchecked(first + i)).Id);
            for (var i = 0; i < chunk && kept.Count < count; i++)
            {
                if (seen.Add(ids[i]))
                    kept.Add(unchecked(first + i));
            }

            next = unchecked(first + chunk);
        }

        return kept;
    }

    /// <summary>
    /// Writes the <see cref="DistinctSeeds"/> corpus into <paramref name="folder"/> as raw text, one file per cable named by
    /// its reference id, on every core: as many files as cables asked for.
    /// </summary>
    public static void WriteDistinctRawText(string folder, int seed, int count)
    {
        Directory.CreateDirectory(folder);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var seeds = DistinctSeeds(seed, count);
        Parallel.ForEach(
            Partitioner.Create(0, seeds.Count, 5000),
            range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var cable = Create(seeds[i]);
                    File.WriteAllText(Path.Combine(folder, cable.FileName(CableFormat.RawText)), cable.Render(CableFormat.RawText), encoding);
                }
            });
    }

    /// <summary>
    /// <paramref name="count"/> cables of the stream fixed by <paramref name="seed"/>, generated one at a time as they are enumerated,
    /// so that any count fits in memory.
    /// </summary>
    public static IEnumerable<SyntheticCable> Generate(int seed, int count, SyntheticOptions? options = null)
    {
        var generator = new CableGenerator(seed, options);
        for (var i = 0; i < count; i++)
            yield return generator.Next();
    }
}
