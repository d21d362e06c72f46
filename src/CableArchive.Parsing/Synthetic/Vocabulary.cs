namespace CableArchive.Parsing.Synthetic;

/// <summary>
/// The words the generator writes cables with. The lists are the project's own; they imitate the register of real
/// cables without copying any. Nothing here may look like a field keyword when it starts a line (SUBJECT, REF, TAGS,
/// SUMMARY, COMMENT, SECTION, PAGE), a portion mark when parenthesised, or a redaction (a run of X).
/// </summary>
internal static class Vocabulary
{
    /// <summary>Subject-category tags (cable-format notes §5.2).</summary>
    public static readonly string[] SubjectTags =
    [
        "PGOV", "PREL", "ECON", "EFIN", "ETRD", "EINV", "ENRG", "EPET", "EAID", "PHUM", "PTER", "PINR", "MARR", "MOPS",
        "MASS", "MCAP", "PARM", "SNAR", "SOCI", "ASEC", "CVIS", "CASC", "AMGT", "ELAB", "SENV", "TBIO", "OVIP", "OREP", "PINS", "SMIG",
    ];

    /// <summary>Program ("K") tags (§5.2).</summary>
    public static readonly string[] ProgramTags = ["KNNP", "KTIP", "KDEM", "KPAO", "KCRM", "KIPR", "KWBG", "KJUS", "KISL", "KCOR", "KTFN", "KFRD"];

    /// <summary>Organisation tags (§5.2).</summary>
    public static readonly string[] OrganizationTags = ["NATO", "UNSC", "UNGA", "EUN", "IAEA", "WTO", "OSCE", "ASEAN", "OAS", "IMF"];

    /// <summary>Person tags as the OVIP (SURNAME, GIVEN) form writes them, in their canonical spelling (§5.2: STEINBERG, JAMES B.).</summary>
    public static readonly string[] PersonTags = ["CLINTON, HILLARY", "STEINBERG, JAMES B.", "BIDEN, JOSEPH", "RICE, CONDOLEEZZA", "GATES, ROBERT M."];

    /// <summary>Given names for people in the text.</summary>
    public static readonly string[] GivenNames =
    [
        "Ahmed", "Ana", "Boris", "Carlos", "Chen", "Daniel", "Elena", "Farid", "Hans", "Hiroshi", "Ibrahim", "Ingrid", "Jorge",
        "Kamal", "Katarzyna", "Luis", "Maria", "Mehmet", "Nadia", "Olga", "Pedro", "Rashid", "Sergei", "Sofia", "Tomas", "Viktor", "Yuki",
    ];

    /// <summary>Surnames for people in the text.</summary>
    public static readonly string[] Surnames =
    [
        "Abdullah", "Alvarez", "Bessho", "Castillo", "Demir", "Dlamini", "Fernandez", "Haddad", "Ivanov", "Jansen", "Kawai",
        "Kowalski", "Lindqvist", "Mansour", "Moreno", "Nakajima", "Novak", "Okafor", "Petrov", "Quiroga", "Rahimi",
        "Santos", "Tanaka", "Vargas", "Weber", "Yilmaz", "Zhang",
    ];

    /// <summary>Titles of officials of the host government.</summary>
    public static readonly string[] HostTitles =
    [
        "Foreign Minister", "Deputy Foreign Minister", "Interior Minister", "Defense Minister", "Finance Minister",
        "MFA Director General", "Prime Minister", "presidential advisor", "opposition leader", "party chairman",
        "central bank governor", "Chief of Staff", "parliamentarian", "Governor",
    ];

    /// <summary>Titles of the post's own officers.</summary>
    public static readonly string[] OfficerTitles = ["Ambassador", "the DCM", "Poloff", "Econoff", "PolCouns", "the Charge", "Emboffs", "the Defense Attache", "PolMilOff"];

    /// <summary>Subjects of clauses that are not people.</summary>
    public static readonly string[] Bodies =
    [
        "the government", "the ruling party", "the opposition", "the Ministry of Foreign Affairs", "the Ministry of Defense",
        "local officials", "the central bank", "the parliament", "the security services", "the coalition partners",
        "the national police", "business leaders", "civil society groups", "the election commission", "the cabinet",
        "the armed forces", "the courts", "the press", "regional governors", "the donor community",
    ];

    /// <summary>Verbs in the past tense, each followed by an object.</summary>
    public static readonly string[] Verbs =
    [
        "expressed concern about", "raised", "welcomed", "rejected", "discussed", "emphasized", "questioned", "pressed for",
        "agreed to support", "warned against", "signaled openness to", "criticized", "reviewed", "outlined", "defended",
        "downplayed", "asked about", "promised action on", "described", "acknowledged problems with", "sought clarity on",
        "offered to mediate on", "postponed a decision on", "called for progress on", "pledged funding for",
    ];

    /// <summary>Objects of clauses.</summary>
    public static readonly string[] Objects =
    [
        "the draft agreement", "the proposed reforms", "the upcoming elections", "bilateral trade", "the security situation in the north",
        "the budget shortfall", "the new visa regime", "cooperation on counterterrorism", "energy subsidies", "the peace process",
        "the detention of journalists", "the border dispute", "the nuclear program", "refugee flows", "the anti-corruption campaign",
        "military cooperation", "the trafficking-in-persons report", "the investment climate", "the fuel shortage",
        "the constitutional amendment", "the hostage negotiations", "the pipeline project", "customs procedures",
        "the human rights dialogue", "the regional summit", "the export controls regime", "the judicial reform package",
        "the fisheries agreement", "the census results", "the mining concessions",
    ];

    /// <summary>What a topic of <see cref="Lexicon"/> words is: "the Kelomar pipeline dispute".</summary>
    public static readonly string[] TopicNouns = ["issue", "question", "project", "dispute", "agreement", "program", "case", "plan", "talks", "initiative", "deal", "proposal"];

    /// <summary>Tails that end a clause.</summary>
    public static readonly string[] Modifiers =
    [
        "", "", "", " during the meeting", " in recent weeks", " at the ministerial", " in private", " without elaborating",
        " in a lengthy exchange", " before the cabinet meeting", " with some frustration", " in strong terms",
        " on the margins of the conference", " over lunch", " in a televised address", " according to press reports",
    ];

    /// <summary>Words that open a sentence.</summary>
    public static readonly string[] Openers =
    [
        "", "", "", "", "In a meeting with Poloff, ", "Separately, ", "At the same time, ", "Privately, ", "In response, ",
        "By contrast, ", "As a result, ", "Nevertheless, ", "Earlier this month, ", "According to a well-placed contact, ",
    ];

    /// <summary>Clauses that join two sentences.</summary>
    public static readonly string[] Connectives = [", but ", ", and ", ", while ", "; however, ", ", although ", " because "];

    /// <summary>Quoted phrases, with the curly or straight quotes real text carries (§12).</summary>
    public static readonly string[] Quotes =
    [
        "\"a serious mistake\"", "\"unacceptable interference\"", "“the talk of the town”", "\"a step in the right direction\"",
        "“no going back”", "\"business as usual\"",
    ];

    /// <summary>Acronyms that appear in parentheses after their expansion; none reads as a portion mark.</summary>
    public static readonly (string Expansion, string Acronym)[] Acronyms =
    [
        ("Afghan National Army", "ANA"), ("Ministry of Interior", "MOI"), ("non-governmental organization", "NGO"),
        ("Provincial Reconstruction Team", "PRT"), ("International Atomic Energy Agency", "IAEA"), ("World Food Program", "WFP"),
        ("Free Trade Agreement", "FTA"), ("Memorandum of Understanding", "MOU"),
    ];

    /// <summary>Months as DTGs and dates write them.</summary>
    public static readonly string[] MonthAbbreviations = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>Months as prose writes them.</summary>
    public static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>Topic words for SUBJECT lines.</summary>
    public static readonly string[] SubjectTopics =
    [
        "ELECTIONS", "CABINET RESHUFFLE", "BUDGET DEBATE", "COUNTERTERRORISM COOPERATION", "TRADE DISPUTE", "ENERGY SECURITY",
        "HUMAN RIGHTS DIALOGUE", "MILITARY PROCUREMENT", "PEACE TALKS", "REFUGEE CRISIS", "NUCLEAR ISSUES", "VISA POLICY",
        "ANTI-CORRUPTION CAMPAIGN", "PRESS FREEDOM", "BORDER SECURITY", "INVESTMENT CLIMATE", "DRUG TRAFFICKING", "COALITION POLITICS",
    ];

    /// <summary>Subject line patterns; {0} is the country, {1} a topic, {2} a person's surname, {3} a second topic.</summary>
    public static readonly string[] SubjectPatterns =
    [
        "{0}: {1} ENTERS A NEW PHASE", "{0} CONSIDERING WITHDRAWING COOPERATION ON {1}", "AMBASSADOR'S MEETING WITH {2} ON {1}",
        "{0}: {2} PRESSES FOR PROGRESS ON {1}", "SCENESETTER FOR THE VISIT OF DEPUTY SECRETARY TO {0}", "{0}: {1} AND {3} DOMINATE THE AGENDA",
        "{2} ON {1}, {3} AND RELATIONS WITH THE UNITED STATES", "{0}: GOVERNMENT RESPONSE TO {1} DRAWS CRITICISM",
        "DEMARCHE DELIVERED ON {1}", "{0}: WEEKLY UPDATE ON {1}", "{0}'S {1}: WHAT COMES NEXT",
    ];

    /// <summary>People who sign for the Department, by the years they held office (cable-format notes §9).</summary>
    public static readonly (int From, int To, string Name)[] Secretaries =
    [
        (1966, 1968, "RUSK"), (1969, 1972, "ROGERS"), (1973, 1976, "KISSINGER"), (1977, 1979, "VANCE"), (1980, 1980, "MUSKIE"),
        (1981, 1981, "HAIG"), (1982, 1988, "SHULTZ"), (1989, 1992, "BAKER"), (1993, 1996, "CHRISTOPHER"), (1997, 2000, "ALBRIGHT"),
        (2001, 2004, "POWELL"), (2005, 2008, "RICE"), (2009, 2010, "CLINTON"),
    ];

    /// <summary>Surnames of chiefs of mission who sign post cables; some have two words (§9: VAN VOORST).</summary>
    public static readonly string[] ChiefsOfMission =
    [
        "SCHIEFFER", "VAN VOORST", "TEFFT", "HEFFERN", "LAINGEN", "BUSHNELL", "FARLAND", "KEEGAN", "STAPLETON", "BEYRLE", "MURPHY",
        "AGUIRRE", "LEBARON", "DE PREE", "CROCKER", "MCFARLAND", "WAYNE", "GREENLEE", "SOBEL", "KENNY", "GUTIERREZ", "DAALDER",
    ];

    /// <summary>Full names of classifying officers for the Classified By line (§7).</summary>
    public static readonly string[] Classifiers =
    [
        "J. Thomas Schieffer", "Liz Dibble", "Michael J. Fitzpatrick", "David N. Greenlee", "Lino Gutierrez", "Dennis Hearne",
        "James C. Kenny", "Clifford Sobel", "Glyn T. Davies", "Nancy McEldowney", "Chris Stevens", "Josiah Rosenblatt",
    ];

    /// <summary>Titles that precede the classifier's name (§7).</summary>
    public static readonly string[] ClassifierTitles =
        ["Ambassador", "DCM", "Charge d'Affaires", "Political Counselor", "POL/Couns", "Amb.", "Acting DCM", "Economic Counselor", "A/PolAd"];

    /// <summary>Office FOR lines between the captions and the E.O. line (§3.2).</summary>
    public static readonly string[] ForLines =
    [
        "DEPT FOR EAP/J AND INR", "STATE FOR EUR/RUS", "DEPT FOR NEA/MAG AND DRL", "DEPT PASS USTR", "STATE FOR WHA/AND",
        "DEPT FOR AF/E", "STATE FOR SCA/A", "DEPT FOR EEB/ESC/IEC",
    ];

    /// <summary>Words of non-cable references: e-mails, meetings, documents (§6.2).</summary>
    public static readonly string[] EmailReferences =
        ["{0}-DESK E-MAIL {1}", "{0} EMAIL {1}", "{0}/POL E-MAIL OF {1}"];

    /// <summary>Conversation references (§6.2: TELCON, MEMCON).</summary>
    public static readonly string[] ConversationReferences = ["{0}/{2} TELCON {1}", "{0} MEMCON {1}", "{0}/{2} MEETING {1}"];
}
