namespace CableArchive.Domain.Classification;

/// <summary>Whether a portion carries a mark, and whether it could be read.</summary>
public enum MarkingStatus
{
    /// <summary>The portion carries no mark; it takes the cable's banner label.</summary>
    Unmarked = 0,

    /// <summary>The portion carries a mark that was read.</summary>
    Marked = 1,

    /// <summary>
    /// The portion carries something that is meant as a mark but could not be read. Never treated as UNCLASSIFIED:
    /// only readers who dominate the banner with all its caveats may read such a portion.
    /// </summary>
    Unreadable = 2,
}

/// <summary>
/// The portion mark of a paragraph or a subject (cable-format notes §8.2): <c>(S)</c>, <c>(C//NF)</c>, <c>(S/REL UK)</c>.
/// </summary>
/// <param name="Status">Marked, unmarked or unreadable.</param>
/// <param name="Label">The label read from the mark; null unless <paramref name="Status"/> is <see cref="MarkingStatus.Marked"/>.</param>
/// <param name="Raw">The mark as written, parentheses included; null when unmarked.</param>
/// <param name="Span">Where the mark stands in the cable text; empty when unmarked.</param>
public sealed record PortionMarking(MarkingStatus Status, ClassificationLabel? Label, string? Raw, TextSpan Span)
{
    /// <summary>The marking of a portion that carries none.</summary>
    public static PortionMarking Unmarked { get; } = new(MarkingStatus.Unmarked, null, null, TextSpan.None);

    /// <summary>
    /// The join of the marks written inside the portion's text that no portion of their own was made for: a bullet
    /// <c>-- (S/NF) …</c>, a heading <c>(S) IRAN'S NUCLEAR PROGRAM</c>, a question <c>1) (S/NF) WHO …</c> under a
    /// paragraph marked <c>(U)</c>. Null when the text holds none.
    /// </summary>
    public ClassificationLabel? Inner { get; init; }

    /// <summary>Whether the text holds a mark inside it that could not be read.</summary>
    public bool InnerUnreadable { get; init; }

    /// <summary>
    /// The label the read rule applies to this portion: its own when marked, else the banner's (cable-format notes
    /// §11; an unreadable mark also falls back to the banner with all its caveats), raised to every mark written inside
    /// its text, so that text marked higher than the portion around it is never read at the portion's level.
    /// </summary>
    public ClassificationLabel EffectiveLabel(ClassificationLabel? banner)
    {
        var label = Status == MarkingStatus.Marked && Label is not null ? Label : banner ?? ClassificationLabel.Unknown;
        if (InnerUnreadable)
            label = label.Join(banner ?? ClassificationLabel.Unknown);
        return Inner is null ? label : label.Join(Inner);
    }

    /// <summary>
    /// Reads the inside of a parenthesised mark candidate (the text between <c>(</c> and <c>)</c>); the separator between
    /// level and caveats may be <c>//</c>, <c>/</c>, a blank or a dash (<c>(S-NF)</c>, §8.2). Returns null when the text is not
    /// meant as a mark at all (<c>U.S.</c>, <c>NOTE</c>, <c>A</c>), an <see cref="MarkingStatus.Unreadable"/> marking when it
    /// starts like a mark but cannot be read (<c>S//QX</c>, <c>C/</c>), and a <see cref="MarkingStatus.Marked"/> one otherwise.
    /// </summary>
    /// <param name="inner">The text between the parentheses.</param>
    /// <param name="raw">The mark as written, parentheses included.</param>
    /// <param name="span">Where the mark stands in the cable text.</param>
    public static PortionMarking? Parse(ReadOnlySpan<char> inner, string raw, TextSpan span)
    {
        // "( C )", "(s//nf)": spacing and case do not matter (§8.2).
        var text = inner.Trim();
        if (text.IsEmpty || text.Length > 40)
            return null;

        // A period or a digit means an abbreviation or a reference, never a mark: "(U.S.)", "(1.4 B)".
        foreach (var c in text)
        {
            if (c is '.' or ':' or ';' or '"' || char.IsDigit(c))
                return null;
        }

        var end = text.IndexOfAny('/', ' ', ',');
        var head = end < 0 ? text : text[..end];
        if (!ClassificationLevels.TryParse(head, out _) && !LooksLikeGarbledLevel(head))
            return ParseDashed(text, raw, span);

        // "(S NF)" writes the separator as a blank; read it as "(S/NF)". "(TS)" and "( C )" have no separator.
        var label = end < 0 || text[end] != ' '
            ? ClassificationLabel.Parse(text)
            : ClassificationLabel.Parse(string.Concat(head, "/", text[(end + 1)..]));
        if (label is null || label.Caveats.Any(c => !IsKnownMarkCaveat(c)) || text[^1] == '/')
            return new PortionMarking(MarkingStatus.Unreadable, null, raw, span);

        return new PortionMarking(MarkingStatus.Marked, label, raw, span);
    }

    /// <summary>
    /// §8.2: "-" is one of the separators, <c>(S-NF)</c>, <c>(C-REL UK)</c> (5 in Cablegate): a single dash after the level is
    /// read as <c>/</c>, blanks around it dropped. Anything else with a dash (<c>(SEE-ALSO)</c>) is not a mark.
    /// </summary>
    private static PortionMarking? ParseDashed(ReadOnlySpan<char> text, string raw, TextSpan span)
    {
        var dash = text.IndexOf('-');
        if (dash <= 0 || text.Count('-') != 1)
            return null;
        return Parse(string.Concat(text[..dash].TrimEnd(), "/", text[(dash + 1)..].TrimStart()), raw, span);
    }

    // A short all-letter head such as "SS" or "CC" is a mistyped level, not prose: treat it as an unreadable mark.
    private static bool LooksLikeGarbledLevel(ReadOnlySpan<char> head) =>
        head.Length is >= 1 and <= 3 && head is not ("A" or "a" or "I" or "i") && !head.ContainsAnyExcept("SCUTBsctub") && head.Length > 1;

    private static bool IsKnownMarkCaveat(Caveat caveat) => caveat.IsReleasableTo || caveat.Code is
        "NOFORN" or "ORCON" or "EXDIS" or "NODIS" or "LIMDIS" or "STADIS" or "FGI" or "SIPDIS" or "PROPIN" or "FOUO" or "SBU" or "SENSITIVE";
}
