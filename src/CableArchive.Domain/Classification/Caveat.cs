namespace CableArchive.Domain.Classification;

/// <summary>
/// A dissemination control or caption that travels with a classification level (cable-format notes §11):
/// NOFORN, REL TO …, FGI, ORCON, EXDIS, NODIS, LIMDIS, STADIS, SIPDIS…
/// </summary>
/// <remarks>
/// A caveat is held by its canonical code (<c>NOFORN</c>, <c>REL TO UK</c>). Whether it restricts readers is decided
/// here, once: a code this class does not know is restrictive, so an unfamiliar control withholds rather than leaks.
/// </remarks>
public readonly record struct Caveat : IComparable<Caveat>
{
    /// <summary>Not releasable to foreign nationals (NF, N).</summary>
    public static readonly Caveat NoForn = new("NOFORN");

    /// <summary>Originator controlled.</summary>
    public static readonly Caveat Orcon = new("ORCON");

    /// <summary>Exclusive distribution.</summary>
    public static readonly Caveat Exdis = new("EXDIS");

    /// <summary>No distribution outside the addressees.</summary>
    public static readonly Caveat Nodis = new("NODIS");

    /// <summary>Limited distribution.</summary>
    public static readonly Caveat Limdis = new("LIMDIS");

    /// <summary>State distribution only.</summary>
    public static readonly Caveat Stadis = new("STADIS");

    /// <summary>Foreign government information (a source marking, not a reader restriction).</summary>
    public static readonly Caveat Fgi = new("FGI");

    /// <summary>SIPRNet distribution: restricts nothing (cable-format notes §3.2).</summary>
    public static readonly Caveat Sipdis = new("SIPDIS");

    /// <summary>Proprietary information.</summary>
    public static readonly Caveat Propin = new("PROPIN");

    /// <summary>The caveats every reader may ignore: they mark where text may go, not who in the archive may read it.</summary>
    private static readonly HashSet<string> NonRestrictive = ["SIPDIS", "FGI", "NOTAL", "EFTO", "FOUO", "SBU", "SENSITIVE"];

    /// <summary>The codes that restrict no reader, sorted: what the admins' read-rule page lists.</summary>
    public static IReadOnlyList<string> NonRestrictiveCodes { get; } = [.. NonRestrictive.Order(StringComparer.Ordinal)];

    private Caveat(string code) => Code = code;

    /// <summary>The canonical code, upper case (<c>NOFORN</c>, <c>REL TO UK, FRANCE</c>).</summary>
    public string Code { get; }

    /// <summary>Whether this is a REL TO release marking.</summary>
    public bool IsReleasableTo => Code.StartsWith("REL TO ", StringComparison.Ordinal);

    /// <summary>
    /// Whether a reader must hold this caveat to read what it marks. REL TO and the codes in the non-restrictive
    /// list do not restrict; every other code does, including codes this class has never seen (fail closed).
    /// </summary>
    public bool IsRestrictive => !IsReleasableTo && !NonRestrictive.Contains(Code);

    /// <summary>The countries of a REL TO marking, else empty.</summary>
    public IReadOnlyList<string> ReleasableToCountries => IsReleasableTo
        ? Code["REL TO ".Length..].Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        : [];

    /// <summary>
    /// Reads one caveat token (<c>NF</c>, <c>noforn</c>, <c>REL UK</c>, <c>REL TO USA, GBR</c>, <c>ORCON</c>…).
    /// Returns false for a blank token.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> token, out Caveat caveat)
    {
        var text = token.Trim().ToString().ToUpperInvariant();
        caveat = default;
        if (text.Length == 0)
            return false;

        // REL, REL TO followed by one or more countries (§11; portion marks such as (S/REL UK), (C/REL LIBYA)).
        var countries = text.StartsWith("REL TO ", StringComparison.Ordinal) ? text[7..]
            : text.StartsWith("REL ", StringComparison.Ordinal) ? text[4..]
            : null;
        if (countries is not null && countries.Trim().Length > 0)
        {
            caveat = ReleasableTo(countries.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries));
            return true;
        }

        caveat = text switch
        {
            "NF" or "N" or "NOFORN" or "NOFOR" or "NO FORN" or "NOT RELEASABLE TO FOREIGN NATIONALS" => NoForn,
            "OC" or "ORCON" => Orcon,
            "EXDIS" => Exdis,
            "NODIS" => Nodis,
            "LIMDIS" => Limdis,
            "STADIS" => Stadis,
            "FGI" => Fgi,
            "SIPDIS" => Sipdis,
            "PR" or "PROPIN" => Propin,
            _ => new Caveat(text),
        };
        return true;
    }

    /// <summary>Creates a REL TO marking for the given countries, in the order given, without duplicates.</summary>
    public static Caveat ReleasableTo(IEnumerable<string> countries) =>
        new("REL TO " + string.Join(", ", countries.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0 && c != "TO").Distinct()));

    /// <summary>Creates a caveat from a canonical code without interpreting it.</summary>
    public static Caveat FromCode(string code) => TryParse(code, out var caveat) ? caveat : throw new ArgumentException("A caveat code cannot be blank.", nameof(code));

    /// <inheritdoc />
    public int CompareTo(Caveat other) => string.CompareOrdinal(Code, other.Code);

    /// <inheritdoc />
    public override string ToString() => Code ?? "";
}
