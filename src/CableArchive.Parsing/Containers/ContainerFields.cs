using System.Buffers;
using System.Globalization;
using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;

namespace CableArchive.Parsing.Containers;

/// <summary>Reading the metadata fields that containers carry: dates, ids, reference lists (cable-format notes §1.1–§1.4).</summary>
internal static class ContainerFields
{
    /// <summary>cables.csv and the <c>&lt;&lt;nnn&gt;&gt;</c> wrapper: <c>M/D/YYYY H:MM</c> without zero padding (§1.2).</summary>
    private static readonly string[] UsDateFormats = ["M/d/yyyy H:mm", "M/d/yyyy H:mm:ss"];

    /// <summary>WikiLeaks pages and the <c>ID:</c> and tab-separated wrappers: <c>YYYY-MM-DD HH:MM[:SS]</c> (§1.1, §1.4).</summary>
    private static readonly string[] IsoDateFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm", "yyyy-MM-dd"];

    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;

    private static readonly SearchValues<char> ReferenceIdCharacters =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-");

    /// <summary>Reads a container date as UTC; null when it is not one (a redacted <c>XXXXXXXXXXXX</c>, say).</summary>
    public static DateTime? ParseDate(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (TryParsePageDate(text, out var pageDate))
            return pageDate;
        if (DateTime.TryParseExact(text, UsDateFormats, CultureInfo.InvariantCulture, Utc, out var date)
            || DateTime.TryParseExact(text, IsoDateFormats, CultureInfo.InvariantCulture, Utc, out date))
            return DateTime.SpecifyKind(date, DateTimeKind.Utc);
        return null;
    }

    /// <summary>
    /// The pages' own form, <c>2008-01-11 11:28</c> (§1.1), read by hand: it is on every page, and the general formats are
    /// tried one after the other.
    /// </summary>
    private static bool TryParsePageDate(ReadOnlySpan<char> text, out DateTime date)
    {
        date = default;
        if (text.Length != 16 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':')
            return false;
        if (!TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..10], out var day)
            || !TryDigits(text[11..13], out var hour) || !TryDigits(text[14..], out var minute))
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59)
            return false;
        date = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>Whether a field looks like a reference id as containers write them: two digits, then letters and digits (<c>09KUWAIT110</c>).</summary>
    public static bool IsReferenceId(ReadOnlySpan<char> text) =>
        text.Length is >= 4 and <= 60 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1])
        && !text.ContainsAnyExcept(ReferenceIdCharacters);

    /// <summary>The referenced ids of a <c>|</c>-separated list (cables.csv column 6, §1.2), blanks dropped.</summary>
    public static IReadOnlyList<string> SplitReferencedIds(ReadOnlySpan<char> text)
    {
        var ids = new List<string>();
        foreach (var range in text.Split('|'))
        {
            var id = text[range].Trim();
            if (!id.IsEmpty)
                ids.Add(new string(id));
        }

        return ids;
    }

    /// <summary>
    /// Fills what <paramref name="existing"/> lacks from <paramref name="found"/>: the container's own metadata wins over
    /// what a wrapper inside the text says.
    /// </summary>
    public static ContainerMetadata Fill(ContainerMetadata? existing, ContainerMetadata found) => existing is null
        ? found
        : existing with
        {
            Id = existing.Id ?? found.Id,
            Created = existing.Created ?? found.Created,
            Released = existing.Released ?? found.Released,
            Classification = existing.Classification ?? found.Classification,
            ClassificationText = existing.ClassificationText ?? found.ClassificationText,
            Origin = existing.Origin ?? found.Origin,
            ReferencedIds = existing.ReferencedIds.Count > 0 ? existing.ReferencedIds : found.ReferencedIds,
            RecordNumber = existing.RecordNumber ?? found.RecordNumber,
        };

    /// <summary>A classification as a container writes it, kept as written and read as a label (§1.3).</summary>
    public static ContainerMetadata WithClassification(ContainerMetadata metadata, ReadOnlySpan<char> text)
    {
        text = text.Trim();
        return text.IsEmpty ? metadata : metadata with { ClassificationText = new string(text), Classification = ClassificationLabel.Parse(text) };
    }
}
