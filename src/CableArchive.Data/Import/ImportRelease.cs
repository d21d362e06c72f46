using System.Globalization;

namespace CableArchive.Data.Import;

/// <summary>
/// The archivist's statement that an import's input is a complete snapshot of a publication: its name and, optionally,
/// when it was published. Only such runs can show that a cable was removed (docs/decisions/archive-releases.md).
/// </summary>
/// <param name="Name">The release's name, e.g. <c>cablegate-2011-09-02</c>.</param>
/// <param name="ReleasedAt">When it was published (UTC); null for "when the run starts".</param>
public sealed record ImportRelease(string Name, DateTime? ReleasedAt)
{
    /// <summary>The longest release name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <summary>
    /// The release named <paramref name="name"/>, published at <paramref name="releasedAt"/> (a date, <c>2011-09-02</c>,
    /// or a date and time, read as UTC unless it says otherwise); null with the reason in <paramref name="error"/> when
    /// either is not acceptable. A blank name with no date is no release (null, no error).
    /// </summary>
    public static ImportRelease? Parse(string? name, string? releasedAt, out string? error)
    {
        error = null;
        var trimmedName = name?.Trim() ?? "";
        var trimmedDate = releasedAt?.Trim() ?? "";
        if (trimmedName.Length == 0)
        {
            if (trimmedDate.Length > 0)
                error = "a release date needs a release name";
            return null;
        }

        if (trimmedName.Length > MaxNameLength || trimmedName.Any(char.IsControl))
        {
            error = $"a release name is one line of at most {MaxNameLength} characters";
            return null;
        }

        if (trimmedDate.Length == 0)
            return new ImportRelease(trimmedName, null);
        if (!DateTime.TryParse(trimmedDate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            error = $"'{trimmedDate}' is not a date (write it as 2011-09-02 or 2011-09-02T14:00Z)";
            return null;
        }

        return new ImportRelease(trimmedName, date);
    }
}
