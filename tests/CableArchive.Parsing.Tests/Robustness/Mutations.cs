using System.Text;

namespace CableArchive.Parsing.Tests.Robustness;

/// <summary>
/// Ways real inputs get damaged (cable-format notes §10, §12: truncated releases, re-wrapped text, transmission noise, binary
/// blocks), each applied deterministically from a seed so that a failure can be reproduced.
/// </summary>
internal static class Mutations
{
    /// <summary>Every mutation by name.</summary>
    public static IReadOnlyList<(string Name, Func<byte[], Random, byte[]> Apply)> All { get; } =
    [
        ("truncated", Truncate),
        ("doubled lines", DoubleLines),
        ("deleted newlines", DeleteNewlines),
        ("byte flips", FlipBytes),
        ("binary noise inserted", InsertNoise),
        ("CRLF newlines", (bytes, _) => Replace(bytes, "\n", "\r\n")),
        ("UTF-16 with BOM", (bytes, _) => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(bytes))).ToArray()),
        ("lines shuffled", ShuffleLines),
    ];

    /// <summary>Cut at a random point, as a partial download or a truncated record.</summary>
    public static byte[] Truncate(byte[] bytes, Random random) => bytes.Length < 2 ? bytes : bytes[..random.Next(1, bytes.Length)];

    /// <summary>About one line in ten written twice.</summary>
    public static byte[] DoubleLines(byte[] bytes, Random random) =>
        MapLines(bytes, lines => lines.SelectMany(l => random.Next(10) == 0 ? new[] { l, l } : [l]));

    /// <summary>About one newline in five removed, gluing lines together (§1.4: header lines glued without newlines).</summary>
    public static byte[] DeleteNewlines(byte[] bytes, Random random) => [.. bytes.Where(b => b != (byte)'\n' || random.Next(5) != 0)];

    /// <summary>About one byte in a thousand replaced by a random byte (invalid UTF-8 included).</summary>
    public static byte[] FlipBytes(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = 0; i < copy.Length; i++)
        {
            if (random.Next(1000) == 0)
                copy[i] = (byte)random.Next(256);
        }

        return copy;
    }

    /// <summary>A block of random bytes at a random place (07KHARTOUM832 has a block of binary-looking characters, §12).</summary>
    public static byte[] InsertNoise(byte[] bytes, Random random)
    {
        var noise = new byte[random.Next(1, 2_000)];
        random.NextBytes(noise);
        var at = random.Next(bytes.Length + 1);
        return [.. bytes[..at], .. noise, .. bytes[at..]];
    }

    /// <summary>The lines in a random order: every field is there, none where it belongs.</summary>
    public static byte[] ShuffleLines(byte[] bytes, Random random) => MapLines(bytes, lines => lines.OrderBy(_ => random.Next()));

    /// <summary>Random bytes: nothing like a cable.</summary>
    public static byte[] Noise(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] MapLines(byte[] bytes, Func<IEnumerable<string>, IEnumerable<string>> map) =>
        Encoding.UTF8.GetBytes(string.Join('\n', map(Encoding.UTF8.GetString(bytes).Split('\n'))));

    private static byte[] Replace(byte[] bytes, string from, string to) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace(from, to, StringComparison.Ordinal));
}
