using CableArchive.Domain.Classification;

namespace CableArchive.Data.Accounts;

/// <summary>
/// Turns what the accounts table holds into a <see cref="Clearance"/>, and checks what an administrator may grant.
/// </summary>
public static class AccountClearance
{
    /// <summary>
    /// The restrictive caveats an administrator may grant. <c>UNKNOWN</c>, the caveat of portions whose label could not be
    /// read at all, is deliberately absent: no one may hold it, so such portions stay withheld from everyone (fail closed).
    /// </summary>
    public static IReadOnlyList<string> Grantable { get; } = ["NOFORN", "ORCON", "EXDIS", "NODIS", "LIMDIS", "STADIS", "PROPIN"];

    /// <summary>A clearance from stored columns; grants that may not be held are dropped.</summary>
    public static Clearance From(ClassificationLevel level, IEnumerable<string>? grants) =>
        new(level, (grants ?? []).Where(g => Grantable.Contains(g, StringComparer.Ordinal)).Select(Caveat.FromCode).ToHashSet());

    /// <summary>
    /// Reads a comma-separated list of caveats as an administrator types it (<c>NOFORN,ORCON</c>, <c>nf</c>). Returns the
    /// canonical codes, or an error naming the first caveat that cannot be granted.
    /// </summary>
    public static (IReadOnlyList<string> Codes, string? Error) ParseGrants(string? text)
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var token in (text ?? "").Split([',', ' ', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Caveat.TryParse(token, out var caveat) || !caveat.IsRestrictive)
                return ([], $"'{token}' is not a caveat that restricts readers; grantable caveats: {string.Join(", ", Grantable)}.");
            if (!Grantable.Contains(caveat.Code, StringComparer.Ordinal))
                return ([], $"'{token}' cannot be granted; grantable caveats: {string.Join(", ", Grantable)}.");
            codes.Add(caveat.Code);
        }

        return (codes.ToList(), null);
    }

    /// <summary>Reads a level as an administrator types it (<c>SECRET</c>, <c>s</c>, <c>confidential</c>).</summary>
    public static ClassificationLevel? ParseLevel(string? text) =>
        ClassificationLevels.TryParse(text ?? "", out var level) ? level : null;
}
