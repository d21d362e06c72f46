namespace CableArchive.Domain.Classification;

/// <summary>What a user is cleared for: a level and the caveats they have been granted.</summary>
/// <param name="Level">The highest level the user may read.</param>
/// <param name="Grants">The restrictive caveats the user holds (NOFORN, ORCON, EXDIS…).</param>
public sealed record Clearance(ClassificationLevel Level, IReadOnlySet<Caveat> Grants)
{
    /// <summary>Creates a clearance from caveat codes.</summary>
    public static Clearance Of(ClassificationLevel level, params string[] caveatCodes) =>
        new(level, caveatCodes.Select(Caveat.FromCode).ToHashSet());

    /// <summary>Whether this clearance dominates <paramref name="label"/>: level at or above it and every restrictive caveat held.</summary>
    public bool Dominates(ClassificationLabel label) =>
        Level >= label.Level && label.RestrictiveCaveats.All(Grants.Contains);

    /// <inheritdoc />
    public override string ToString() => Grants.Count == 0
        ? Level.ToLabel()
        : Level.ToLabel() + " + " + string.Join(", ", Grants.Order().Select(g => g.Code));
}
