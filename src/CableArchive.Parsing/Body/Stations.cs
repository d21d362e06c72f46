using System.Collections.Frozen;

namespace CableArchive.Parsing.Body;

/// <summary>
/// The stations a REF item can name, canonical as in reference ids (§6.3: <c>TELAVIV</c>, <c>RIODEJANEIRO</c>,
/// <c>USUNNEWYORK</c>, <c>STATE</c> for SECSTATE), with the spelling variants and typos of the §6.3 table. Used only by
/// the REF reader, so that <c>CAIRO IIR 6 899</c> or <c>PARIS POINTS JULY 15</c> are not read as cables.
/// </summary>
internal static class Stations
{
    private static readonly FrozenSet<string> Canonical = FrozenSet.ToFrozenSet(
    [
        // Africa
        "ABIDJAN", "ABUJA", "ACCRA", "ADDISABABA", "ALGIERS", "ANTANANARIVO", "ASMARA", "BAMAKO", "BANGUI", "BANJUL", "BISSAU",
        "BRAZZAVILLE", "BUJUMBURA", "CAIRO", "ALEXANDRIA", "CAPETOWN", "CASABLANCA", "CONAKRY", "COTONOU", "DAKAR",
        "DARESSALAAM", "DJIBOUTI", "DOUALA", "DURBAN", "FREETOWN", "GABORONE", "HARARE", "JOHANNESBURG", "JUBA", "KADUNA",
        "KAMPALA", "KHARTOUM", "KIGALI", "KINSHASA", "LAGOS", "LIBREVILLE", "LILONGWE", "LOME", "LUANDA", "LUBUMBASHI",
        "LUSAKA", "MALABO", "MAPUTO", "MASERU", "MBABANE", "MOGADISHU", "MONROVIA", "MORONI", "NAIROBI", "NDJAMENA", "NIAMEY",
        "NOUAKCHOTT", "OUAGADOUGOU", "PORTLOUIS", "PRAIA", "PRETORIA", "RABAT", "SAOTOME", "TRIPOLI", "TUNIS", "VICTORIA",
        "WINDHOEK", "YAOUNDE", "ZANZIBAR", "SALISBURY", "LEOPOLDVILLE", "FORTLAMY", "ORAN",

        // Europe and Eurasia
        "AMSTERDAM", "ANKARA", "ADANA", "ISTANBUL", "IZMIR", "ATHENS", "THESSALONIKI", "BAKU", "BELFAST", "BELGRADE", "BERLIN",
        "BONN", "BERN", "BRATISLAVA", "BRUSSELS", "BUCHAREST", "BUDAPEST", "CHISINAU", "COPENHAGEN", "DUBLIN", "DUSSELDORF",
        "EDINBURGH", "FLORENCE", "FRANKFURT", "HAMBURG", "HELSINKI", "KIEV", "KYIV", "KRAKOW", "LEIPZIG", "LISBON",
        "LJUBLJANA", "LONDON", "LUXEMBOURG", "LYON", "MADRID", "BARCELONA", "MARSEILLE", "MILAN", "MINSK", "MOSCOW", "MUNICH",
        "NAPLES", "NICOSIA", "OSLO", "PARIS", "PODGORICA", "PONTADELGADA", "PRAGUE", "PRISTINA", "REYKJAVIK", "RIGA", "ROME",
        "SARAJEVO", "SKOPJE", "SOFIA", "STOCKHOLM", "STPETERSBURG", "STRASBOURG", "TALLINN", "TBILISI", "THEHAGUE", "TIRANA",
        "VALLETTA", "VATICAN", "VIENNA", "VILNIUS", "VLADIVOSTOK", "WARSAW", "YEKATERINBURG", "YEREVAN", "ZAGREB", "LENINGRAD",
        "GENEVA", "USNATO", "USEUBRUSSELS", "USOSCE", "UNVIEVIENNA", "USTRGENEVA", "CDGENEVA", "UNESCOPARISFR", "USUNROME",
        "BORDEAUX", "RENNES", "TOULOUSE", "NICE", "PORTO", "ALMATY", "ASTANA", "ASHGABAT", "BISHKEK", "DUSHANBE", "TASHKENT",

        // East Asia and Pacific
        "AITTAIPEI", "KAOHSIUNG", "APIA", "AUCKLAND", "BANDARSERIBEGAWAN", "BANGKOK", "BEIJING", "BUSAN", "CANBERRA", "CHENGDU",
        "CHIANGMAI", "DILI", "FUKUOKA", "GUANGZHOU", "HANOI", "HOCHIMINHCITY", "HONGKONG", "JAKARTA", "KOLONIA", "KOROR",
        "KUALALUMPUR", "MAJURO", "MANILA", "MELBOURNE", "NAGOYA", "NAHA", "OSAKAKOBE", "PERTH", "PHNOMPENH", "PORTMORESBY",
        "RANGOON", "SAPPORO", "SEOUL", "SHANGHAI", "SHENYANG", "SINGAPORE", "SURABAYA", "SUVA", "SYDNEY", "TOKYO",
        "ULAANBAATAR", "VIENTIANE", "WELLINGTON", "SAIGON", "MEDAN",

        // Near East and South Asia
        "ABUDHABI", "DUBAI", "AMMAN", "BAGHDAD", "BASRAH", "KIRKUK", "MOSUL", "HILLAH", "ERBIL", "BEIRUT", "DAMASCUS", "DOHA",
        "JERUSALEM", "TELAVIV", "KUWAIT", "MANAMA", "MUSCAT", "RIYADH", "JEDDAH", "DHAHRAN", "SANAA", "ADEN", "TAIZ", "TEHRAN",
        "IRANRPODUBAI", "RPODUBAI", "ALGIERS", "KABUL", "ISLAMABAD", "KARACHI", "LAHORE", "PESHAWAR", "NEWDELHI", "MUMBAI",
        "BOMBAY", "CHENNAI", "MADRAS", "KOLKATA", "CALCUTTA", "HYDERABAD", "DHAKA", "DACCA", "COLOMBO", "KATHMANDU", "HERAT",

        // Western Hemisphere
        "ASUNCION", "BOGOTA", "BRASILIA", "RIODEJANEIRO", "SAOPAULO", "RECIFE", "BUENOSAIRES", "CARACAS", "MARACAIBO",
        "GEORGETOWN", "GUATEMALA", "GUAYAQUIL", "HAVANA", "KINGSTON", "LAPAZ", "LIMA", "MANAGUA", "MEXICO", "CIUDADJUAREZ",
        "GUADALAJARA", "MONTERREY", "TIJUANA", "HERMOSILLO", "MATAMOROS", "MERIDA", "NOGALES", "NUEVOLAREDO", "MONTEVIDEO",
        "NASSAU", "OTTAWA", "MONTREAL", "TORONTO", "VANCOUVER", "CALGARY", "HALIFAX", "QUEBEC", "WINNIPEG", "PANAMA",
        "PARAMARIBO", "PORTAUPRINCE", "PORTOFSPAIN", "QUITO", "SANJOSE", "SANSALVADOR", "SANTIAGO", "SANTODOMINGO",
        "TEGUCIGALPA", "BRIDGETOWN", "BELMOPAN", "BELIZE", "HAMILTON", "CURACAO", "SANPEDROSULA",

        // Washington and other agencies
        "STATE", "SECDEF", "USUNNEWYORK", "USDAFAS", "USDOC", "USCBP", "USDOJ", "CDCATLANTAGA", "FSINFATC", "FESTTWO",
        "CHARLESTON", "JCS", "CIA", "DIA", "NSC", "TREASURY", "USAID",
    ], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // §6.3 table
        ["SECSTATE"] = "STATE", ["SECTSTATE"] = "STATE", ["SECTATE"] = "STATE", ["SECSATATE"] = "STATE", ["SECSTATEWASHDC"] = "STATE",
        ["SECTATWASHDC"] = "STATE", ["STAT"] = "STATE", ["STAE"] = "STATE", ["TATE"] = "STATE", ["STATAE"] = "STATE", ["SATTE"] = "STATE",
        ["WASHDC"] = "STATE", ["DEPT"] = "STATE", ["DEPARTMENT"] = "STATE", ["SECDEFWASH"] = "SECDEF", ["SECDEFWASHDC"] = "SECDEF",
        ["RIO"] = "RIODEJANEIRO", ["RIODEJAN"] = "RIODEJANEIRO", ["RIODEJANIERO"] = "RIODEJANEIRO", ["RIODEJANERIO"] = "RIODEJANEIRO",
        ["POS"] = "PORTOFSPAIN", ["PAUP"] = "PORTAUPRINCE", ["PAP"] = "PORTAUPRINCE", ["PORTA"] = "PORTAUPRINCE", ["PORTAUPR"] = "PORTAUPRINCE",
        ["HAGUE"] = "THEHAGUE", ["USUN"] = "USUNNEWYORK", ["USUNNY"] = "USUNNEWYORK", ["USUNNEYORK"] = "USUNNEWYORK",
        ["USUNNEW"] = "USUNNEWYORK", ["NEWYORK"] = "USUNNEWYORK", ["USEU"] = "USEUBRUSSELS", ["USEUBRUSS"] = "USEUBRUSSELS",
        ["USEUBRUSEELS"] = "USEUBRUSSELS", ["UNVIE"] = "UNVIEVIENNA", ["UNVIEVIEN"] = "UNVIEVIENNA", ["UNVIENNA"] = "UNVIEVIENNA",
        ["PARISFR"] = "UNESCOPARISFR", ["USUNESCOPARISFR"] = "UNESCOPARISFR", ["USUNESCO"] = "UNESCOPARISFR", ["UNESCO"] = "UNESCOPARISFR",
        ["USUNESCOPARIS"] = "UNESCOPARISFR", ["UNESCOPARIS"] = "UNESCOPARISFR",
        ["HCMC"] = "HOCHIMINHCITY", ["HCM"] = "HOCHIMINHCITY", ["HOCHIMINH"] = "HOCHIMINHCITY", ["HOCHIMIN"] = "HOCHIMINHCITY",
        ["BA"] = "BUENOSAIRES", ["BUENSOAIRES"] = "BUENOSAIRES", ["BUENOSAIREDS"] = "BUENOSAIRES", ["BUENESAIRES"] = "BUENOSAIRES",
        ["BUENOSAIRE"] = "BUENOSAIRES", ["BUENOSAIR"] = "BUENOSAIRES", ["MEXICOCITY"] = "MEXICO", ["MEX"] = "MEXICO",
        ["BRAZIL"] = "BRASILIA", ["BRASILA"] = "BRASILIA", ["BRASIIA"] = "BRASILIA", ["BRAZILIA"] = "BRASILIA", ["BRASIILIA"] = "BRASILIA",
        ["PAULO"] = "SAOPAULO", ["SAOPAUO"] = "SAOPAULO", ["SAOPAUL"] = "SAOPAULO", ["SCOPAULO"] = "SAOPAULO", ["SAOPULO"] = "SAOPAULO",
        ["TAIPEI"] = "AITTAIPEI", ["DELHI"] = "NEWDELHI", ["NEWDEHLI"] = "NEWDELHI", ["HK"] = "HONGKONG", ["KL"] = "KUALALUMPUR",
        ["KUALALUMP"] = "KUALALUMPUR", ["BKK"] = "BANGKOK", ["TGG"] = "TEGUCIGALPA", ["TEGUC"] = "TEGUCIGALPA", ["TEGUZ"] = "TEGUCIGALPA",
        ["SDO"] = "SANTODOMINGO", ["SD"] = "SANTODOMINGO", ["SANTODOMINIGO"] = "SANTODOMINGO", ["DAR"] = "DARESSALAAM",
        ["ADDIS"] = "ADDISABABA", ["ADDISABAB"] = "ADDISABABA", ["BSB"] = "BANDARSERIBEGAWAN", ["BANDAR"] = "BANDARSERIBEGAWAN",
        ["BANDARSERI"] = "BANDARSERIBEGAWAN", ["USDA"] = "USDAFAS", ["USDAFASWASHDC"] = "USDAFAS", ["USDOCWASHDC"] = "USDOC",
        ["DEPTOFCOMMERCE"] = "USDOC", ["DOC"] = "USDOC", ["USCUSTOMSA"] = "USCBP", ["DEPTOFJUST"] = "USDOJ", ["ATLANTA"] = "CDCATLANTAGA",
        ["CDC"] = "CDCATLANTAGA", ["CDCATLANTA"] = "CDCATLANTAGA", ["VAT"] = "VATICAN", ["HOLYSEE"] = "VATICAN", ["MVD"] = "MONTEVIDEO",
        ["TANA"] = "ANTANANARIVO", ["ANTAN"] = "ANTANANARIVO", ["ANTANANARI"] = "ANTANANARIVO", ["ANK"] = "ANKARA", ["ANAKRA"] = "ANKARA",
        ["ANARA"] = "ANKARA", ["DAM"] = "DAMASCUS", ["JAK"] = "JAKARTA", ["PETERSBURG"] = "STPETERSBURG", ["SAINTPETERSBURG"] = "STPETERSBURG",
        ["PORTOFSPAINTRINIDAD"] = "PORTOFSPAIN", ["GUATEMALACITY"] = "GUATEMALA", ["PANAMACITY"] = "PANAMA", ["KUWAITCITY"] = "KUWAIT",
        ["OSAKA"] = "OSAKAKOBE", ["RPO"] = "RPODUBAI", ["IRANRPO"] = "IRANRPODUBAI", ["TREAS"] = "TREASURY",
        ["CAPETOWNSA"] = "CAPETOWN", ["USMISSIONGENEVA"] = "GENEVA", ["USMISSIONUSNATO"] = "USNATO", ["USOSCEVIENNA"] = "USOSCE",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Words before an origin that name the kind of post, not the post (§6.3: strip USMISSION, AMEMBASSY, EMBASSY).
    private static readonly string[] Prefixes = ["AMEMBASSY", "USEMBASSY", "EMBASSY", "AMCONSULATE", "AMCONSUL", "CONSULATE", "USMISSION", "USINT", "AMCONGEN", "CONGEN"];

    /// <summary>
    /// The canonical station for origin words already joined, upper case, without spaces or punctuation; null when the
    /// words name no known station. One-letter typos of a name of six letters or more are repaired (§6.3: <c>TRIPOLII</c>,
    /// <c>BISHTEK</c>, <c>KATHAMNDU</c>); five-letter names only for swapped letters (<c>AUBJA</c>).
    /// </summary>
    public static string? Resolve(string joined)
    {
        if (joined.Length < 2)
            return null;
        if (Lookup(joined) is { } direct)
            return direct;

        foreach (var prefix in Prefixes)
        {
            if (joined.Length > prefix.Length + 1 && joined.StartsWith(prefix, StringComparison.Ordinal) && Lookup(joined[prefix.Length..]) is { } stripped)
                return stripped;
        }

        return joined.Length >= 5 ? Nearest(joined) : null;
    }

    private static string? Lookup(string name)
    {
        if (Canonical.Contains(name))
            return name;
        return Aliases.TryGetValue(name, out var canonical) ? canonical : null;
    }

    // The one station within one edit (insertion, deletion, substitution or swap of neighbours); null when none or several.
    private static string? Nearest(string name)
    {
        string? found = null;
        foreach (var candidate in Canonical)
        {
            if (Math.Abs(candidate.Length - name.Length) > 1 || candidate.Length < 5)
                continue;
            var swapOnly = name.Length < 6 || candidate.Length < 6;
            if (!WithinOneEdit(name, candidate, swapOnly))
                continue;
            if (found is not null && found != candidate)
                return null;
            found = candidate;
        }

        return found;
    }

    private static bool WithinOneEdit(string a, string b, bool swapOnly)
    {
        if (a.Length == b.Length)
        {
            var first = -1;
            var differences = 0;
            for (var i = 0; i < a.Length; i++)
            {
                if (a[i] == b[i])
                    continue;
                if (++differences > 2)
                    return false;
                if (first < 0)
                    first = i;
            }

            if (differences == 0)
                return true;
            var swapped = differences == 2 && first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first];
            return swapped || (!swapOnly && differences == 1);
        }

        if (swapOnly)
            return false;
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        var skip = 0;
        for (int i = 0, j = 0; i < longer.Length; i++)
        {
            if (j < shorter.Length && longer[i] == shorter[j])
            {
                j++;
                continue;
            }

            if (++skip > 1)
                return false;
        }

        return true;
    }
}
