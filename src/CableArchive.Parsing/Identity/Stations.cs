using System.Buffers;

namespace CableArchive.Parsing.Identity;

/// <summary>
/// The posts and offices that send cables, keyed by their station token: the origin part of a reference id, written
/// without spaces or punctuation (<c>TOKYO</c>, <c>RIODEJANEIRO</c>, <c>USUNNEWYORK</c>; cable-format notes §6.3).
/// Each carries the origin label WikiLeaks gives its cables (<c>Embassy Tokyo</c>, <c>Consulate Rio De Janeiro</c>).
/// </summary>
/// <remarks>
/// The list is of US diplomatic posts and offices as they appear in Cablegate (the 275 origin values of cables.csv, §1.2).
/// It serves two purposes: the label of a banner's origin words when a cable has no FM line, and the repair of the
/// station part of a malformed id (§6.4), which needs to know which spellings are real.
/// </remarks>
internal static class Stations
{
    private static readonly SearchValues<char> AsciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly Dictionary<string, string> LabelByToken = BuildLabels();

    private static readonly string[] Tokens = [.. LabelByToken.Keys];

    /// <summary>
    /// Spellings that are not a station token themselves, with the station they stand for: §6.3's normalisation table
    /// (abbreviations, old names, the forms references use), without the one-letter typos, which the fuzzy match repairs.
    /// </summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["SECSTATE"] = "STATE", ["SECTSTATE"] = "STATE", ["SECTATE"] = "STATE", ["SECSATATE"] = "STATE", ["SECSTATEWASHDC"] = "STATE",
        ["SECTATWASHDC"] = "STATE", ["STAT"] = "STATE", ["STAE"] = "STATE", ["TATE"] = "STATE", ["STATAE"] = "STATE", ["SATTE"] = "STATE",
        ["WASHDC"] = "STATE",
        ["SECDEFWASH"] = "SECDEF", ["SECDEFWASHDC"] = "SECDEF",
        ["RIO"] = "RIODEJANEIRO", ["RIODEJAN"] = "RIODEJANEIRO", ["RIODEJANIERO"] = "RIODEJANEIRO", ["RIODEJANERIO"] = "RIODEJANEIRO",
        ["POS"] = "PORTOFSPAIN",
        ["PAUP"] = "PORTAUPRINCE", ["PAP"] = "PORTAUPRINCE", ["PORTA"] = "PORTAUPRINCE", ["PORTAUPR"] = "PORTAUPRINCE",
        ["HAGUE"] = "THEHAGUE",
        ["USUN"] = "USUNNEWYORK", ["USUNNY"] = "USUNNEWYORK", ["USUNNEYORK"] = "USUNNEWYORK", ["USUNNEW"] = "USUNNEWYORK", ["NEWYORK"] = "USUNNEWYORK",
        ["USEU"] = "USEUBRUSSELS", ["USEUBRUSS"] = "USEUBRUSSELS",
        ["UNVIE"] = "UNVIEVIENNA", ["UNVIEVIEN"] = "UNVIEVIENNA", ["UNVIENNA"] = "UNVIEVIENNA", ["USMISSIONUNVIEVIENNA"] = "UNVIEVIENNA",
        ["PARISFR"] = "UNESCOPARISFR", ["USUNESCOPARISFR"] = "UNESCOPARISFR", ["USUNESCO"] = "UNESCOPARISFR", ["UNESCO"] = "UNESCOPARISFR",
        ["HCMC"] = "HOCHIMINHCITY", ["HCM"] = "HOCHIMINHCITY", ["HOCHIMINH"] = "HOCHIMINHCITY", ["HOCHIMIN"] = "HOCHIMINHCITY",
        ["BA"] = "BUENOSAIRES",
        ["MEXICOCITY"] = "MEXICO", ["MEX"] = "MEXICO",
        ["BRAZIL"] = "BRASILIA",
        ["PAULO"] = "SAOPAULO",
        ["TAIPEI"] = "AITTAIPEI",
        ["DELHI"] = "NEWDELHI", ["NEWDEHLI"] = "NEWDELHI",
        ["HK"] = "HONGKONG",
        ["KL"] = "KUALALUMPUR",
        ["BKK"] = "BANGKOK",
        ["TGG"] = "TEGUCIGALPA", ["TEGUC"] = "TEGUCIGALPA", ["TEGUZ"] = "TEGUCIGALPA",
        ["SDO"] = "SANTODOMINGO", ["SD"] = "SANTODOMINGO",
        ["DAR"] = "DARESSALAAM",
        ["ADDIS"] = "ADDISABABA",
        ["BSB"] = "BANDARSERIBEGAWAN", ["BANDAR"] = "BANDARSERIBEGAWAN", ["BANDARSERI"] = "BANDARSERIBEGAWAN",
        ["USDA"] = "USDAFAS", ["USDAFASWASHDC"] = "USDAFAS",
        ["USDOCWASHDC"] = "USDOC", ["DEPTOFCOMMERCE"] = "USDOC", ["DOC"] = "USDOC",
        ["USCUSTOMSA"] = "USCBP",
        ["DEPTOFJUST"] = "USDOJ",
        ["ATLANTA"] = "CDCATLANTAGA", ["CDC"] = "CDCATLANTAGA", ["CDCATLANTA"] = "CDCATLANTAGA",
        ["VAT"] = "VATICAN",
        ["MVD"] = "MONTEVIDEO",
        ["TANA"] = "ANTANANARIVO", ["ANTAN"] = "ANTANANARIVO",
        ["ANK"] = "ANKARA", ["ANAKRA"] = "ANKARA", ["ANARA"] = "ANKARA",
        ["DAM"] = "DAMASCUS",
        ["JAK"] = "JAKARTA",
        ["PETERSBURG"] = "STPETERSBURG", ["SAINTPETERSBURG"] = "STPETERSBURG",
        ["FSCCHARLESTON"] = "CHARLESTON",
        ["IRANRPODUBAI"] = "RPODUBAI",
        ["AIT"] = "AITTAIPEI", ["AMERICANINSTITUTETAIWANTAIPEI"] = "AITTAIPEI",
        ["KIEV"] = "KYIV",
        ["CALCUTTA"] = "KOLKATA", ["MADRAS"] = "CHENNAI", ["BOMBAY"] = "MUMBAI",
    };

    /// <summary>The station token for a written origin (letters only, any case), or null when it is not recognised.</summary>
    /// <remarks>
    /// Exact tokens and the §6.3 aliases first; then a unique station the spelling is the start of (<c>HALIF</c>, <c>THEHAGU</c>);
    /// then the unique nearest station by edit distance (one edit, two for longer spellings): WikiLeaks' malformed ids carry
    /// dropped, doubled and swapped letters (<c>BEIRT</c>, <c>TRIPOLII</c>, <c>AITTAIPIE</c>; §6.4).
    /// </remarks>
    public static string? Canonicalize(ReadOnlySpan<char> written)
    {
        if (written.IsEmpty || written.Length > 64 || written.ContainsAnyExcept(AsciiLetters))
            return null;

        Span<char> upper = stackalloc char[written.Length];
        written.ToUpperInvariant(upper);
        var key = new string(upper);
        if (LabelByToken.ContainsKey(key))
            return key;
        if (Aliases.TryGetValue(key, out var aliased))
            return aliased;
        return key.Length >= 5 ? UniqueStationStartingWith(key) ?? NearestStation(key) : NearestStation(key);
    }

    /// <summary>The WikiLeaks origin label of a station token (<c>TOKYO</c> → <c>Embassy Tokyo</c>), or null when unknown.</summary>
    public static string? LabelOf(string token) =>
        LabelByToken.TryGetValue(token, out var label) && label.Length > 0 ? label : null;

    private static string? UniqueStationStartingWith(string prefix)
    {
        string? found = null;
        foreach (var token in Tokens)
        {
            if (!token.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            if (found is not null)
                return null;
            found = token;
        }

        return found;
    }

    private static string? NearestStation(string written)
    {
        // Short spellings are too easily one edit from an unrelated station: a three-letter word is left alone.
        var allowed = written.Length switch
        {
            < 4 => 0,
            < 5 => 1,
            _ => 2,
        };
        if (allowed == 0)
            return null;

        string? best = null;
        var bestDistance = allowed + 1;
        var tie = false;
        foreach (var token in Tokens)
        {
            if (Math.Abs(token.Length - written.Length) > allowed)
                continue;
            // The cutoff is one past the best so far, so that a second station as near as the best is seen as a tie.
            var distance = Spelling.Distance(written, token, Math.Min(bestDistance + 1, allowed + 1));
            if (distance > allowed || distance > bestDistance)
                continue;
            tie = distance == bestDistance;
            if (distance < bestDistance)
                (best, bestDistance) = (token, distance);
        }

        return best is not null && !tie ? best : null;
    }

    private static Dictionary<string, string> BuildLabels()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);

        void Add(string token, string label) => labels[token] = label;
        void Posts(string kind, params string[] places)
        {
            foreach (var place in places)
                Add(TokenOf(place), kind + " " + place);
        }

        Posts("Embassy",
            "Abidjan", "Abu Dhabi", "Abuja", "Accra", "Addis Ababa", "Algiers", "Amman", "Ankara", "Antananarivo", "Apia",
            "Ashgabat", "Asmara", "Astana", "Asuncion", "Athens", "Baghdad", "Baku", "Bamako", "Bandar Seri Begawan", "Bangkok",
            "Bangui", "Banjul", "Beijing", "Beirut", "Belgrade", "Belmopan", "Berlin", "Bern", "Bishkek", "Bissau", "Bogota",
            "Bonn", "Brasilia", "Bratislava", "Brazzaville", "Bridgetown", "Brussels", "Bucharest", "Budapest", "Buenos Aires",
            "Bujumbura", "Cairo", "Canberra", "Caracas", "Chisinau", "Colombo", "Conakry", "Copenhagen", "Cotonou", "Dakar",
            "Damascus", "Dar Es Salaam", "Dhaka", "Dili", "Djibouti", "Doha", "Dublin", "Dushanbe", "Freetown", "Gaborone",
            "Georgetown", "Grenada", "Guatemala", "Hanoi", "Harare", "Helsinki", "Islamabad", "Jakarta", "Kabul", "Kampala",
            "Kathmandu", "Khartoum", "Kigali", "Kingston", "Kinshasa", "Kolonia", "Koror", "Kuala Lumpur", "Kuwait", "Kyiv",
            "La Paz", "Libreville", "Lilongwe", "Lima", "Lisbon", "Ljubljana", "Lome", "London", "Luanda", "Lusaka",
            "Luxembourg", "Madrid", "Majuro", "Malabo", "Managua", "Manama", "Manila", "Maputo", "Maseru", "Mbabane", "Mexico",
            "Minsk", "Mogadishu", "Monrovia", "Montevideo", "Moscow", "Muscat", "Nairobi", "Nassau", "Ndjamena", "New Delhi",
            "Niamey", "Nicosia", "Nouakchott", "Oslo", "Ottawa", "Ouagadougou", "Panama", "Paramaribo", "Paris", "Phnom Penh",
            "Podgorica", "Port Au Prince", "Port Louis", "Port Moresby", "Port Of Spain", "Prague", "Praia", "Pretoria",
            "Pristina", "Quito", "Rabat", "Rangoon", "Reykjavik", "Riga", "Riyadh", "Rome", "San Jose", "San Salvador", "Sanaa",
            "Santiago", "Santo Domingo", "Sarajevo", "Seoul", "Singapore", "Skopje", "Sofia", "Stockholm", "Suva", "Tallinn",
            "Tashkent", "Tbilisi", "Tegucigalpa", "Tehran", "Tel Aviv", "The Hague", "Tirana", "Tokyo", "Tripoli", "Tunis",
            "Ulaanbaatar", "Valletta", "Vatican", "Vienna", "Vientiane", "Vilnius", "Warsaw", "Wellington", "Windhoek",
            "Yaounde", "Yerevan", "Zagreb");

        Posts("Consulate",
            "Adana", "Alexandria", "Amsterdam", "Auckland", "Barcelona", "Belfast", "Calgary", "Cape Town", "Casablanca",
            "Chengdu", "Chennai", "Chiang Mai", "Ciudad Juarez", "Curacao", "Dhahran", "Dubai", "Durban", "Dusseldorf",
            "Edinburgh", "Florence", "Frankfurt", "Fukuoka", "Guadalajara", "Guangzhou", "Guayaquil", "Halifax", "Hamburg",
            "Hamilton", "Hermosillo", "Ho Chi Minh City", "Hong Kong", "Hyderabad", "Istanbul", "Izmir", "Jeddah", "Jerusalem",
            "Johannesburg", "Kaduna", "Karachi", "Kolkata", "Krakow", "Lagos", "Lahore", "Leipzig", "Marseille", "Matamoros",
            "Medan", "Melbourne", "Merida", "Milan", "Monterrey", "Montreal", "Mumbai", "Munich", "Nagoya", "Naha", "Naples",
            "Nogales", "Nuevo Laredo", "Osaka Kobe", "Perth", "Peshawar", "Ponta Delgada", "Quebec", "Recife", "Rio De Janeiro",
            "Sao Paulo", "Sapporo", "Shanghai", "Shenyang", "St Petersburg", "Strasbourg", "Surabaya", "Sydney", "Thessaloniki",
            "Tijuana", "Toronto", "Vancouver", "Vladivostok", "Winnipeg", "Yekaterinburg");

        Posts("REO", "Basrah", "Hillah", "Kirkuk", "Mosul");

        // Missions and offices whose label is not "<kind> <place>" (§1.2, the origin values of cables.csv).
        Add("STATE", "Secretary of State");
        Add("USNATO", "Mission USNATO");
        Add("USOSCE", "Mission USOSCE");
        Add("GENEVA", "Mission Geneva");
        Add("CDGENEVA", "US Mission CD Geneva");
        Add("USTRGENEVA", "USMISSION USTR GENEVA");
        Add("UNVIEVIENNA", "UNVIE");
        Add("USUNNEWYORK", "USUN New York");
        Add("UNROME", "UN Rome");
        Add("UNESCOPARISFR", "Mission UNESCO");
        Add("USEUBRUSSELS", "USEU Brussels");
        Add("AITTAIPEI", "American Institute Taiwan, Taipei");
        Add("HAVANA", "US Interests Section Havana");
        Add("RPODUBAI", "Iran RPO Dubai");
        Add("ALMATY", "US Office Almaty");
        Add("FESTTWO", "US Delegation FEST TWO");
        Add("FSINFATC", "DIR FSINFATC");
        Add("CHARLESTON", "US OFFICE FSC CHARLESTON");

        // Stations that appear in reference ids but send no cables of their own in Cablegate: no label.
        foreach (var token in (string[])["SECDEF", "USDAFAS", "USDOC", "USCBP", "USDOJ", "CDCATLANTAGA"])
            labels[token] = "";

        return labels;
    }

    private static string TokenOf(string place)
    {
        Span<char> buffer = stackalloc char[place.Length];
        var length = 0;
        foreach (var c in place)
        {
            if (char.IsAsciiLetter(c))
                buffer[length++] = char.ToUpperInvariant(c);
        }

        return new string(buffer[..length]);
    }
}
