namespace CableArchive.Domain.Classification;

/// <summary>
/// A classification: a level plus a set of caveats (cable-format notes §11: "Model it as level + caveat set,
/// ordered by level first"). Immutable; equal when level and caveat set are equal.
/// </summary>
/// <remarks>
/// The labels form a lattice. <see cref="Dominates"/> is the order: higher or equal level and every restrictive
/// caveat of the other. <see cref="Join"/> is the least upper bound: the higher level and the union of the caveats,
/// with a REL TO marking kept only where both sides carry one (then the countries both name), because text that is
/// not marked releasable is not releasable.
/// </remarks>
public sealed class ClassificationLabel : IEquatable<ClassificationLabel>
{
    private readonly Caveat[] caveats;

    /// <summary>Creates a label; the caveats are sorted and duplicates dropped.</summary>
    public ClassificationLabel(ClassificationLevel level, IEnumerable<Caveat>? caveats = null)
    {
        Level = level;
        this.caveats = Normalize(caveats ?? []);
    }

    /// <summary>UNCLASSIFIED with no caveats: the bottom of the lattice.</summary>
    public static ClassificationLabel Unclassified { get; } = new(ClassificationLevel.Unclassified);

    /// <summary>
    /// What a portion is treated as when neither its own mark nor the cable's banner can be read:
    /// TOP SECRET with a restrictive <c>UNKNOWN</c> caveat that no clearance holds, so no one reads it (fail closed).
    /// </summary>
    public static ClassificationLabel Unknown { get; } = new(ClassificationLevel.TopSecret, [Caveat.FromCode("UNKNOWN")]);

    /// <summary>The level.</summary>
    public ClassificationLevel Level { get; }

    /// <summary>The caveats, sorted by code, without duplicates.</summary>
    public IReadOnlyList<Caveat> Caveats => caveats;

    /// <summary>The caveats a reader must hold (see <see cref="Caveat.IsRestrictive"/>).</summary>
    public IEnumerable<Caveat> RestrictiveCaveats => caveats.Where(c => c.IsRestrictive);

    /// <summary>Whether the label carries NOFORN.</summary>
    public bool IsNoForn => caveats.Contains(Caveat.NoForn);

    /// <summary>Whether this label is at or above <paramref name="other"/>: its level is not lower and it carries every restrictive caveat of the other.</summary>
    public bool Dominates(ClassificationLabel other) =>
        Level >= other.Level && other.RestrictiveCaveats.All(caveats.Contains);

    /// <summary>The least upper bound of two labels.</summary>
    public ClassificationLabel Join(ClassificationLabel other)
    {
        var level = Level >= other.Level ? Level : other.Level;
        var union = caveats.Where(c => !c.IsReleasableTo).Concat(other.caveats.Where(c => !c.IsReleasableTo)).ToList();
        var mine = caveats.FirstOrDefault(c => c.IsReleasableTo);
        var theirs = other.caveats.FirstOrDefault(c => c.IsReleasableTo);
        if (mine.Code is not null && theirs.Code is not null)
        {
            var common = mine.ReleasableToCountries.Intersect(theirs.ReleasableToCountries).ToList();
            if (common.Count > 0)
                union.Add(Caveat.ReleasableTo(common));
        }

        return new ClassificationLabel(level, union);
    }

    /// <summary>The join of any number of labels; <see cref="Unclassified"/> for none.</summary>
    public static ClassificationLabel JoinAll(IEnumerable<ClassificationLabel> labels)
    {
        ClassificationLabel? result = null;
        foreach (var label in labels)
            result = result is null ? label : result.Join(label);
        return result ?? Unclassified;
    }

    /// <summary>
    /// The label in the vocabulary WikiLeaks uses for cables (cable-format notes §1.3): the level
    /// (<c>UNCLASSIFIED//FOR OFFICIAL USE ONLY</c> for SBU) followed by <c>//NOFORN</c> when the label carries it.
    /// Other caveats are not part of that vocabulary; <see cref="ToString"/> prints them all.
    /// </summary>
    public string ToWikiLeaksLabel() => IsNoForn && Level != ClassificationLevel.Sbu
        ? Level.ToLabel() + "//NOFORN"
        : Level.ToLabel();

    /// <summary>The level and every caveat: <c>SECRET//NOFORN/ORCON</c>, <c>CONFIDENTIAL//REL TO UK</c>.</summary>
    public override string ToString() => caveats.Length == 0
        ? Level.ToLabel()
        : Level.ToLabel() + "//" + string.Join("/", caveats.Select(c => c.Code));

    /// <summary>The portion-mark form: <c>(S//NF)</c>, <c>(C)</c>, <c>(U)</c>.</summary>
    public string ToPortionMark()
    {
        if (caveats.Length == 0)
            return "(" + Level.ToPortionCode() + ")";
        var codes = caveats.Select(c => c == Caveat.NoForn ? "NF" : c.Code);
        return "(" + Level.ToPortionCode() + "//" + string.Join("//", codes) + ")";
    }

    /// <summary>
    /// Reads a label as metadata and portion marks write it: <c>SECRET//NOFORN</c>, <c>UNCLASSIFIED//FOR OFFICIAL USE ONLY</c>,
    /// <c>S//NF</c>, <c>C/REL UK</c>, <c>CONFIDENTIAL//NOFORN/ORCON</c>. Case-insensitive. Returns null when the level cannot be read.
    /// </summary>
    public static ClassificationLabel? Parse(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty)
            return null;

        // Whole-label forms that contain the separator themselves.
        if (ClassificationLevels.TryParse(text, out var whole))
            return new ClassificationLabel(whole);

        var slash = text.IndexOf('/');
        var head = slash < 0 ? text : text[..slash];
        var tail = slash < 0 ? [] : text[slash..];

        // "UNCLASSIFIED//FOR OFFICIAL USE ONLY" and "U//FOUO": the SBU rung is written as a level plus a control.
        if (!ClassificationLevels.TryParse(head, out var level))
            return null;

        var parsed = new List<Caveat>();
        foreach (var range in tail.Split('/'))
        {
            var token = tail[range].Trim();
            if (token.IsEmpty)
                continue;
            if (level == ClassificationLevel.Unclassified && ClassificationLevels.TryParse(token, out var sbu) && sbu == ClassificationLevel.Sbu)
            {
                level = ClassificationLevel.Sbu;
                continue;
            }

            // Commas list countries inside a REL TO marking, and separate controls anywhere else.
            if (token.StartsWith("REL", StringComparison.OrdinalIgnoreCase))
            {
                if (Caveat.TryParse(token, out var releasable))
                    parsed.Add(releasable);
                continue;
            }

            foreach (var part in token.Split(','))
                if (Caveat.TryParse(token[part], out var caveat))
                    parsed.Add(caveat);
        }

        return new ClassificationLabel(level, parsed);
    }

    /// <inheritdoc />
    public bool Equals(ClassificationLabel? other) =>
        other is not null && Level == other.Level && caveats.AsSpan().SequenceEqual(other.caveats);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ClassificationLabel);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Level);
        foreach (var caveat in caveats)
            hash.Add(caveat);
        return hash.ToHashCode();
    }

    private static Caveat[] Normalize(IEnumerable<Caveat> caveats)
    {
        // Most labels carry no caveat or one (a banner, a portion mark): they need no set to sort and merge them.
        if (caveats is IReadOnlyList<Caveat> { Count: <= 1 } few)
            return few.Count == 0 || few[0].Code is null ? [] : [few[0]];

        var set = new SortedSet<Caveat>(caveats.Where(c => c.Code is not null));
        var releasable = set.Where(c => c.IsReleasableTo).ToList();

        // NOFORN and REL TO contradict each other; NOFORN, the stricter, wins. Two REL TO markings merge.
        if (releasable.Count > 0 && (set.Contains(Caveat.NoForn) || releasable.Count > 1))
        {
            set.ExceptWith(releasable);
            if (!set.Contains(Caveat.NoForn))
                set.Add(Caveat.ReleasableTo(releasable.SelectMany(c => c.ReleasableToCountries)));
        }

        return [.. set];
    }
}
