namespace CableArchive.Domain.Classification;

/// <summary>
/// The ordered classification levels (cable-format notes §11). The numeric values give the order.
/// </summary>
public enum ClassificationLevel
{
    /// <summary>UNCLASSIFIED, UNCLAS, UNCLAS EFTO, (U).</summary>
    Unclassified = 0,

    /// <summary>
    /// Sensitive but unclassified: LIMITED OFFICIAL USE, SBU, SENSITIVE, FOR OFFICIAL USE ONLY.
    /// WikiLeaks prints it as <c>UNCLASSIFIED//FOR OFFICIAL USE ONLY</c>.
    /// </summary>
    Sbu = 1,

    /// <summary>CONFIDENTIAL, (C).</summary>
    Confidential = 2,

    /// <summary>SECRET, (S).</summary>
    Secret = 3,

    /// <summary>TOP SECRET, (TS). Not observed in Cablegate, kept for completeness.</summary>
    TopSecret = 4,
}

/// <summary>Names of the levels.</summary>
public static class ClassificationLevels
{
    /// <summary>Every level, lowest first.</summary>
    public static IReadOnlyList<ClassificationLevel> All { get; } =
        [ClassificationLevel.Unclassified, ClassificationLevel.Sbu, ClassificationLevel.Confidential, ClassificationLevel.Secret, ClassificationLevel.TopSecret];

    /// <summary>The level as WikiLeaks prints it in a cable label.</summary>
    public static string ToLabel(this ClassificationLevel level) => level switch
    {
        ClassificationLevel.Unclassified => "UNCLASSIFIED",
        ClassificationLevel.Sbu => "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
        ClassificationLevel.Confidential => "CONFIDENTIAL",
        ClassificationLevel.Secret => "SECRET",
        ClassificationLevel.TopSecret => "TOP SECRET",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The short portion-mark letter(s): U, SBU, C, S, TS.</summary>
    public static string ToPortionCode(this ClassificationLevel level) => level switch
    {
        ClassificationLevel.Unclassified => "U",
        ClassificationLevel.Sbu => "SBU",
        ClassificationLevel.Confidential => "C",
        ClassificationLevel.Secret => "S",
        ClassificationLevel.TopSecret => "TS",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>
    /// Reads a level word as it appears in metadata, banners and portion marks
    /// (<c>SECRET</c>, <c>S</c>, <c>UNCLAS</c>, <c>LIMITED OFFICIAL USE</c>, <c>FOUO</c>…), case-insensitively.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> word, out ClassificationLevel level)
    {
        word = word.Trim();
        Span<char> upper = stackalloc char[Math.Min(word.Length, 40)];
        if (word.Length > upper.Length)
        {
            level = default;
            return false;
        }

        word.ToUpperInvariant(upper);
        switch (upper)
        {
            case "U" or "UNCLAS" or "UNCLASSIFIED" or "UNCLASSIFED" or "UNCLASS" or "EFTO" or "UNCLAS EFTO":
                level = ClassificationLevel.Unclassified;
                return true;
            case "SBU" or "LOU" or "FOUO" or "LIMITED OFFICIAL USE" or "SENSITIVE" or "SENSITIVE BUT UNCLASSIFIED"
                or "FOR OFFICIAL USE ONLY" or "U//FOUO" or "U/FOUO" or "U//SBU" or "U/SBU" or "UNCLASSIFIED//FOR OFFICIAL USE ONLY":
                level = ClassificationLevel.Sbu;
                return true;
            case "C" or "CONFIDENTIAL":
                level = ClassificationLevel.Confidential;
                return true;
            case "S" or "SECRET":
                level = ClassificationLevel.Secret;
                return true;
            case "TS" or "TOP SECRET":
                level = ClassificationLevel.TopSecret;
                return true;
            default:
                level = default;
                return false;
        }
    }
}
