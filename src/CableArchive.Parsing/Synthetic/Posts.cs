namespace CableArchive.Parsing.Synthetic;

/// <summary>What kind of post sends a cable; it decides the FM name, the origin label and the addressees.</summary>
public enum PostKind
{
    /// <summary>An embassy (<c>AMEMBASSY TOKYO</c>, origin <c>Embassy Tokyo</c>).</summary>
    Embassy,

    /// <summary>A consulate (<c>AMCONSUL NAHA</c>, origin <c>Consulate Naha</c>).</summary>
    Consulate,

    /// <summary>A mission or other office (<c>USMISSION USNATO</c>, <c>USINT HAVANA</c>).</summary>
    Mission,

    /// <summary>The Department (<c>SECSTATE WASHDC</c>, origin <c>Secretary of State</c>).</summary>
    State,
}

/// <summary>
/// One post that sends cables, with every spelling of it a cable carries: the FM plain-language address (cable-format notes §2.7),
/// the WikiLeaks origin label (§1.1), the banner's origin words that also build the reference id (§3.1, §6.3), its routing indicator
/// (§2.3), and the geographic tag of its country (§5.2).
/// </summary>
/// <param name="Kind">Embassy, consulate, mission or the Department.</param>
/// <param name="Address">The FM line's address, <c>AMEMBASSY TOKYO</c>.</param>
/// <param name="Origin">The origin as WikiLeaks labels it, <c>Embassy Tokyo</c>.</param>
/// <param name="BannerWords">The origin words of the banner and page breaks, <c>TOKYO</c>, <c>RIO DE JANEIRO</c>.</param>
/// <param name="RoutingIndicator">The station's routing indicator, <c>RUEHKO</c>.</param>
/// <param name="CountryTag">The geographic tag of the post's country, <c>JA</c>.</param>
/// <param name="Country">The country's name as the text mentions it.</param>
public sealed record Post(PostKind Kind, string Address, string Origin, string BannerWords, string RoutingIndicator, string CountryTag, string Country)
{
    /// <summary>The first year the post sent cables (Kyiv, Astana and the other posts opened in 1992 did not exist before).</summary>
    public int FirstYear { get; init; } = 1966;

    /// <summary>The last year the post sent cables (Embassy Tehran closed in 1980).</summary>
    public int LastYear { get; init; } = 2010;

    /// <summary>The station part of a reference id: the banner words without spaces (<c>RIODEJANEIRO</c>, §6.3).</summary>
    public string Station => BannerWords.Replace(" ", "", StringComparison.Ordinal);
}

/// <summary>
/// The posts the generator draws from. Every spelling comes from real cables: the FM lines, origins, banners and DE lines of the
/// WikiLeaks pages (cable-format notes §1.1, §2.4, §3.1). Posts whose reference-id station differs from their banner words
/// in a way the notes leave open (TAIPEI → AITTAIPEI, USUN NEW YORK) are left out, so that every expected id is certain.
/// </summary>
public static class Posts
{
    /// <summary>The Department of State.</summary>
    public static Post State { get; } = new(PostKind.State, "SECSTATE WASHDC", "Secretary of State", "STATE", "RUEHC", "US", "the United States");

    /// <summary>Every post, the Department first.</summary>
    public static IReadOnlyList<Post> All { get; } =
    [
        State,
        Embassy("ABU DHABI", "RUEHAD", "AE", "the UAE"),
        Embassy("ABUJA", "RUEHUJA", "NI", "Nigeria") with { FirstYear = 1991 },
        Embassy("ADDIS ABABA", "RUEHDS", "ET", "Ethiopia"),
        Embassy("AMMAN", "RUEHAM", "JO", "Jordan"),
        Embassy("ANKARA", "RUEHAK", "TU", "Turkey"),
        Embassy("ASHGABAT", "RUEHAH", "TX", "Turkmenistan") with { FirstYear = 1992 },
        Embassy("ASTANA", "RUEHTA", "KZ", "Kazakhstan") with { FirstYear = 1992 },
        Embassy("BAGHDAD", "RUEHGB", "IZ", "Iraq"),
        Embassy("BAKU", "RUEHKB", "AJ", "Azerbaijan") with { FirstYear = 1992 },
        Embassy("BANGKOK", "RUEHBK", "TH", "Thailand"),
        Embassy("BEIJING", "RUEHBJ", "CH", "China"),
        Embassy("BEIRUT", "RUEHLB", "LE", "Lebanon"),
        Embassy("BELGRADE", "RUEHBW", "SR", "Serbia"),
        Embassy("BERLIN", "RUEHRL", "GM", "Germany"),
        Embassy("BISHKEK", "RUEHEK", "KG", "Kyrgyzstan") with { FirstYear = 1992 },
        Embassy("BOGOTA", "RUEHBO", "CO", "Colombia"),
        Embassy("BRASILIA", "RUEHBR", "BR", "Brazil"),
        Embassy("BUENOS AIRES", "RUEHBU", "AR", "Argentina"),
        Embassy("CAIRO", "RUEHEG", "EG", "Egypt"),
        Embassy("CARACAS", "RUEHCV", "VE", "Venezuela"),
        Embassy("COLOMBO", "RUEHLM", "CE", "Sri Lanka"),
        Embassy("DAMASCUS", "RUEHDM", "SY", "Syria"),
        Embassy("DOHA", "RUEHDO", "QA", "Qatar"),
        Embassy("DUBLIN", "RUEHDL", "EI", "Ireland"),
        Embassy("HARARE", "RUEHSB", "ZI", "Zimbabwe"),
        Embassy("ISLAMABAD", "RUEHIL", "PK", "Pakistan"),
        Embassy("KABUL", "RUEHBUL", "AF", "Afghanistan"),
        Embassy("KAMPALA", "RUEHKM", "UG", "Uganda"),
        Embassy("KUWAIT", "RUEHKU", "KU", "Kuwait"),
        Embassy("KYIV", "RUEHKV", "UP", "Ukraine") with { FirstYear = 1992 },
        Embassy("LA PAZ", "RUEHLP", "BL", "Bolivia"),
        Embassy("LIMA", "RUEHPE", "PE", "Peru"),
        Embassy("LONDON", "RUEHLO", "UK", "the United Kingdom"),
        Embassy("LUANDA", "RUEHLU", "AO", "Angola"),
        Embassy("MADRID", "RUEHMD", "SP", "Spain"),
        Embassy("MANAGUA", "RUEHMU", "NU", "Nicaragua"),
        Embassy("MAPUTO", "RUEHTO", "MZ", "Mozambique"),
        Embassy("MEXICO", "RUEHME", "MX", "Mexico"),
        Embassy("MOSCOW", "RUEHMO", "RS", "Russia"),
        Embassy("NAIROBI", "RUEHNR", "KE", "Kenya"),
        Embassy("NEW DELHI", "RUEHNE", "IN", "India"),
        Embassy("OSLO", "RUEHNY", "NO", "Norway"),
        Embassy("PANAMA", "RUEHZP", "PM", "Panama"),
        Embassy("PARIS", "RUEHFR", "FR", "France"),
        Embassy("PRETORIA", "RUEHSA", "SF", "South Africa"),
        Embassy("RABAT", "RUEHRB", "MO", "Morocco"),
        Embassy("RIYADH", "RUEHRH", "SA", "Saudi Arabia"),
        Embassy("ROME", "RUEHRO", "IT", "Italy"),
        Embassy("SANAA", "RUEHYN", "YM", "Yemen") with { FirstYear = 1991 },
        Embassy("SANTIAGO", "RUEHSG", "CI", "Chile"),
        Embassy("SEOUL", "RUEHUL", "KS", "South Korea"),
        Embassy("STOCKHOLM", "RUEHSM", "SW", "Sweden"),
        Embassy("TALLINN", "RUEHTL", "EN", "Estonia") with { FirstYear = 1992 },
        Embassy("TBILISI", "RUEHSI", "GG", "Georgia") with { FirstYear = 1992 },
        Embassy("TEHRAN", "RUEHTH", "IR", "Iran") with { LastYear = 1979 },
        Embassy("TEL AVIV", "RUEHTV", "IS", "Israel"),
        Embassy("TOKYO", "RUEHKO", "JA", "Japan"),
        Embassy("TRIPOLI", "RUEHTRO", "LY", "Libya"),
        Embassy("TUNIS", "RUEHTU", "TS", "Tunisia"),
        Embassy("WARSAW", "RUEHWR", "PL", "Poland"),
        Consulate("FUKUOKA", "RUEHFK", "JA", "Japan"),
        Consulate("NAHA", "RUEHNH", "JA", "Japan"),
        Consulate("OSAKA KOBE", "RUEHOK", "JA", "Japan"),
        Consulate("SAPPORO", "RUEHKSO", "JA", "Japan"),
        Consulate("RIO DE JANEIRO", "RUEHRI", "BR", "Brazil"),
        Consulate("SAO PAULO", "RUEHSO", "BR", "Brazil"),
        Consulate("SHANGHAI", "RUEHGH", "CH", "China"),
        Consulate("HAMBURG", "RUEHAG", "GM", "Germany"),
        Consulate("MUNICH", "RUEHMZ", "GM", "Germany"),
        Consulate("LAGOS", "RUEHOS", "NI", "Nigeria"),
        Consulate("ISTANBUL", "RUEHIT", "TU", "Turkey"),
        new(PostKind.Mission, "USMISSION USNATO", "Mission USNATO", "USNATO", "RUEHNO", "NATO", "the Alliance"),
        new(PostKind.Mission, "USMISSION UNVIE VIENNA", "UNVIE", "UNVIE VIENNA", "RUEHUNV", "IAEA", "the Agency") { FirstYear = 2000 },
        new(PostKind.Mission, "USINT HAVANA", "US Interests Section Havana", "HAVANA", "RUEHUB", "CU", "Cuba") { FirstYear = 1977 },
        new(PostKind.Mission, "USEU BRUSSELS", "USEU Brussels", "BRUSSELS", "RUEHBS", "EUN", "the European Union") { FirstYear = 1994 },
        new(PostKind.Mission, "IRAN RPO DUBAI", "Iran RPO Dubai", "RPO DUBAI", "RUEHDIR", "IR", "Iran") { FirstYear = 2006 },
    ];

    /// <summary>Agencies and commands that appear as addressees (§2.3, §2.7), with their routing indicators.</summary>
    public static IReadOnlyList<(string RoutingIndicator, string Name)> Agencies { get; } =
    [
        ("RUEKJCS", "SECDEF WASHDC"),
        ("RUEKJCS", "JOINT STAFF WASHDC"),
        ("RHEHNSC", "NSC WASHDC"),
        ("RHEHNSC", "WHITE HOUSE NSC WASHDC"),
        ("RUEAIIA", "CIA WASHDC"),
        ("RHEFDIA", "DIA WASHDC"),
        ("RUEATRS", "DEPT OF TREASURY WASHINGTON DC"),
        ("RUCPDOC", "USDOC WASHDC"),
        ("RHMFISS", "HQ USEUCOM VAIHINGEN GE"),
        ("RHMFISS", "HQ USCENTCOM MACDILL AFB FL"),
        ("RHMFISS", "HQ USSOUTHCOM MIAMI FL"),
        ("RUEHNO", "USDELMC BRUSSELS BE"),
        ("RUCNDT", "USMISSION USUN NEW YORK"),
        ("RUEHGV", "USMISSION GENEVA"),
    ];

    /// <summary>Collective addressees, with a routing indicator where they usually carry one (§2.7).</summary>
    public static IReadOnlyList<(string? RoutingIndicator, string Name)> Collectives { get; } =
    [
        ("RUEHZL", "EUROPEAN POLITICAL COLLECTIVE"),
        ("RUCNAFG", "AFGHANISTAN COLLECTIVE"),
        ("RUEHXK", "ARAB ISRAELI COLLECTIVE"),
        ("RUEHZG", "NATO EU COLLECTIVE"),
        ("RUCNMEM", "EU MEMBER STATES COLLECTIVE"),
        ("RUEHZS", "ASSOCIATION OF SOUTHEAST ASIAN NATIONS"),
        (null, "ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE"),
        (null, "ALL NATO POST COLLECTIVE"),
        (null, "WHA DIPL POSTS COLLECTIVE"),
    ];

    private static Post Embassy(string city, string routingIndicator, string countryTag, string country) =>
        new(PostKind.Embassy, "AMEMBASSY " + city, "Embassy " + TitleCase(city), city, routingIndicator, countryTag, country);

    private static Post Consulate(string city, string routingIndicator, string countryTag, string country) =>
        new(PostKind.Consulate, "AMCONSUL " + city, "Consulate " + TitleCase(city), city, routingIndicator, countryTag, country);

    // WikiLeaks capitalises every word of a place name: "Embassy La Paz", "Consulate Rio De Janeiro" (§1.2 origin values).
    internal static string TitleCase(string words) =>
        string.Join(' ', words.Split(' ').Select(w => w.Length == 0 ? w : w[0] + w[1..].ToLowerInvariant()));
}
