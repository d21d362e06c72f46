using System.Collections.Frozen;

using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Body;

/// <summary>
/// What the parser knows about TAGS codes (§5.2): subject and program tags, geographic (FIPS 10-4 style) codes,
/// organisations, free-text pseudo tags and person tags. Small static tables; a later glossary adds meanings.
/// </summary>
internal static class TagCodes
{
    /// <summary>Four-letter subject tags (P political, E economic, M military, S social, T technology, A admin, C consular, O operations).</summary>
    public static readonly FrozenSet<string> SubjectTags = FrozenSet.ToFrozenSet(
    [
        "AADP", "ABLD", "ABUD", "ACOA", "ADCO", "ADPM", "AEMR", "AFIN", "AFSI", "AFSN", "AGAO", "AINF", "AINR", "AINT", "AJUD",
        "ALOW", "AMED", "AMGT", "AMTC", "ANET", "AODE", "AORC", "AORG", "APCS", "APER", "ASCH", "ASEC", "ASIG", "ATRN",
        "CASC", "CFED", "CJAN", "CLOK", "CMGT", "CPAS", "CVIS",
        "EAGR", "EAID", "EAIR", "ECIN", "ECON", "ECPS", "EFIN", "EFIS", "EIND", "EINT", "EINV", "ELAB", "ELTN", "EMIN", "ENGR",
        "ENRG", "EPET", "ETRD", "ETTC", "EWWT", "EXIM", "ETRA",
        "MARR", "MASS", "MCAP", "MNUC", "MOPS", "MPOS", "MTRE",
        "OCII", "OCOM", "ODIP", "OEXC", "OFDP", "OIIP", "OPDC", "OPRC", "OREP", "OSCI", "OTRA", "OVIP",
        "PARM", "PBIO", "PBTS", "PDEM", "PEPR", "PFOR", "PGOV", "PHSA", "PHUM", "PINR", "PINS", "PINT", "PNAT", "PORG", "PREF",
        "PREL", "PROP", "PTER", "PDEV",
        "SCUL", "SENV", "SMIG", "SNAR", "SOCI", "SCRM",
        "TBIO", "TINT", "TNGD", "TPHY", "TRGY", "TSPA", "TSPL",
    ], StringComparer.Ordinal);

    /// <summary>Program ("K") tags seen often; any K plus three letters is a program tag, this list only guards typo repair.</summary>
    private static readonly FrozenSet<string> ProgramTags = FrozenSet.ToFrozenSet(
    [
        "KTIP", "KNNP", "KDEM", "KPAO", "KCRM", "KIPR", "KWBG", "KPAL", "KMDR", "KJUS", "KISL", "KWMN", "KFRD", "KIRF", "KOCI",
        "KCIP", "KSTC", "KSCA", "KFLU", "KGHG", "KHIV", "KHLS", "KPKO", "KSUM", "KTFN", "KNAR", "KSEP", "KMPI", "KCOR", "KTER",
        "KPRV", "KRVC", "KDRG", "KAWC", "KBIO", "KCFE", "KNUC", "KSAF", "KVPR", "KIDE", "KGIC", "KREC", "KBCT", "KOMC", "KPOW",
        "KUNR", "KSPR", "KMCA", "KFIN", "KDDG", "KMRS", "KGCC", "KGIT", "KCRS", "KBTS", "KPLS", "KSEO", "KRAD", "KHDP", "KIRC",
        "KPWR", "KTEX", "KTDB", "KCOM", "KMIG", "KOLY", "KWMM", "KHUM", "KUNC", "KRIM", "KTIA", "KLIG", "KPRP", "KSCI", "KVIR",
        "KNEI", "KACT", "KAWK", "KSTH", "KCHG", "KMOC", "KSEC", "KHSA", "KENV", "KSRE", "KMSG", "KPIR",
    ], StringComparer.Ordinal);

    /// <summary>Geographic codes: FIPS 10-4 countries and the X· regions (§5.2: JA not JP, RS not RU), plus codes cables use anyway (JP, EU).</summary>
    public static readonly FrozenSet<string> GeographicCodes = FrozenSet.ToFrozenSet(
    [
        "AA", "AC", "AE", "AF", "AG", "AJ", "AL", "AM", "AN", "AO", "AQ", "AR", "AS", "AU", "AV", "AY", "BA", "BB", "BC", "BD",
        "BE", "BF", "BG", "BH", "BK", "BL", "BM", "BN", "BO", "BP", "BQ", "BR", "BT", "BU", "BV", "BX", "BY", "CA", "CB", "CD",
        "CE", "CF", "CG", "CH", "CI", "CJ", "CK", "CM", "CN", "CO", "CQ", "CR", "CS", "CT", "CU", "CV", "CW", "CY", "DA", "DJ",
        "DO", "DR", "EC", "EG", "EI", "EK", "EN", "ER", "ES", "ET", "EU", "EZ", "FG", "FI", "FJ", "FK", "FM", "FO", "FP", "FR",
        "FS", "GA", "GB", "GG", "GH", "GI", "GJ", "GK", "GL", "GM", "GP", "GQ", "GR", "GT", "GV", "GY", "GZ", "HA", "HK", "HM",
        "HO", "HR", "HU", "IC", "ID", "IM", "IN", "IO", "IP", "IR", "IS", "IT", "IV", "IZ", "JA", "JE", "JM", "JN", "JO", "JP",
        "KE", "KG", "KN", "KR", "KS", "KT", "KU", "KV", "KZ", "LA", "LE", "LG", "LH", "LI", "LO", "LS", "LT", "LU", "LY", "MA",
        "MB", "MC", "MD", "MF", "MG", "MH", "MI", "MJ", "MK", "ML", "MN", "MO", "MP", "MR", "MT", "MU", "MV", "MX", "MY", "MZ",
        "NC", "NE", "NF", "NG", "NH", "NI", "NL", "NO", "NP", "NR", "NS", "NT", "NU", "NZ", "PA", "PC", "PE", "PF", "PG", "PK",
        "PL", "PM", "PO", "PP", "PS", "PU", "QA", "RB", "RE", "RI", "RM", "RO", "RP", "RQ", "RS", "RW", "SA", "SB", "SC", "SE",
        "SF", "SG", "SH", "SI", "SL", "SM", "SN", "SO", "SP", "SR", "ST", "SU", "SV", "SW", "SX", "SY", "SZ", "TD", "TH", "TI",
        "TC", "TK", "TL", "TN", "TO", "TP", "TS", "TT", "TU", "TV", "TW", "TX", "TZ", "UG", "UK", "UP", "US", "UV", "UY", "UZ", "VC",
        "VE", "VI", "VM", "VQ", "VT", "WA", "WE", "WF", "WI", "WQ", "WS", "WZ", "YI", "YM", "ZA", "ZI",
        "XA", "XB", "XC", "XD", "XE", "XF", "XG", "XH", "XI", "XJ", "XK", "XL", "XM", "XN", "XO", "XP", "XQ", "XR", "XS", "XT",
        "XU", "XV", "XW", "XX", "XY", "XZ",
    ], StringComparer.Ordinal);

    /// <summary>Organisation tags (§5.2).</summary>
    public static readonly FrozenSet<string> Organizations = FrozenSet.ToFrozenSet(
    [
        "NATO", "UN", "UNSC", "UNGA", "UNHRC", "UNHCR", "UNESCO", "UNICEF", "UNDP", "UNEP", "UNODC", "UNAMA", "UNAMI", "UNIFIL",
        "UNMIK", "UNMIS", "UNAMID", "UNFICYP", "UNDOF", "UNTSO", "UNOCI", "UNMIL", "UNMEE", "UNCTAD", "MONUC", "MINUSTAH",
        "EUN", "IAEA", "WTO", "OSCE", "ASEAN", "OAS", "IMF", "IBRD", "IDB", "ADB", "AFDB", "EBRD", "OPEC", "OECD", "APEC",
        "AU", "ECOWAS", "SADC", "IGAD", "GCC", "ARF", "SAARC", "CARICOM", "MERCOSUR", "OIC", "NAM", "EFTA", "COE", "IOM",
        "IEA", "WHO", "FAO", "ICAO", "IMO", "ILO", "WFP", "IFAD", "ICRC", "ICC", "ICJ", "OPCW", "CWC", "BWC", "CBW", "NPT",
        "CTBT", "CTBTO", "SCO", "CIS", "CSTO", "GUAM", "BSEC", "OAU", "WMO", "WIPO", "UPU", "ITU", "INTERPOL", "NSG", "MTCR",
        "PSI", "G8", "G20", "G7", "ISAF", "KFOR", "EUFOR", "UNRWA", "WCO", "AMISOM", "HAMAS", "ZANU-PF",
    ], StringComparer.Ordinal);

    /// <summary>Short tags that stand alone but are neither subject nor country codes (only used to split run-together tags).</summary>
    private static readonly FrozenSet<string> ShortTags = FrozenSet.ToFrozenSet(["POL", "MIL", "ECO"], StringComparer.Ordinal);

    /// <summary>Free-text pseudo tags made of several words (§5.2: "invalid, but real"), longest first.</summary>
    public static readonly string[][] Phrases =
    [
        ["ISRAELI", "PALESTINIAN", "AFFAIRS"], ["MEDIA", "REACTION", "REPORT"], ["TIP", "IN", "TURKEY"],
        ["ECONOMY", "AND", "FINANCE"], ["POLITICS", "FOREIGN", "POLICY"],
        ["HUMAN", "RIGHTS"], ["COUNTRY", "CLEARANCE"], ["GOI", "EXTERNAL"], ["GOI", "INTERNAL"], ["IRAQI", "FREEDOM"],
        ["FOREIGN", "POLICY"], ["COUNTER", "TERRORISM"], ["SIPDIS", "GUIDANCE"], ["MEDIA", "REACTION"],
    ];

    /// <summary>
    /// Person tags written without their parentheses after OVIP (§5.2), in their canonical "SURNAME, GIVEN" form where the
    /// usual form has a middle initial.
    /// </summary>
    private static readonly FrozenDictionary<string, string> Persons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["STEINBERG, JAMES"] = "STEINBERG, JAMES B.",
        ["BUSH, GEORGE"] = "BUSH, GEORGE W.",
        ["CHENEY, RICHARD"] = "CHENEY, RICHARD B.",
        ["GATES, ROBERT"] = "GATES, ROBERT M.",
        ["ZOELLICK, ROBERT"] = "ZOELLICK, ROBERT B.",
        ["BURNS, WILLIAM"] = "BURNS, WILLIAM J.",
        ["BURNS, NICHOLAS"] = "BURNS, R. NICHOLAS",
        ["NEGROPONTE, JOHN"] = "NEGROPONTE, JOHN D.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The canonical form of a person tag.</summary>
    public static string CanonicalPerson(string person) => Persons.TryGetValue(person, out var canonical) ? canonical : person;

    /// <summary>Whether the code is one the tables know (so it is not part of a free-text phrase or a person's name).</summary>
    public static bool IsKnown(string code) =>
        SubjectTags.Contains(code) || IsProgram(code) || GeographicCodes.Contains(code) || Organizations.Contains(code);

    /// <summary>Program tags: four letters starting with K (§5.2, CM-utils <c>tag_kind</c>).</summary>
    public static bool IsProgram(string code) => code.Length == 4 && code[0] == 'K' && IsAllLetters(code);

    /// <summary>The kind of a canonical tag (§5.2).</summary>
    public static TagKind KindOf(string code)
    {
        if (code.Contains(','))
            return TagKind.Person;
        if (code.Length == 2 && IsAllLetters(code))
            return TagKind.Geographic;
        if (Organizations.Contains(code) || Organizations.Contains(Prefix(code)))
            return TagKind.Organization;
        if (IsProgram(code))
            return TagKind.Program;
        if (SubjectTags.Contains(code) || (code.Length == 4 && IsAllLetters(code) && "PEMSTACO".Contains(code[0])))
            return TagKind.Subject;
        return TagKind.Unknown;
    }

    /// <summary>
    /// Splits a run-together token (<c>KFRDKIRFCVIS…EG</c>, <c>ITPHUM</c>, <c>MASSMNUC</c>, §5.2) into known codes covering it
    /// entirely, with at least one code of four letters or more (so that words such as PANAMA are not cut into countries).
    /// Returns null when no such split exists.
    /// </summary>
    public static List<string>? SplitRunTogether(string token)
    {
        if (token.Length < 5 || token.Length > 64 || !IsAllLetters(token))
            return null;
        var parts = SplitCodes(token);
        if (parts is null || parts.Count < 2)
            return null;
        foreach (var part in parts)
        {
            if (part.Length >= 4)
                return parts;
        }

        return null;
    }

    /// <summary>Splits letters into known codes covering them entirely (<c>POLMIL</c> → POL, MIL); null when impossible.</summary>
    public static List<string>? SplitCodes(string token)
    {
        if (token.Length == 0 || token.Length > 64 || !IsAllLetters(token))
            return null;
        return Split(token, 0, new Dictionary<int, List<string>?>());
    }

    private static List<string>? Split(string token, int at, Dictionary<int, List<string>?> memo)
    {
        if (at == token.Length)
            return [];
        if (memo.TryGetValue(at, out var known))
            return known;

        List<string>? best = null;
        foreach (var length in (ReadOnlySpan<int>)[4, 6, 5, 2, 3])
        {
            if (at + length > token.Length)
                continue;
            var piece = token.Substring(at, length);
            var ok = length switch
            {
                4 => SubjectTags.Contains(piece) || IsProgram(piece) || Organizations.Contains(piece),
                2 => GeographicCodes.Contains(piece),
                _ => Organizations.Contains(piece) || ShortTags.Contains(piece),
            };
            if (!ok)
                continue;
            var rest = Split(token, at + length, memo);
            if (rest is null)
                continue;
            best = [piece, .. rest];
            break;
        }

        memo[at] = best;
        return best;
    }

    /// <summary>
    /// Repairs a five-letter typo of a known four-letter tag by dropping one letter (<c>MOPPS</c> → MOPS, <c>POGOV</c> → PGOV,
    /// <c>KWWMN</c> → KWMN, §5.2), and a six- or seven-letter typo of an organisation the same way (<c>UNDESCO</c> → UNESCO).
    /// Returns null when no single deletion gives a known code.
    /// </summary>
    public static string? RepairTypo(string token)
    {
        if (token.Length < 5 || token.Length > 8 || !IsAllLetters(token))
            return null;
        for (var i = 0; i < token.Length; i++)
        {
            var candidate = string.Concat(token.AsSpan(0, i), token.AsSpan(i + 1));
            if (candidate.Length == 4 && (SubjectTags.Contains(candidate) || ProgramTags.Contains(candidate)))
                return candidate;
            if (candidate.Length >= 5 && Organizations.Contains(candidate))
                return candidate;
        }

        return null;
    }

    private static string Prefix(string code)
    {
        var cut = code.AsSpan().IndexOfAny('/', '-');
        return cut > 0 ? code[..cut] : code;
    }

    private static bool IsAllLetters(string code)
    {
        foreach (var c in code)
        {
            if (c is < 'A' or > 'Z')
                return false;
        }

        return code.Length > 0;
    }
}
